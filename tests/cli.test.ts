// The CLI as a user runs it: a child process, real files in a temp folder.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaText } from '../src/cli/main.ts';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/juesuan.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('juesuan check', () => {
  it('passes the 2024 example and prints its findings with file:line:col', () => {
    const r = run('check', 'data/dongxihu-2024.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^data\/dongxihu-2024\.yaml:\d+:\d+ 提示 \[t06-group-sum\] tables\.t06\.rows\[0\]\.amount：/m);
    expect(r.out).toContain('0 个错误');
    expect(r.out).toContain('校验通过');
  });

  it('fails a copy with one figure changed by 0.10, naming the broken relation and its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-'));
    const file = join(dir, 'copy.yaml');
    const text = readFileSync('data/dongxihu-2024.yaml', 'utf8');
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes('2012901') && l.includes('98.60'));
    expect(i).toBeGreaterThan(0);
    lines[i] = lines[i]!.replace('98.60', '98.70');
    writeFileSync(file, lines.join('\n'));
    const r = run('check', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:${i + 1}:`);
    expect(r.out).toMatch(/错误 \[(fn-row-formula|fn-section-sum)\]/);
    expect(r.out).toContain('校验未通过');
  });

  it('--format json gives machine-readable findings', () => {
    const r = run('check', 'data/dongxihu-2020.yaml', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.ok).toBe(true);
    expect(j.counts.error).toBe(0);
    expect(j.diagnostics[0]).toMatchObject({ rule: expect.any(String), severity: expect.any(String), line: expect.any(Number), col: expect.any(Number), path: expect.any(String), hint: expect.any(String) });
  });

  it('reports a missing file and bad YAML with exit 1', () => {
    const r = run('check', 'no/such/file.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toContain('[file-read]');
    expect(r.out).toContain('文件不存在');
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'meta:\n  year: [2024\n');
    const r2 = run('check', bad);
    expect(r2.code).toBe(1);
    expect(r2.out).toMatch(/bad\.yaml:\d+:\d+ 错误 \[yaml-syntax\]/);
  });

  it('usage errors exit 2; --help works and is Chinese', () => {
    expect(run('check').code).toBe(2);
    expect(run('frobnicate').code).toBe(2);
    expect(run('check', 'data/dongxihu-2024.yaml', '--format', 'xml').code).toBe(2);
    const h = run('check', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('校验一个部门年度数据文件');
    expect(run('--help').out).toContain('部门决算公开');
  });
});

describe('juesuan schema', () => {
  it('the committed JSON Schema is up to date (run `npm run schema` after changing src/input/schema.ts)', () => {
    expect(readFileSync('schema/juesuan.schema.json', 'utf8')).toBe(schemaText());
  });

  it('describes the format for editors: unknown keys are disallowed, fields carry Chinese descriptions', () => {
    const s = JSON.parse(schemaText());
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.meta.properties.department.description).toContain('部门简称');
    expect(s.properties.tables.properties.t01.description).toContain('收入支出决算总表');
  });

  it('writes atomically to --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-'));
    const out = join(dir, 'sub', 's.json');
    execFileSync(process.execPath, ['bin/juesuan.mjs', 'schema', '--out', out]);
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8')).title).toBe('部门决算公开数据');
  });
});

describe('juesuan build', () => {
  it('writes the chosen formats into --out and lists them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-build-'));
    const r = run('build', 'data/dongxihu-2024.yaml', '--out', dir, '--format', 'md,html,json');
    expect(r.code).toBe(0);
    for (const ext of ['md', 'html', 'json']) expect(r.out).toContain(`已生成 ${join(dir, `dongxihu-2024.${ext}`)}`);
    expect(readFileSync(join(dir, 'dongxihu-2024.md'), 'utf8')).toContain('基本支出 211.93 万元，占本年支出 22.7%');
    const html = readFileSync(join(dir, 'dongxihu-2024.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/iu);
    expect(html).toContain('<caption');
    expect(JSON.parse(readFileSync(join(dir, 'dongxihu-2024.json'), 'utf8')).type).toBe('document');
    expect(r.err).toContain('[score-execution]'); // warnings are shown, the build goes on
  });

  it('refuses data with errors, writes nothing and keeps earlier outputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-build-'));
    const good = run('build', 'data/dongxihu-2024.yaml', '--out', dir, '--format', 'md');
    expect(good.code).toBe(0);
    const before = readFileSync(join(dir, 'dongxihu-2024.md'), 'utf8');
    const bad = join(dir, 'dongxihu-2024.yaml');
    writeFileSync(bad, readFileSync('data/dongxihu-2024.yaml', 'utf8').replace('{ code: 2012901, name: 行政运行, total: 98.60, fiscal: 98.60 }', '{ code: 2012901, name: 行政运行, total: 98.70, fiscal: 98.70 }'));
    const text = readFileSync(bad, 'utf8');
    expect(text).not.toBe(readFileSync('data/dongxihu-2024.yaml', 'utf8'));
    const r = run('build', bad, '--out', dir, '--format', 'md');
    expect(r.code).toBe(1);
    expect(r.err).toContain('未生成任何文件');
    expect(readFileSync(join(dir, 'dongxihu-2024.md'), 'utf8')).toBe(before);
  });

  it('reports an unknown format as a usage error', () => {
    const r = run('build', 'data/dongxihu-2024.yaml', '--format', 'rtf');
    expect(r.code).toBe(2);
    expect(r.err).toContain('不支持的输出格式“rtf”');
  });
});
