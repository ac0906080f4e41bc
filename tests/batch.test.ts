// `juesuan batch` as a user runs it: a child process over a temp folder of data files.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfInfo } from './helpers/pdf.ts';
import { countPdfPages, csvText, displayWidth, parseFormats } from '../src/batch/common.ts';
import { workerExecArgv } from '../src/batch/pool.ts';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/juesuan.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** A simple CSV reader for the summary (quoted fields allowed). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\r\n').filter(Boolean)) {
    const cells: string[] = [];
    for (const m of line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)) {
      const v = m[1]!;
      cells.push(v.startsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v);
      if (m[2] === '') break;
    }
    rows.push(cells);
  }
  return rows;
}

function folder(): { dir: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-batch-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  return { dir, data };
}

describe('juesuan batch', () => {
  it('renders the good files, reports the broken ones, prints and writes the summary, exits 1', () => {
    const { dir, data } = folder();
    copyFileSync('data/dongxihu-2024.yaml', join(data, 'dxh-2024.yaml'));
    copyFileSync('data/dongxihu-2020.yaml', join(data, 'dxh-2020.yaml'));
    const text = readFileSync('data/dongxihu-2024.yaml', 'utf8');
    writeFileSync(join(data, 'broken-check.yaml'), text.replace('2012901, name: 行政运行, total: 98.60, fiscal: 98.60', '2012901, name: 行政运行, total: 98.70, fiscal: 98.60'));
    writeFileSync(join(data, 'broken-yaml.yml'), 'meta:\n  year: [2024\n');
    writeFileSync(join(data, 'notes.txt'), 'not a data file');
    mkdirSync(join(data, 'sub'));
    copyFileSync('data/dongxihu-2024.yaml', join(data, 'sub', 'nested-2024.yaml'));
    const out = join(dir, 'out');

    const r = run('batch', data, '--out', out, '--format', 'md,docx', '--jobs', '2');
    expect(r.code).toBe(1);
    // a progress line per file, the errors of the failed ones
    expect(r.out.match(/^\[\d\/4\] /gm)).toHaveLength(4);
    expect(r.out).toMatch(/^\[\d\/4\] 完成 dxh-2024\.yaml（东西湖区总工会 2024）：0 个错误/m);
    expect(r.out).toMatch(/^\[\d\/4\] 未生成 broken-check\.yaml/m);
    expect(r.out).toMatch(/broken-check\.yaml:\d+:\d+ 错误 \[(fn-row-formula|fn-section-sum)\]/);
    expect(r.out).toMatch(/broken-yaml\.yml:\d+:\d+ 错误 \[yaml-syntax\]/);
    // the summary table
    expect(r.out).toMatch(/文件\s+部门\s+年度\s+格式模板\s+错误\/警告\s+页数\s+结果\s+输出文件/);
    expect(r.out).toMatch(/dxh-2020\.yaml\s+东西湖区总工会\s+2020\s+wuhan-2020\s+0\/\d+\s+成功/);
    expect(r.out).toContain('共 4 个文件：成功 2 个，失败 2 个');
    // outputs for the good files only, nothing from the subfolder
    for (const f of ['dxh-2024.md', 'dxh-2024.docx', 'dxh-2020.md', 'dxh-2020.docx']) expect(existsSync(join(out, f)), f).toBe(true);
    for (const f of ['broken-check.md', 'broken-check.docx', 'broken-yaml.md', 'nested-2024.md']) expect(existsSync(join(out, f)), f).toBe(false);

    const bytes = readFileSync(join(out, '汇总.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['文件', '部门', '年度', '格式模板', '错误', '警告', '页数', '结果', 'MD 文件', 'DOCX 文件', '说明']);
    const byName = new Map(rows.slice(1).map((row) => [row[0]!.split(/[\\/]/).pop()!, row]));
    expect([...byName.keys()].sort()).toEqual(['broken-check.yaml', 'broken-yaml.yml', 'dxh-2020.yaml', 'dxh-2024.yaml']);
    const good = byName.get('dxh-2024.yaml')!;
    expect(good.slice(1, 5)).toEqual(['东西湖区总工会', '2024', 'wuhan-2024', '0']);
    expect(good[5]).toMatch(/^\d+$/);
    expect(good.slice(6, 8)).toEqual(['', '成功']);
    expect(byName.get('dxh-2024.yaml')![8]).toBe(join(out, 'dxh-2024.md'));
    expect(byName.get('dxh-2024.yaml')![9]).toBe(join(out, 'dxh-2024.docx'));
    expect(byName.get('dxh-2020.yaml')!.slice(1, 4)).toEqual(['东西湖区总工会', '2020', 'wuhan-2020']);
    const check = byName.get('broken-check.yaml')!;
    expect(check.slice(1, 4)).toEqual(['东西湖区总工会', '2024', 'wuhan-2024']);
    expect(Number(check[4])).toBeGreaterThan(0);
    expect(check[7]).toBe('有错误');
    expect(check[8]).toBe('');
    const yaml = byName.get('broken-yaml.yml')!;
    expect(yaml.slice(1, 5)).toEqual(['', '', '', '1']);
    expect(yaml[7]).toBe('有错误');
  }, 120_000);

  it('counts PDF pages, takes --csv, exits 0 when every file is good', () => {
    const { dir, data } = folder();
    copyFileSync('data/dongxihu-2024.yaml', join(data, 'one.yaml'));
    const out = join(dir, 'out');
    const csv = join(dir, 'reports', 'summary.csv');
    const r = run('batch', data, '--out', out, '--format', 'pdf', '--jobs', '1', '--csv', csv);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const pages = Number(pdfInfo(join(out, 'one.pdf'))['Pages']);
    expect(pages).toBeGreaterThan(20);
    expect(r.out).toMatch(new RegExp(`^\\[1/1\\] 完成 one\\.yaml.*，${pages} 页`, 'm'));
    const rows = parseCsv(readFileSync(csv, 'utf8').slice(1));
    expect(rows[1]![6]).toBe(String(pages));
    expect(rows[1]![8]).toBe(join(out, 'one.pdf'));
    expect(existsSync(join(out, '汇总.csv'))).toBe(false);
  }, 120_000);

  it('usage errors exit 2; --help is Chinese with an example', () => {
    const { dir, data } = folder();
    expect(run('batch', data).code).toBe(2); // --out is required
    expect(run('batch', join(dir, 'nope'), '--out', dir).code).toBe(2);
    expect(run('batch', data, '--out', dir, '--jobs', '0').code).toBe(2);
    expect(run('batch', data, '--out', dir, '--format', 'xml').code).toBe(2);
    const empty = run('batch', data, '--out', dir);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('没有数据文件');
    const h = run('batch', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('批量校验并生成');
    expect(h.out).toContain('示例：');
    expect(h.out).toContain('子文件夹不扫描');
  });
});

describe('batch helpers', () => {
  it('counts PDF page objects, not the page tree', () => {
    const pdf = new TextEncoder().encode('1 0 obj << /Type /Pages /Count 2 >> 2 0 obj << /Type /Page >> 3 0 obj <</Type/Page/Parent 1 0 R>>');
    expect(countPdfPages(pdf)).toBe(2);
  });

  it('CSV has a BOM, CRLF lines and quoted fields where needed', () => {
    expect(csvText([['a', 'b,c'], ['"x"', '行\n2']])).toBe('\uFEFFa,"b,c"\r\n"""x""","行\n2"\r\n');
  });

  it('parses formats, measures CJK width, drops loader flags for workers', () => {
    expect(parseFormats('pdf, docx,pdf')).toEqual({ formats: ['pdf', 'docx'], unknown: [] });
    expect(parseFormats('pdf,xml').unknown).toEqual(['xml']);
    expect(displayWidth('部门ab')).toBe(6);
    expect(workerExecArgv(['--import', 'tsx', '--max-old-space-size=4096', '--loader=x', '-r', 'y'])).toEqual(['--max-old-space-size=4096']);
  });
});
