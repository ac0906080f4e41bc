// 第二部分 决算表: statements.yaml (both formats) + composeStatements on the two example data files,
// checked against the reference booklets 001 (2024) and 000 (2020).
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../src/pipeline/analyse.ts';
import { loadStatements, StatementsError, type Statements } from '../src/profile/statements.ts';
import { composeStatements } from '../src/compose/statements/index.ts';
import { placeLines } from '../src/compose/statements/basic06.ts';
import { formatCell } from '../src/narrate/helpers.ts';
import { plainText, type Row, type Table } from '../src/model/document.ts';
import { Dec } from '../src/money/decimal.ts';
import type { EconRow } from '../src/derive/tables.ts';

function compose(dataFile: string, templateDir: string, tableThousands: boolean): { spec: Statements; tables: Table[] } {
  const a = analyse(dataFile);
  if (!a.tables || !a.data) throw new Error(`${dataFile}: ${a.diagnostics.map((d) => d.message).join('\n')}`);
  const spec = loadStatements(templateDir);
  const { year, department, fullName } = a.data.meta;
  const tables = composeStatements({ tables: a.tables, spec, vars: { year, department, fullName }, formatCell: (x) => formatCell(x, { tableThousands }) });
  return { spec, tables };
}

/** Columns each row occupies, counting cells that reach down from rows above (HTML table rules). */
function rowWidths(rows: readonly Row[]): { widths: number[]; overflow: boolean } {
  const carried: number[] = [];
  const widths = rows.map((r, i) => {
    let w = carried[i] ?? 0;
    for (const c of r.cells) {
      const cs = c.colSpan ?? 1;
      w += cs;
      for (let k = 1; k < (c.rowSpan ?? 1); k++) carried[i + k] = (carried[i + k] ?? 0) + cs;
    }
    return w;
  });
  return { widths, overflow: carried.length > rows.length };
}

/** Every header row and every body row fills exactly the column count; no span leaves its part. */
function expectRectangular(t: Table): void {
  for (const [part, rows] of [['header', t.header], ['body', t.body]] as const) {
    const { widths, overflow } = rowWidths(rows);
    expect(widths, `${t.number ?? t.title} ${part}`).toEqual(rows.map(() => t.columns.length));
    expect(overflow, `${t.number ?? t.title} ${part}: a row span leaves the ${part}`).toBe(false);
  }
}

const texts = (r: Row | undefined): string[] => (r ? r.cells.map((c) => plainText(c.content)) : []);
const bodyRow = (t: Table, first: string): Row | undefined => t.body.find((r) => texts(r)[0] === first);
const byNumber = (ts: Table[], n: string): Table => {
  const t = ts.find((x) => x.number === n || x.title?.includes(`（${n}）`));
  if (!t) throw new Error(`no table ${n}`);
  return t;
};

describe('wuhan-2024 statements (001)', () => {
  let spec: Statements;
  let tables: Table[];
  beforeAll(() => ({ spec, tables } = compose('data/dongxihu-2024.yaml', 'templates/wuhan-2024', false)));

  it('prints the nine tables in 001 order with numbers, titles, 目录 entries and orientation', () => {
    expect(tables.map((t) => [t.number, t.title, t.outline])).toEqual([
      ['公开01表', '2024年度收入支出决算总表', '一、收入支出决算总表'],
      ['公开02表', '2024年度收入决算表', '二、收入决算表'],
      ['公开03表', '2024年度支出决算表', '三、支出决算表'],
      ['公开04表', '2024年度财政拨款收入支出决算总表', '四、财政拨款收入支出决算总表'],
      ['公开05表', '2024年度一般公共预算财政拨款支出决算表', '五、一般公共预算财政拨款支出决算表'],
      ['公开06表', '2024年度一般公共预算财政拨款基本支出决算明细表', '六、一般公共预算财政拨款基本支出决算明细表'],
      ['公开07表', '2024年度政府性基金预算财政拨款收入支出决算表', '七、政府性基金预算财政拨款收入支出决算表'],
      ['公开08表', '2024年度国有资本经营预算财政拨款支出决算表', '八、国有资本经营预算财政拨款支出决算表'],
      ['公开09表', '2024年度财政拨款“三公”经费支出决算表', '九、财政拨款“三公”经费支出决算表'],
    ]);
    expect(spec.tables.map((e) => e.orientation)).toEqual(['landscape', 'portrait', 'portrait', 'landscape', 'portrait', 'landscape', 'portrait', 'portrait', 'landscape']);
    expect(tables.every((t) => t.type === 'table' && t.kind === 'statement' && t.unit === '单位：万元')).toBe(true);
    expect(new Set(tables.map((t) => t.id)).size).toBe(9);
    // 001 prints no 部门 line on 公开01表, and "部门：东西湖区总工会" on the others
    expect(tables.map((t) => t.department)).toEqual([undefined, ...Array(8).fill('部门：东西湖区总工会')]);
  });

  it('has rectangular grids (header and body) in every table', () => {
    tables.forEach(expectRectangular);
  });

  it('prints the notes of 001', () => {
    expect(tables[0]!.notes).toEqual(['注：1.本表反映部门本年度的总收支和年末结转结余情况。', '2.本套报表金额单位转换时可能存在尾数误差。']);
    expect(tables[1]!.notes).toEqual(['注：本表反映部门本年度取得的各项收入情况。']);
    expect(tables[5]!.notes).toEqual(['注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。']);
    expect(tables[8]!.notes[0]).toMatch(/^注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数/);
  });

  it('公开01表: income lines 1–8, blank 行次 9–26, the 26 class lines 31–56, totals 27–30 | 57–60', () => {
    const t = tables[0]!;
    expect(t.body).toHaveLength(30);
    expect(texts(t.body[0])).toEqual(['一、一般公共预算财政拨款收入', '1', '933.96', '一、一般公共服务支出', '31', '820.62']);
    expect(texts(t.body[8])).toEqual(['', '9', '', '九、卫生健康支出', '39', '12.95']);
    expect(texts(t.body[25])).toEqual(['', '26', '', '二十六、抗疫特别国债安排的支出', '56', '']);
    expect(texts(t.body[27])).toEqual(['使用非财政拨款结余（含专用结余）', '28', '', '结余分配', '58', '']);
    expect(texts(t.body[29])).toEqual(['总计', '30', '933.96', '总计', '60', '933.96']);
    expect(t.body[29]!.emphasis).toBe('total');
    expect(t.header.map(texts)).toEqual([['收入', '支出'], ['项目', '行次', '金额', '项目', '行次', '金额'], ['栏次', '', '1', '栏次', '', '2']]);
  });

  it('公开02表: 合计 first, then 类 → 款 → 项 with the code spanning 类/款/项', () => {
    const t = tables[1]!;
    expect(texts(t.body[0])).toEqual(['合计', '933.96', '933.96', '', '', '', '', '']);
    expect(t.body[0]!.emphasis).toBe('total');
    expect(t.body[0]!.cells[0]!.colSpan).toBe(4);
    expect(texts(bodyRow(t, '2012901'))).toEqual(['2012901', '行政运行', '98.60', '98.60', '', '', '', '', '']);
    expect(bodyRow(t, '2012901')!.cells[0]!.colSpan).toBe(3);
    expect(bodyRow(t, '201')!.emphasis).toBe('subtotal');
    expect(bodyRow(t, '20129')!.emphasis).toBeUndefined();
    expect(t.body.map((r) => texts(r)[0])).toEqual([
      '合计', '201', '20129', '2012901', '2012902', '208', '20805', '2080501', '2080505', '2080506', '2080599',
      '210', '21011', '2101101', '2101103', '221', '22102', '2210201', '2210202',
    ]);
    expect(t.empty).toBeUndefined();
  });

  it('公开03表 and 公开05表: basic / project columns', () => {
    expect(texts(bodyRow(tables[2]!, '2012902'))).toEqual(['2012902', '一般行政管理事务', '722.02', '', '722.02', '', '', '']);
    expect(texts(tables[4]!.body[0])).toEqual(['合计', '933.96', '211.93', '722.02']);
  });

  it('公开04表: fund split columns, lines 27–32 | 59–64', () => {
    const t = tables[3]!;
    expect(t.body).toHaveLength(32);
    expect(texts(t.body[0])).toEqual(['一、一般公共预算财政拨款', '1', '933.96', '一、一般公共服务支出', '33', '820.62', '820.62', '', '']);
    expect(texts(t.body[28])).toEqual(['一般公共预算财政拨款', '29', '', '', '61', '', '', '', '']);
    expect(texts(t.body[31])).toEqual(['总计', '32', '933.96', '总计', '64', '933.96', '933.96', '', '']);
  });

  it('公开06表: three column groups with the full standard line set, totals at the bottom', () => {
    const t = tables[5]!;
    const first = texts(t.body[0]);
    expect(first).toEqual(['301', '工资福利支出', '67.62', '302', '商品和服务支出', '52.91', '310', '资本性支出', '']);
    const r30199 = t.body.find((r) => texts(r)[0] === '30199');
    expect(texts(r30199).slice(0, 3)).toEqual(['30199', '其他工资福利支出', '20.14']);
    // a zero line is still listed, with an empty amount
    expect(texts(t.body.find((r) => texts(r)[0] === '30106')).slice(0, 3)).toEqual(['30106', '伙食补助费', '']);
    expect(t.body.slice(0, -1).map((r) => texts(r)[3]).filter((c) => c !== '')).toHaveLength(28);
    const footer = t.body[t.body.length - 1]!;
    expect(texts(footer)).toEqual(['人员经费合计', '159.02', '公用经费合计', '52.91']);
    expect(footer.cells.map((c) => c.colSpan ?? 1)).toEqual([2, 1, 5, 1]);
    expect(t.body).toHaveLength(29); // 28 lines of the longest group + the footer row
  });

  it('公开07表 and 公开08表: header and 合计 row only, with the empty statement', () => {
    for (const [i, statement] of [
      [6, '本部门2024年度无政府性基金预算财政拨款收入支出。'],
      [7, '本部门2024年度无国有资本经营预算财政拨款支出。'],
    ] as const) {
      const t = tables[i]!;
      expect(t.body).toHaveLength(1);
      expect(texts(t.body[0])[0]).toBe('合计');
      expect(texts(t.body[0]).slice(1).every((c) => c === '')).toBe(true);
      expect(t.empty).toBe(statement);
    }
    expect(texts(tables[6]!.header[2])).toEqual(['类', '款', '项', '栏次', '1', '2', '3', '4', '5', '6']);
  });

  it('公开09表: a two-level header over 12 columns and one blank data row', () => {
    const t = tables[8]!;
    expect(t.columns).toHaveLength(12);
    expect(texts(t.header[0])).toEqual(['预算数', '决算数']);
    expect(texts(t.header[3])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(t.body).toHaveLength(1);
    expect(texts(t.body[0])).toEqual(Array(12).fill(''));
    expect(t.empty).toBe('本部门2024年度无财政拨款三公经费支出。');
  });
});

describe('wuhan-2020 statements (000)', () => {
  let spec: Statements;
  let tables: Table[];
  // 000 prints table amounts with thousands separators ("3,411.33")
  beforeAll(() => ({ spec, tables } = compose('data/dongxihu-2020.yaml', 'templates/wuhan-2020', true)));

  it('prints 表1–表9 in 000 order (表7 三公, 表8 政府性基金, 表9 国有资本), the number in the title', () => {
    expect(spec.tables.map((e) => e.table)).toEqual(['t01', 't02', 't03', 't04', 't05', 't06', 't09', 't07', 't08']);
    expect(tables.map((t) => t.title)).toEqual([
      '2020年度收入支出决算总表（表1）',
      '2020年度收入决算表（表2）',
      '2020年度支出决算表（表3）',
      '2020年度财政拨款收入支出决算总表（表4）',
      '2020年度一般公共预算财政拨款支出决算表（表5）',
      '2020年度一般公共预算财政拨款基本支出决算表（表6）',
      '2020年度一般公共预算财政拨款“三公”经费支出决算表（表7）',
      '2020年度政府性基金预算财政拨款收入支出决算表（表8）',
      '2020年度国有资本经营预算财政拨款支出决算表（表9）',
    ]);
    expect(tables.every((t) => t.number === undefined)).toBe(true);
    expect(tables[6]!.outline).toBe('七、一般公共预算财政拨款“三公”经费支出决算表（表7）');
    expect(tables.every((t) => t.department === '部门：武汉市东西湖区总工会')).toBe(true);
    expect(spec.tables.map((e) => e.orientation)).toEqual(['landscape', 'portrait', 'portrait', 'landscape', 'portrait', 'landscape', 'landscape', 'portrait', 'portrait']);
  });

  it('has rectangular grids (header and body) in every table', () => {
    tables.forEach(expectRectangular);
  });

  it('表1: thousands separators, row 28 使用非财政拨款结余, formula notes', () => {
    const t = byNumber(tables, '表1');
    expect(texts(t.body[27])).toEqual(['使用非财政拨款结余', '28', '', '结余分配', '58', '']);
    expect(texts(t.body[28])).toEqual(['年初结转和结余', '29', '3,411.33', '年末结转和结余', '59', '3,411.33']);
    expect(texts(t.body[29])).toEqual(['总 计', '30', '4,076.24', '总 计', '60', '4,076.24']);
    expect(t.notes).toEqual([
      '注：本表反映部门本年度的总收支和年末结转结余情况。',
      '27行=（1+2+3+4+5+6+7+8）行；30行=（27+28+29）行；',
      '57行=（31+32+...+56）行；60行=（57+58+59）行。',
    ]);
  });

  it('表4: the 本年支出合计 formula names line 59 (000 misprints 57)', () => {
    expect(byNumber(tables, '表4').notes[2]).toBe('59行=（33+34+……+58）行；64行=（59+60）行。');
  });

  it('表2 and 表5: rows vs 000', () => {
    const t2 = byNumber(tables, '表2');
    expect(texts(t2.body[0])).toEqual(['合 计', '664.91', '664.91', '', '', '', '', '']);
    expect(texts(bodyRow(t2, '2101199'))).toEqual(['2101199', '其他行政事业单位医疗支出', '3.45', '3.45', '', '', '', '', '']);
    expect(texts(bodyRow(byNumber(tables, '表5'), '2012901'))).toEqual(['2012901', '行政运行', '223.66', '223.66', '']);
  });

  it('表6: 307/310/312/399 in the third group, the data name of 30108, 合计 row as 000', () => {
    const t = byNumber(tables, '表6');
    expect(t.body.map((r) => texts(r)[6]).filter((c) => c)).toEqual([
      '307', '30701', '30703', '310', '31002', '31003', '31007', '31013', '31019', '31021', '31022', '31099', '312', '31204', '31299', '399', '39908',
    ]);
    expect(texts(bodyRow(t, '30108')).slice(0, 3)).toEqual(['30108', '机关事业单位基本养老保险费', '1.52']);
    expect(texts(bodyRow(t, '30199')).slice(0, 3)).toEqual(['30199', '其他工资福利支出', '129.60']);
    const footer = t.body[t.body.length - 1]!;
    expect(texts(footer)).toEqual(['人员经费合计', '236.68', '', '公用经费合计', '33.03']);
    expect(footer.emphasis).toBe('total');
  });

  it('表7 三公: no empty statement in 000; 表8 and 表9 carry theirs', () => {
    expect(byNumber(tables, '表7').empty).toBeUndefined();
    expect(byNumber(tables, '表8').empty).toBe('本年度没有政府性基金安排的支出，也没有政府性基金的收入。');
    expect(byNumber(tables, '表9').empty).toBe('本部门 2020 年度没有国有资本经营预算财政拨款收入，也没有国有资本经营预算财政拨款支出。');
    expect(byNumber(tables, '表8').notes[1]).toBe('6栏各行=（1+2-3）栏各行；3栏各行=（4+5）栏各行。');
  });
});

describe('公开06表 line placement', () => {
  const row = (code: string, name: string): EconRow => ({ code, name, amount: new Dec(1), derived: false });
  const groups = [[{ code: '301', name: '工资福利支出' }, { code: '30101', name: '基本工资' }, { code: '30199', name: '其他工资福利支出' }], [{ code: '310', name: '资本性支出' }]];

  it('puts a data row the profile does not list under its class, in code order', () => {
    const placed = placeLines(groups, new Map([['30103', row('30103', '奖金')]]));
    expect(placed[0]!.map((l) => l.code)).toEqual(['301', '30101', '30103', '30199']);
  });

  it('appends an unlisted class with its rows to the last group, never dropping data', () => {
    const placed = placeLines(groups, new Map([['399', row('399', '其他支出')], ['39999', row('39999', '其他支出')]]));
    expect(placed[1]!.map((l) => l.code)).toEqual(['310', '399', '39999']);
  });
});

describe('statements.yaml errors', () => {
  const copy = (edit: (text: string) => string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'statements-'));
    const src = 'templates/wuhan-2024/statements.yaml';
    copyFileSync(src, join(dir, 'statements.yaml'));
    writeFileSync(join(dir, 'statements.yaml'), edit(readFileSync(src, 'utf8')));
    return dir;
  };
  const errorOf = (dir: string): string => {
    try {
      loadStatements(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(StatementsError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };

  it('names the file, line and data path of a wrong value', () => {
    const dir = copy((t) => t.replace('orientation: landscape', 'orientation: sideways'));
    const line = readFileSync(join(dir, 'statements.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('sideways')) + 1;
    const msg = errorOf(dir);
    expect(msg).toContain(`决算表格式文件 ${join(dir, 'statements.yaml')} 不合法`);
    expect(msg).toContain(`statements.yaml:${line}:18 tables[0].orientation：`);
  });

  it('reports a header row that does not fill the columns', () => {
    const msg = errorOf(copy((t) => t.replace('- [栏次, "", 1, 栏次, "", 2]', '- [栏次, "", 1, 栏次, 2]')));
    expect(msg).toContain('tables[0].header[2]：表头第 3 行占 5 列（含上方跨行单元格），应为 6 列');
  });

  it('reports a value column the derived table does not have', () => {
    const msg = errorOf(copy((t) => t.replace('values: [total, fiscal, superior', 'values: [total, fiscal, upper')));
    expect(msg).toMatch(/tables\[1\]\.values\[2\]：“upper”不是收入决算表的列/);
  });

  it('reports an unknown table key, an unknown key and a template with an unknown variable', () => {
    expect(errorOf(copy((t) => t.replace('- table: t09', '- table: t10')))).toMatch(/tables\[8\]\.table：应为 t01、.*t09/);
    expect(errorOf(copy((t) => t.replace('    dense: true\n    showDepartment: false', '    dense: true\n    shade: false')))).toContain('tables[0].shade：未知的键“shade”');
    expect(errorOf(copy((t) => t.replace('"{{year}}年度收入决算表"', '"{{yaer}}年度收入决算表"')))).toMatch(/tables\[1\]\.title：模板有误/);
  });

  it('reports a missing file', () => {
    expect(() => loadStatements(mkdtempSync(join(tmpdir(), 'statements-')))).toThrow(/找不到决算表格式文件/);
  });
});
