// `juesuan import`: workbooks built like the reporting software's export (tests/helpers/workbook.ts)
// are read back by the real command, run as a child process in a temp folder; the written tables
// must give the same derived tables as the example data files.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyse } from '../src/pipeline/analyse.ts';
import { Dec } from '../src/money/decimal.ts';
import { readAmount, type GridCell, type RawValue } from '../src/import/cells.ts';
import { buildWorkbook, type Built } from './helpers/workbook.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/juesuan.mjs');
const EX2024 = join(ROOT, 'data/dongxihu-2024.yaml');
const EX2020 = join(ROOT, 'data/dongxihu-2020.yaml');

let dir: string;
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** The derived tables of a data file as plain JSON (Dec as 2-decimal text, Maps and Sets sorted). */
function derived(file: string): unknown {
  const a = analyse(file);
  expect(a.tables, `${file} should load: ${a.diagnostics.map((d) => d.message).join('; ')}`).toBeDefined();
  return JSON.parse(
    JSON.stringify(a.tables, (_k, v: unknown) => {
      if (v instanceof Dec) return v.toFixed(2);
      if (v instanceof Map) return Object.fromEntries([...v.entries()].sort(([a], [b]) => String(a).localeCompare(String(b))));
      if (v instanceof Set) return [...v].sort();
      return v;
    }),
  );
}

const other2024Names: Record<string, string> = { t01: '收支总表', t02: 'Sheet7', t03: '支出', t04: '财拨总表', t05: '一般公共预算', t06: '基本支出明细', t07: '基金', t08: '国资', t09: '三公' };

let plain: Built;
let varied: Built;
let old2020: Built;
let bad: Built;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'juesuan-import-'));
  plain = await buildWorkbook(EX2024, join(dir, 'plain.xlsx'));
  varied = await buildWorkbook(EX2024, join(dir, 'varied.xlsx'), {
    numericCodes: true,
    textAmounts: true,
    blankRows: true,
    extraColumn: true,
    extraSheets: true,
    order: ['t06', 't09', 't01', 't03', 't02', 't05', 't04', 't08', 't07'],
    sheetName: (key) => other2024Names[key]!,
  });
  old2020 = await buildWorkbook(EX2020, join(dir, 'old.xlsx'), { layout: '2020', textAmounts: true, numericCodes: true, noMerges: true, extraColumn: 'inside', sheetName: (_k, n) => `决算${n}` });
  bad = await buildWorkbook(EX2024, join(dir, 'bad.xlsx'), { badAmount: { table: 't03', code: '2012901', column: 'basic', text: '12.3.4' } });
  await buildWorkbook(EX2024, join(dir, 'no03.xlsx'), { order: ['t01', 't02', 't04', 't05', 't06', 't07', 't08', 't09'] });
}, 60_000);

describe('juesuan import', () => {
  it('reads the nine 2024 tables into a new data file whose tables equal the example', () => {
    const target = join(dir, 'new-2024.yaml');
    const r = run('import', 'plain.xlsx', '--data', target);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('从 plain.xlsx 读取了 9 张表（2024 年度）');
    expect(r.out).toContain('公开02表 收入决算表（工作表“公开02表”）：18 行（另有合计行）');
    expect(r.out).toContain('公开06表 一般公共预算财政拨款基本支出决算明细表（工作表“公开06表”）：22 个有金额的科目');
    expect(r.out).toContain('公开07表 政府性基金预算财政拨款收入支出决算表（工作表“公开07表”）：无数据');
    expect(r.out).toContain(`已新建 ${target}`);
    expect(r.out).toMatch(/校验：0 个错误，\d+ 个警告，\d+ 个提示，校验通过/);
    const text = readFileSync(target, 'utf8');
    expect(text).toContain('department: 待填写');
    expect(text).toContain('fullName: 武汉市东西湖区总工会 # 取自工作簿的“部门：”一栏，待核对');
    expect(text).toContain('profile: wuhan-2024');
    expect(text).toContain('- { code: "2012901", name: 行政运行, total: 98.60, fiscal: 98.60 }');
    expect(plain.sheets).toHaveLength(9);
    expect(derived(target)).toEqual(derived(EX2024));
  });

  it('tolerates numeric codes, text amounts, blank rows, an extra column, other sheet names and order; updates only `tables`', () => {
    const target = join(dir, 'update-2024.yaml');
    const original = readFileSync(EX2024, 'utf8');
    // a copy whose tables differ from the workbook: the import must put them right
    const lines = original.split('\n');
    const i = lines.findIndex((l) => l.includes('2012901') && l.includes('98.60'));
    lines[i] = lines[i]!.replace(/98\.60/g, '98.70');
    writeFileSync(target, lines.join('\n'));

    const r = run('import', 'varied.xlsx', '--data', target);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('读取了 9 张表');
    expect(r.out).toContain('公开03表 支出决算表（工作表“支出”）：18 行（另有合计行）');
    expect(r.out).toContain('跳过的工作表：“封面”（未找到决算表表名）、“目录”（只有表名、没有表头，如目录页）');
    expect(r.out).toContain(`已更新 ${target} 的 tables 部分`);
    expect(r.out).toMatch(/校验：0 个错误/);
    expect(varied.sheets).toContain('Sheet7');

    const text = readFileSync(target, 'utf8');
    // everything before `tables:` and from the 第三部分 banner on is unchanged, comments included
    const head = (s: string) => s.slice(0, s.indexOf('\ntables:'));
    const tail = (s: string) => s.slice(s.indexOf('# 第三部分'));
    expect(head(text)).toBe(head(original));
    expect(tail(text)).toBe(tail(original).replace(/98\.70/g, '98.60'));
    expect(text).toContain('# 原文如此：年初预算合计印 686.23');
    expect(text).toContain('# 以下各表由 juesuan import 从 varied.xlsx 导入');
    expect(text).toContain('# 公开09表 财政拨款“三公”经费支出决算表（工作表“三公”）：无数据');
    expect(derived(target)).toEqual(derived(EX2024));
  });

  it('reads the 2020 numbering (表1…表9, 三公 = 表7) without merged cells, with a blank column inside a header group and "3,411.33" amounts', () => {
    const target = join(dir, 'new-2020.yaml');
    const r = run('import', 'old.xlsx', '--data', target);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('从 old.xlsx 读取了 9 张表（2020 年度）');
    expect(r.out).toContain('表7 财政拨款“三公”经费支出决算表（工作表“决算表7”）：预算数已填，决算数空白');
    expect(r.out).toContain('表8 政府性基金预算财政拨款收入支出决算表（工作表“决算表8”）：无数据');
    expect(old2020.sheets).toEqual(['决算表1', '决算表2', '决算表3', '决算表4', '决算表5', '决算表6', '决算表7', '决算表8', '决算表9']);
    const text = readFileSync(target, 'utf8');
    expect(text).toContain('profile: wuhan-2020');
    expect(text).toContain('openingBalance: 3411.33');
    expect(text).toContain('vehicle: { total: 0.00, purchase: 0.00, operation: 0.00 }');
    expect(derived(target)).toEqual(derived(EX2020));
  });

  it('names the sheet and cell of an unreadable amount, exits 1 and writes nothing', () => {
    const target = join(dir, 'keep.yaml');
    const original = readFileSync(EX2024, 'utf8');
    writeFileSync(target, original);
    const r = run('import', 'bad.xlsx', '--data', target);
    expect(r.code).toBe(1);
    expect(bad.badCell).toBe('公开03表!F10'); // 基本支出 of 2012901 行政运行
    expect(r.err).toContain(`${bad.badCell}：无法识别的金额“12.3.4”`);
    expect(r.err).toContain('1 处无法读取，未写入任何文件');
    expect(r.out).toBe('');
    expect(readFileSync(target, 'utf8')).toBe(original);
    const fresh = join(dir, 'not-created.yaml');
    expect(run('import', 'bad.xlsx', '--data', fresh).code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('fails when a required table is missing', () => {
    const target = join(dir, 'missing.yaml');
    const r = run('import', 'no03.xlsx', '--data', target);
    expect(r.code).toBe(1);
    expect(r.err).toContain('工作簿中没有公开03表 支出决算表');
    expect(existsSync(target)).toBe(false);
  });

  it('--dry-run prints the file to stdout and the summary to stderr, writing nothing', () => {
    const target = join(dir, 'dry.yaml');
    const r = run('import', 'plain.xlsx', '--data', target, '--dry-run');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^# 2024 年度部门决算公开数据/);
    expect(r.out).toContain('tables:\n  # 公开01表 收入支出决算总表（工作表“公开01表”）\n  t01:');
    expect(r.err).toContain('读取了 9 张表');
    expect(r.err).toContain(`（试运行：未创建 ${target}）`);
    expect(r.err).toMatch(/校验：0 个错误/);
    expect(existsSync(target)).toBe(false);
  });

  it('usage errors exit 2, an unreadable workbook 1', () => {
    expect(run('import', 'plain.xlsx').code).toBe(2);
    expect(run('import', 'plain.xlsx', '--data', 'x.json').code).toBe(2);
    const xls = run('import', 'table.xls', '--data', 'x.yaml');
    expect(xls.code).toBe(2);
    expect(xls.err).toContain('另存为 .xlsx');
    expect(run('import').code).toBe(2);
    const missing = run('import', 'nothing.xlsx', '--data', 'x.yaml');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('工作簿不存在');
    writeFileSync(join(dir, 'fake.xlsx'), 'not a zip');
    const fake = run('import', 'fake.xlsx', '--data', 'x.yaml');
    expect(fake.code).toBe(1);
    expect(fake.err).toContain('不是有效的 .xlsx 文件');
  }, 90_000);
});

describe('amounts from cells', () => {
  const cell = (value: RawValue): GridCell => ({ row: 1, col: 1, address: 'A1', value, shown: value, slave: false });
  const num = (n: number) => readAmount(cell({ kind: 'number', value: n }));
  const txt = (s: string) => readAmount(cell({ kind: 'text', value: s }));

  it('rounds number cells half up on their decimal text, never on the binary value', () => {
    expect(num(98.6)).toEqual({ kind: 'amount', text: '98.60' });
    expect(num(2.675)).toMatchObject({ kind: 'amount', text: '2.68', rounded: '2.675' }); // (2.675).toFixed(2) === '2.67'
    expect(num(1.005)).toMatchObject({ text: '1.01' }); // (1.005).toFixed(2) === '1.00'
    expect(num(0.1 + 0.2)).toMatchObject({ text: '0.30' });
    expect(num(3411.33)).toEqual({ kind: 'amount', text: '3411.33' });
    expect(num(0)).toEqual({ kind: 'amount', text: '0.00' });
  });

  it('reads text amounts with thousands separators and reports anything else', () => {
    expect(txt('3,411.33')).toEqual({ kind: 'amount', text: '3411.33' });
    expect(txt(' ４,０７６.２４ ')).toEqual({ kind: 'amount', text: '4076.24' });
    expect(txt('-')).toEqual({ kind: 'blank' });
    expect(txt('12.3.4')).toEqual({ kind: 'bad', shown: '12.3.4' });
    expect(txt('34,11.33')).toEqual({ kind: 'bad', shown: '34,11.33' });
    expect(readAmount(cell({ kind: 'other', description: '#DIV/0!' }))).toEqual({ kind: 'bad', shown: '#DIV/0!' });
  });
});
