// `juesuan init` as a user runs it (child processes, real files in a temp folder), plus the
// emitter's fidelity: writing a complete data file through it must give back the same data.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { dataSchema, emitDocument, type JsonSchema } from '../src/init/emit.ts';
import { FALLBACK, HEADERS, planInit, SCHEMA_FILE } from '../src/init/index.ts';
import { analyse } from '../src/pipeline/analyse.ts';

const BIN = resolve('bin/juesuan.mjs');
const run = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const temp = () => mkdtempSync(join(tmpdir(), 'juesuan-init-'));

/** Every description in the data format's JSON Schema. */
function descriptions(n: JsonSchema, out = new Set<string>()): Set<string> {
  if (n.description) out.add(n.description);
  for (const p of Object.values(n.properties ?? {})) descriptions(p, out);
  if (n.items) descriptions(n.items, out);
  for (const b of n.anyOf ?? []) descriptions(b, out);
  if (typeof n.additionalProperties === 'object') descriptions(n.additionalProperties, out);
  return out;
}

/** Errors of `juesuan check`: rule and message, one per finding line. */
const findings = (out: string) => [...out.matchAll(/^\S+:\d+:\d+ 错误 \[([\w-]+)\] [^：]+：(.*)$/gmu)].map((m) => ({ rule: m[1]!, message: m[2]! }));

/** The placeholder messages the loader gives for an empty value. */
const PLACEHOLDER = /^(此项为空：请填写，或删除这一行|应为文字，实际为空值|无效选项：期望以下之一 .*)$/u;

describe('juesuan init (new department)', () => {
  const dir = temp();
  const file = join(dir, 'new', '测试局-2025.yaml');
  let r: ReturnType<typeof run>;
  let text = '';
  beforeAll(() => {
    r = run(['init', file, '--department', '测试局', '--year', '2025']);
    text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  });

  it('writes the file and says how many placeholders it has', () => {
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^已生成 .*测试局-2025\.yaml（\d+ 处待填写）/u);
    expect(r.out).toContain('juesuan check');
  });

  it('starts with a yaml-language-server $schema comment pointing at the JSON Schema', () => {
    const first = text.split('\n')[0]!;
    const m = /^# yaml-language-server: \$schema=(.+)$/u.exec(first);
    expect(m).not.toBeNull();
    expect(m![1]).not.toMatch(/^\//u); // relative
    expect(resolve(dirname(file), m![1]!)).toBe(SCHEMA_FILE);
  });

  it('parses as YAML and has every top-level section, with section headers', () => {
    const data = parse(text) as Record<string, unknown>;
    for (const key of ['meta', 'overview', 'tables', 'narrative', 'keyWork', 'glossary', 'appendix']) expect(data).toHaveProperty(key);
    expect(data['meta']).toMatchObject({ department: '测试局', year: 2025, profile: 'wuhan-2024', unit: '万元', fullName: null });
    for (const h of ['第一部分 概况', '第二部分 决算表', '第三部分 决算情况说明所需的补充数据', '第四部分 重点工作完成情况', '第五部分 名词解释', '第六部分 附件']) expect(text).toContain(`# ${h}`);
  });

  it('explains every field with its description from the zod schema', () => {
    expect(text).toMatch(/^ {2}department: 测试局 +# 部门简称，用于正文/mu);
    expect(text).toMatch(/^ {2}fullName: +# 部门全称/mu);
    expect(text).toMatch(/^ {2}level: +# 政府层级.*（可选值：区级、县级、市级、省级）/mu);
    expect(text).toMatch(/^ {2}# phone: +# 联系电话（可选）/mu);
    expect(text).toContain('# 公开02表 收入决算表');
    expect(text).toContain('total：本年收入合计（栏1）');
    const missing = [...descriptions(dataSchema())].filter((d) => !text.includes(d));
    expect(missing).toEqual([]);
  });

  it('fails `check` on exactly the placeholders, each with a clear message (no crash)', () => {
    const c = run(['check', file]);
    expect(c.code).toBe(1);
    expect(c.err).toBe('');
    const f = findings(c.out);
    expect(f.length).toBeGreaterThan(50);
    expect(f.filter((x) => !PLACEHOLDER.test(x.message))).toEqual([]);
    expect(c.out).toContain('meta.fullName：应为文字，实际为空值');
    expect(c.out).toContain('tables.t02.rows[0].code：此项为空：请填写，或删除这一行');
    const blanks = Number(/（(\d+) 处待填写）/u.exec(r.out)![1]);
    expect(f.length).toBe(blanks);
    expect(c.out).toContain('校验未通过');
  });

  it('refuses to overwrite an existing file without --force (exit 1), overwrites with it', () => {
    writeFileSync(file, '# 我填了一半\n');
    const again = run(['init', file, '--department', '测试局', '--year', '2025']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已存在');
    expect(again.err).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('# 我填了一半\n');
    const forced = run(['init', file, '--department', '测试局', '--year', '2025', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('juesuan init --from last year', () => {
  const dir = temp();
  const last = join(dir, 'dongxihu-2024.yaml');
  const file = join(dir, 'dongxihu-2025.yaml');
  const prev = parse(readFileSync('data/dongxihu-2024.yaml', 'utf8')) as Record<string, any>;
  let r: ReturnType<typeof run>;
  let text = '';
  let data: Record<string, any> = {};
  beforeAll(() => {
    copyFileSync('data/dongxihu-2024.yaml', last);
    r = run(['init', '--from', last, '--year', '2025']);
    text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    data = (text ? parse(text) : {}) as Record<string, any>;
  });

  it('names the new file after the old one with the new year', () => {
    expect(r.code).toBe(0);
    expect(r.out).toContain('dongxihu-2025.yaml');
    const ref = /^# yaml-language-server: \$schema=(.+)$/u.exec(text.split('\n')[0]!)?.[1];
    expect(ref && resolve(dir, ref)).toBe(SCHEMA_FILE);
  });

  it('carries over names, profile, level, 职责, 单位, codes, projects, class uses and the key-work items', () => {
    expect(data['meta']).toMatchObject({ department: '东西湖区总工会', fullName: '武汉市东西湖区总工会', year: 2025, level: '区级', profile: 'wuhan-2024', publishDate: null });
    expect(data['overview'].duties).toEqual(prev['overview'].duties);
    expect(data['overview'].units.map((u: { name: string }) => u.name)).toEqual(['东西湖区总工会', '东西湖区困难职工帮扶中心']);
    expect(data['tables'].t02.rows[2]).toEqual({ code: 2012901, name: '行政运行', total: null, fiscal: null });
    expect(Object.keys(data['tables'].t01.expenditure)).toEqual(['201', '208', '210', '221']);
    expect(data['narrative'].classUses).toEqual(prev['narrative'].classUses);
    expect(data['narrative'].projects.items.map((p: { name: string }) => p.name)).toEqual(prev['narrative'].projects.items.map((p: { name: string }) => p.name));
    expect(data['narrative'].projects.items[0]).toEqual({ name: '单位人员医疗', budget: null, amount: null, outcome: null });
    expect(data['keyWork'].table[0]).toMatchObject({ item: '开展职工关爱活动', status: null });
    expect(data['appendix'].projects.map((p: { name: string }) => p.name)).toEqual(prev['appendix'].projects.map((p: { name: string }) => p.name));
  });

  it("fills narrative.previous with last year's totals, two decimals, reasons left to fill", () => {
    for (const key of ['grandTotal', 'income', 'expenditure', 'fiscalGrandTotal', 'generalBudgetIncome', 'generalBudgetExpenditure'])
      expect(text).toMatch(new RegExp(`^ {4}${key}: \\{ amount: 933\\.96, reason: \\}$`, 'mu'));
    expect(text).toMatch(/^ {4}operatingCost: \{ amount: 52\.91, reason: \}$/mu);
    expect(text).toMatch(/^ {6}abroad: \{ amount: 0\.00, reason: \}$/mu);
    expect(text).toMatch(/^ {6}vehicle: \{ amount: 0\.00, reason: \}$/mu);
    expect(text).toMatch(/^ {6}reception: \{ amount: 0\.00, reason: \}$/mu);
    expect(data['narrative'].previous.grandTotal).toEqual({ amount: 933.96, reason: null });
  });

  it('leaves the new figures blank, so `check` fails on placeholders only', () => {
    const c = run(['check', file]);
    expect(c.code).toBe(1);
    const f = findings(c.out);
    expect(f.filter((x) => !PLACEHOLDER.test(x.message))).toEqual([]);
    expect(c.out).toContain('tables.t02.rows[2].total：此项为空');
    expect(c.out).not.toContain('narrative.previous.grandTotal.amount');
  });

  it('will not overwrite last year', () => {
    const same = run(['init', last, '--from', last]);
    expect(same.code).toBe(2);
    expect(same.err).toContain('不能与上年文件相同');
  });
});

describe('juesuan init usage', () => {
  it('rejects a bad year or an unknown profile with exit 2; --help is Chinese with examples', () => {
    const dir = temp();
    const y = run(['init', join(dir, 'a.yaml'), '--year', '二〇二五']);
    expect(y.code).toBe(2);
    expect(y.err).toContain('年度');
    const p = run(['init', join(dir, 'a.yaml'), '--profile', 'no-such-format']);
    expect(p.code).toBe(2);
    expect(p.err).toContain('wuhan-2024');
    expect(existsSync(join(dir, 'a.yaml'))).toBe(false);
    const h = run(['init', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('带中文注释的数据文件');
    expect(h.out).toContain('示例：');
    expect(h.out).toContain('--from');
  });

  it('reports an unreadable --from file with exit 1', () => {
    const dir = temp();
    const r = run(['init', join(dir, 'b.yaml'), '--from', join(dir, 'missing.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('文件不存在');
    expect(r.err).toContain('无法读取上年文件');
  });
});

describe('the emitter', () => {
  it('writes a complete data file back unchanged (quoting, flow rows, nesting)', () => {
    for (const f of ['data/dongxihu-2024.yaml', 'data/dongxihu-2020.yaml']) {
      const raw = parse(readFileSync(f, 'utf8')) as Record<string, never>;
      delete raw['$schema'];
      const out = emitDocument(dataSchema(), raw, ['# 回写测试'], { headers: HEADERS, fallback: FALLBACK });
      const again = analyse('回写.yaml', { text: out.text });
      expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(JSON.stringify(again.data)).toBe(JSON.stringify(analyse(f).data));
      expect(out.blanks).toBe(0);
    }
  });

  it('gives a default file name from the department and year', () => {
    const p = planInit({ department: '某某局', year: 2026 });
    expect(p.kind).toBe('ok');
    if (p.kind === 'ok') expect(p.target).toBe('某某局-2026.yaml');
  });
});
