// Builds .xlsx workbooks with ExcelJS that look like the reporting software's export of the nine
// 公开表 — titles, 部门/单位 lines, multi-row headers with merged cells, 栏次 — filled from an
// example data file, with the variations the importer must tolerate.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadFile } from '../../src/input/load.ts';
import { loadProfile } from '../../src/profile/load.ts';
import { formatFixed, type Dec } from '../../src/money/decimal.ts';
import { chineseNumber } from '../../src/narrate/chinese-numbers.ts';
import type { DepartmentYear } from '../../src/input/schema.ts';

export type TableKey = 't01' | 't02' | 't03' | 't04' | 't05' | 't06' | 't07' | 't08' | 't09';
export const TABLE_KEYS: readonly TableKey[] = ['t01', 't02', 't03', 't04', 't05', 't06', 't07', 't08', 't09'];

export interface BuildOptions {
  /** titles and numbering: 2024 (公开01表…) or 2020 (表1…, 三公 = 表7, 基金 = 表8, 国资 = 表9) */
  readonly layout?: '2024' | '2020';
  /** codes stored as number cells (default: text) */
  readonly numericCodes?: boolean;
  /** amounts stored as text with thousands separators, "3,411.33" (default: number cells) */
  readonly textAmounts?: boolean;
  /** blank rows after the header and between body rows */
  readonly blankRows?: boolean;
  /**
   * a blank column inserted before the value columns (function tables) or as column A (others);
   * 'inside': two columns further right, in the middle of a header group (e.g. between 小计 and
   * 一般公共预算财政拨款, or inside 公务用车购置及运行维护费)
   */
  readonly extraColumn?: boolean | 'inside';
  /** sheet name for a table (default: its number, e.g. 公开03表 / 表3) */
  readonly sheetName?: (key: TableKey, number: string) => string;
  /** sheet order (default: by table number) */
  readonly order?: readonly TableKey[];
  /** write the header texts without merging cells (each text in the top-left cell of its range only) */
  readonly noMerges?: boolean;
  /** sheets that are not tables: 封面 and a 目录 listing every title */
  readonly extraSheets?: boolean;
  /** write `text` instead of the amount of `column` in the row of `code` of function table `table` */
  readonly badAmount?: { readonly table: 't02' | 't03' | 't05'; readonly code: string; readonly column: string; readonly text: string };
}

export interface Built {
  /** "sheet!A1" of the bad amount, when one was asked for */
  readonly badCell?: string;
  readonly sheets: readonly string[];
}

// ---- a logical grid per table ------------------------------------------------------------------

type CellSpec = string | number | null | { readonly amount: Dec | undefined } | { readonly code: string } | { readonly bad: string };
interface Block {
  readonly rows: CellSpec[][];
  /** [row, col, row, col], 0-based, inclusive */
  readonly merges: [number, number, number, number][];
  /** logical column before which the extra blank column goes */
  readonly insertAt: number;
  readonly bad?: { row: number; col: number };
}

const NAMES: Record<TableKey, string> = {
  t01: '收入支出决算总表',
  t02: '收入决算表',
  t03: '支出决算表',
  t04: '财政拨款收入支出决算总表',
  t05: '一般公共预算财政拨款支出决算表',
  t06: '一般公共预算财政拨款基本支出决算明细表',
  t07: '政府性基金预算财政拨款收入支出决算表',
  t08: '国有资本经营预算财政拨款支出决算表',
  t09: '财政拨款“三公”经费支出决算表',
};
const NUMBER_2020: Record<TableKey, number> = { t01: 1, t02: 2, t03: 3, t04: 4, t05: 5, t06: 6, t09: 7, t07: 8, t08: 9 };

function tableNumber(key: TableKey, layout: '2024' | '2020'): string {
  return layout === '2024' ? `公开0${key.slice(2)}表` : `表${NUMBER_2020[key]}`;
}

function titleOf(key: TableKey, year: number, layout: '2024' | '2020'): string {
  if (layout === '2024') return `${year}年度${NAMES[key]}`;
  const name = key === 't06' ? '一般公共预算财政拨款基本支出决算表' : key === 't09' ? '一般公共预算财政拨款“三公”经费支出决算表' : NAMES[key];
  return `${year}年度${name}（${tableNumber(key, layout)}）`;
}

/** Title, 部门 and 单位 lines above a table of `width` columns. */
function top(key: TableKey, data: DepartmentYear, layout: '2024' | '2020', width: number): Block {
  const rows: CellSpec[][] = [];
  const merges: Block['merges'] = [];
  const blank = () => Array<CellSpec>(width).fill(null);
  const title = blank();
  title[0] = titleOf(key, data.meta.year, layout);
  rows.push(title);
  merges.push([0, 0, 0, width - 1]);
  const dept = blank();
  if (!(layout === '2024' && key === 't01')) dept[0] = `部门：${data.meta.fullName}`;
  if (layout === '2024') dept[width - 1] = tableNumber(key, layout);
  else dept[width - 1] = '单位：万元';
  rows.push(dept);
  if (layout === '2024') {
    const unit = blank();
    unit[width - 1] = '单位：万元';
    rows.push(unit);
  }
  return { rows, merges, insertAt: width };
}

function append(a: Block, b: Block, insertAt: number): Block {
  const off = a.rows.length;
  return {
    rows: [...a.rows, ...b.rows],
    merges: [...a.merges, ...b.merges.map(([r1, c1, r2, c2]) => [r1 + off, c1, r2 + off, c2] as [number, number, number, number])],
    insertAt,
    ...(b.bad ? { bad: { row: b.bad.row + off, col: b.bad.col } } : a.bad ? { bad: a.bad } : {}),
  };
}

const amt = (v: Dec | undefined): CellSpec => ({ amount: v });
const spaced = (s: string, layout: '2024' | '2020') => (layout === '2020' && s.length <= 2 ? s.split('').join(' ') : s);

// ---- function-classification tables ------------------------------------------------------------

interface FnColumns {
  /** header groups: a single column (label) or a group over sub-columns */
  readonly groups: readonly ({ readonly label: string; readonly key: string } | { readonly label: string; readonly sub: readonly { readonly label: string; readonly key: string }[] })[];
}

const SPENT = (total: string) => ({ label: '本年支出', sub: [{ label: total, key: 'total' }, { label: '基本支出', key: 'basic' }, { label: '项目支出', key: 'project' }] });
const FN_LAYOUT: Record<'t02' | 't03' | 't05' | 't07' | 't08', FnColumns> = {
  t02: {
    groups: [
      { label: '本年收入合计', key: 'total' },
      { label: '财政拨款收入', key: 'fiscal' },
      { label: '上级补助收入', key: 'superior' },
      { label: '事业收入', key: 'business' },
      { label: '经营收入', key: 'operating' },
      { label: '附属单位上缴收入', key: 'affiliated' },
      { label: '其他收入', key: 'other' },
    ],
  },
  t03: {
    groups: [
      { label: '本年支出合计', key: 'total' },
      { label: '基本支出', key: 'basic' },
      { label: '项目支出', key: 'project' },
      { label: '上缴上级支出', key: 'toSuperior' },
      { label: '经营支出', key: 'operating' },
      { label: '对附属单位补助支出', key: 'toAffiliated' },
    ],
  },
  t05: { groups: [SPENT('小计')] },
  t07: {
    groups: [
      { label: '年初结转和结余', key: 'opening' },
      { label: '本年收入', key: 'income' },
      SPENT('小计'),
      { label: '年末结转和结余', key: 'closing' },
    ],
  },
  t08: { groups: [SPENT('合计')] },
};

type FnData = { total?: Record<string, Dec | undefined>; rows: ({ code: string; name: string } & Record<string, unknown>)[] };

function fnTable(key: 't02' | 't03' | 't05' | 't07' | 't08', t: FnData, opts: BuildOptions, layout: '2024' | '2020'): Block {
  const leaves = FN_LAYOUT[key].groups.flatMap((g) => ('sub' in g ? g.sub : [g]));
  // 2024: 类 | 款 | 项 | 科目名称 (code in A, merged A:C); 2020: 科目编码 | 科目名称 (表5: "201 一般公共服务支出" in one cell)
  const labelCols = layout === '2024' ? 4 : 2;
  const combined = layout === '2020' && key === 't05';
  const width = labelCols + leaves.length;
  const rows: CellSpec[][] = [];
  const merges: Block['merges'] = [];
  const blank = () => Array<CellSpec>(width).fill(null);
  const h1 = blank();
  const h2 = blank();
  const h3 = blank();
  h1[0] = layout === '2024' ? '项目' : '项    目';
  merges.push([0, 0, 0, labelCols - 1]);
  if (layout === '2024') {
    h2[0] = '功能分类科目编码';
    merges.push([1, 0, 1, 2]);
    h2[3] = '科目名称';
    h3.splice(0, 4, '类', '款', '项', '栏次');
  } else {
    h2[0] = '科目编码';
    h2[1] = '科目名称';
    h3[0] = '栏次';
    merges.push([2, 0, 2, 1]);
  }
  let c = labelCols;
  for (const g of FN_LAYOUT[key].groups) {
    if ('sub' in g) {
      h1[c] = g.label;
      merges.push([0, c, 0, c + g.sub.length - 1]);
      g.sub.forEach((s, i) => (h2[c + i] = spaced(s.label, layout)));
      c += g.sub.length;
    } else {
      h1[c] = g.label;
      merges.push([0, c, 1, c]);
      c++;
    }
  }
  leaves.forEach((_, i) => (h3[labelCols + i] = i + 1));
  rows.push(h1, h2, h3);
  if (opts.blankRows) rows.push(blank());
  const total = blank();
  total[labelCols === 4 ? 3 : 0] = spaced('合计', layout);
  if (layout === '2020') merges.push([rows.length, 0, rows.length, 1]);
  leaves.forEach((l, i) => (total[labelCols + i] = amt(t.total?.[l.key])));
  rows.push(total);
  let bad: Block['bad'];
  t.rows.forEach((r, n) => {
    const line = blank();
    const code: CellSpec = opts.numericCodes ? Number(r.code) : { code: r.code };
    if (combined) line[0] = `${r.code} ${r.name}`;
    else {
      line[0] = code;
      line[labelCols - 1] = r.name;
      if (layout === '2024') merges.push([rows.length, 0, rows.length, 2]);
    }
    leaves.forEach((l, i) => {
      line[labelCols + i] = amt(r[l.key] as Dec | undefined);
      if (opts.badAmount?.table === key && opts.badAmount.code === r.code && opts.badAmount.column === l.key) {
        line[labelCols + i] = { bad: opts.badAmount.text };
        bad = { row: rows.length, col: labelCols + i };
      }
    });
    rows.push(line);
    if (opts.blankRows && n % 5 === 4) rows.push(blank());
  });
  rows.push(blank());
  const note = blank();
  note[0] = '注：本表反映部门本年度的收支情况。';
  rows.push(note);
  merges.push([rows.length - 1, 0, rows.length - 1, width - 1]);
  return { rows, merges, insertAt: labelCols, ...(bad ? { bad } : {}) };
}

// ---- 公开01表 / 公开04表 --------------------------------------------------------------------------

function summaryTable(key: 't01' | 't04', data: DepartmentYear, opts: BuildOptions, layout: '2024' | '2020'): Block {
  const lines = loadProfile(data.meta.profile).classLines;
  const t04 = key === 't04';
  const splitKeys = ['total', 'general', 'govFund', 'stateCapital'] as const;
  const width = t04 ? 9 : 6;
  const rows: CellSpec[][] = [];
  const merges: Block['merges'] = [];
  const blank = () => Array<CellSpec>(width).fill(null);
  const item = spaced('项目', layout);
  if (t04 && layout === '2024') {
    rows.push(['收入', null, null, '支出', null, null, null, null, null]);
    rows.push([item, '行次', '决算数', item, '行次', '决 算 数', null, null, null]);
    rows.push([null, null, null, null, null, '小计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款']);
    rows.push(['栏次', null, 1, '栏次', null, 2, 3, 4, 5]);
    merges.push([0, 0, 0, 2], [0, 3, 0, 8], [1, 0, 2, 0], [1, 1, 2, 1], [1, 2, 2, 2], [1, 3, 2, 3], [1, 4, 2, 4], [1, 5, 1, 8]);
  } else if (t04) {
    rows.push(['收 入', null, null, '支 出', null, null, null, null, null]);
    rows.push([item, '行次', '金额', item, '行次', '合计', '一般公共预算 财政拨款', '政府性基金预 算财政拨款', '国有资本经营预 算财政拨款']);
    rows.push(['栏 次', '次', 1, '栏 次', '次', 2, 3, 4, 5]);
    merges.push([0, 0, 0, 2], [0, 3, 0, 8]);
  } else {
    rows.push([spaced('收入', layout), null, null, spaced('支出', layout), null, null]);
    rows.push([item, '行次', '金额', item, '行次', '金额']);
    rows.push([spaced('栏次', layout), null, 1, spaced('栏次', layout), null, 2]);
    merges.push([0, 0, 0, 2], [0, 3, 0, 5]);
  }
  if (opts.blankRows) rows.push(blank());
  const t1 = data.tables.t01;
  const t4 = data.tables.t04;
  const incomeLines: [string, Dec | undefined][] = t04
    ? [
        ['一、一般公共预算财政拨款', t4.income.general],
        ['二、政府性基金预算财政拨款', t4.income.govFund],
        ['三、国有资本经营预算财政拨款', t4.income.stateCapital],
      ]
    : [
        ['一、一般公共预算财政拨款收入', t1.income.generalBudget],
        ['二、政府性基金预算财政拨款收入', t1.income.govFund],
        ['三、国有资本经营预算财政拨款收入', t1.income.stateCapital],
        ['四、上级补助收入', t1.income.superior],
        ['五、事业收入', t1.income.business],
        ['六、经营收入', t1.income.operating],
        ['七、附属单位上缴收入', t1.income.affiliated],
        ['八、其他收入', t1.income.other],
      ];
  const firstRight = t04 ? 33 : 31;
  const split = (s: Partial<Record<(typeof splitKeys)[number], Dec>> | undefined): CellSpec[] => splitKeys.map((k) => amt(s?.[k]));
  lines.forEach((l, i) => {
    const left = incomeLines[i];
    const right: CellSpec[] = t04 ? split(t4.expenditure[l.code]) : [amt(t1.expenditure[l.code])];
    rows.push([left?.[0] ?? null, i + 1, amt(left?.[1]), `${chineseNumber(i + 1)}、${l.name}`, firstRight + i, ...right]);
    if (opts.blankRows && i % 7 === 6) rows.push(blank());
  });
  const n = lines.length;
  const total = spaced('总计', layout);
  if (t04) {
    rows.push(['本年收入合计', n + 1, amt(t4.incomeTotal), '本年支出合计', firstRight + n, ...split(t4.expenditureTotal)]);
    rows.push(['年初财政拨款结转和结余', n + 2, amt(t4.opening.total), '年末财政拨款结转和结余', firstRight + n + 1, ...split(t4.closing)]);
    rows.push(['一般公共预算财政拨款', n + 3, amt(t4.opening.general), null, firstRight + n + 2, null, null, null, null]);
    rows.push(['政府性基金预算财政拨款', n + 4, amt(t4.opening.govFund), null, firstRight + n + 3, null, null, null, null]);
    rows.push(['国有资本经营预算财政拨款', n + 5, amt(t4.opening.stateCapital), null, firstRight + n + 4, null, null, null, null]);
    rows.push([total, n + 6, amt(t4.incomeGrandTotal), total, firstRight + n + 5, ...split(t4.expenditureGrandTotal)]);
  } else {
    rows.push(['本年收入合计', n + 1, amt(t1.incomeTotal), '本年支出合计', firstRight + n, amt(t1.expenditureTotal)]);
    rows.push([layout === '2024' ? '使用非财政拨款结余（含专用结余）' : '使用非财政拨款结余', n + 2, amt(t1.useNonFiscalBalance), '结余分配', firstRight + n + 1, amt(t1.balanceDistribution)]);
    rows.push(['年初结转和结余', n + 3, amt(t1.openingBalance), '年末结转和结余', firstRight + n + 2, amt(t1.closingBalance)]);
    rows.push([total, n + 4, amt(t1.incomeGrandTotal), total, firstRight + n + 3, amt(t1.expenditureGrandTotal)]);
  }
  rows.push(blank());
  const note = blank();
  note[0] = '注：1.本表反映部门本年度的总收支和年末结转结余情况。';
  rows.push(note);
  return { rows, merges, insertAt: 0 };
}

// ---- 公开06表 ------------------------------------------------------------------------------------

interface EconEntry {
  code: string;
  name: string;
}

function economicDictionary(): EconEntry[] {
  return parse(readFileSync(new URL('../../src/dictionary/economic-codes.yaml', import.meta.url), 'utf8')) as EconEntry[];
}

function basicTable(data: DepartmentYear, opts: BuildOptions, layout: '2024' | '2020'): Block {
  const dict = economicDictionary();
  const given = new Map(data.tables.t06.rows.map((r) => [r.code, r]));
  const groupClasses = layout === '2024' ? [['301', '303'], ['302'], ['310']] : [['301', '303'], ['302'], ['307', '310', '312', '399']];
  // every class a data row uses must be in some group
  for (const r of data.tables.t06.rows) {
    const cls = r.code.slice(0, 3);
    if (!groupClasses.flat().includes(cls)) groupClasses[cls === '303' || cls === '301' ? 0 : cls === '302' ? 1 : 2]!.push(cls);
  }
  const groups = groupClasses.map((classes) =>
    classes.flatMap((cls) => {
      const codes = new Set([...dict.filter((e) => e.code.startsWith(cls)).map((e) => e.code), ...[...given.keys()].filter((c) => c.startsWith(cls))]);
      return [...codes].sort().map((code) => ({ code, name: given.get(code)?.name ?? dict.find((e) => e.code === code)!.name, amount: given.get(code)?.amount }));
    }),
  );
  const width = 9;
  const rows: CellSpec[][] = [];
  const merges: Block['merges'] = [];
  const codeLabel = layout === '2024' ? '经济分类科目编码' : '科目编码';
  rows.push(['人员经费', null, null, '公用经费', null, null, null, null, null]);
  rows.push([codeLabel, '科目名称', '决算数', codeLabel, '科目名称', '决算数', codeLabel, '科目名称', '决算数']);
  merges.push([0, 0, 0, 2], [0, 3, 0, 8]);
  if (opts.blankRows) rows.push(Array<CellSpec>(width).fill(null));
  const height = Math.max(...groups.map((g) => g.length));
  for (let i = 0; i < height; i++) {
    const line: CellSpec[] = [];
    for (const g of groups) {
      const e = g[i];
      line.push(e ? (opts.numericCodes ? Number(e.code) : { code: e.code }) : null, e?.name ?? null, e ? amt(e.amount) : null);
    }
    rows.push(line);
  }
  const t6 = data.tables.t06;
  rows.push(['人员经费合计', null, amt(t6.personnelTotal), '公用经费合计', null, null, null, null, amt(t6.publicTotal)]);
  merges.push([rows.length - 1, 0, rows.length - 1, 1], [rows.length - 1, 3, rows.length - 1, 7]);
  rows.push(Array<CellSpec>(width).fill(null));
  rows.push(['注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。', null, null, null, null, null, null, null, null]);
  return { rows, merges, insertAt: 0 };
}

// ---- 公开09表 ------------------------------------------------------------------------------------

function threeTable(data: DepartmentYear, opts: BuildOptions, layout: '2024' | '2020'): Block {
  const width = 12;
  const rows: CellSpec[][] = [];
  const merges: Block['merges'] = [];
  const vehicle = layout === '2024' ? '公务用车购置及运行维护费' : '公务用车购置及运行费';
  const abroad = layout === '2024' ? '因公出国（境）费' : '因公出国 (境)费';
  const operation = layout === '2024' ? '公务用车运行维护费' : '公务用车运 行费';
  rows.push(['预算数', null, null, null, null, null, '决算数', null, null, null, null, null]);
  rows.push(['合计', abroad, vehicle, null, null, '公务接待费', '合计', abroad, vehicle, null, null, '公务接待费']);
  rows.push([null, null, '小计', '公务用车购置费', operation, null, null, null, '小计', '公务用车购置费', operation, null]);
  rows.push(Array.from({ length: width }, (_, i) => i + 1));
  merges.push([0, 0, 0, 5], [0, 6, 0, 11]);
  for (const off of [0, 6]) merges.push([1, off, 2, off], [1, off + 1, 2, off + 1], [1, off + 2, 1, off + 4], [1, off + 5, 2, off + 5]);
  const t9 = data.tables.t09;
  const side = (s: typeof t9.budget): CellSpec[] => [amt(s.total), amt(s.abroad), amt(s.vehicle.total), amt(s.vehicle.purchase), amt(s.vehicle.operation), amt(s.reception)];
  const values = [...side(t9.budget), ...side(t9.actual)];
  if (values.some((v) => typeof v === 'object' && v !== null && 'amount' in v && v.amount !== undefined)) rows.push(values);
  if (opts.blankRows) rows.push(Array<CellSpec>(width).fill(null));
  rows.push(['注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。', ...Array<CellSpec>(width - 1).fill(null)]);
  return { rows, merges, insertAt: 0 };
}

// ---- writing -----------------------------------------------------------------------------------

function blockFor(key: TableKey, data: DepartmentYear, opts: BuildOptions, layout: '2024' | '2020'): Block {
  let body: Block;
  switch (key) {
    case 't01':
    case 't04':
      body = summaryTable(key, data, opts, layout);
      break;
    case 't06':
      body = basicTable(data, opts, layout);
      break;
    case 't09':
      body = threeTable(data, opts, layout);
      break;
    default:
      body = fnTable(key, data.tables[key] as unknown as FnData, opts, layout);
  }
  const width = body.rows[0]!.length;
  return append(top(key, data, layout, width), body, body.insertAt);
}

/** Build a workbook from a data file (e.g. data/dongxihu-2024.yaml) and write it to `file`. */
export async function buildWorkbook(dataFile: string, file: string, opts: BuildOptions = {}): Promise<Built> {
  const loaded = loadFile(dataFile);
  if (!loaded.data) throw new Error(`cannot load ${dataFile}`);
  const data = loaded.data;
  const layout = opts.layout ?? '2024';
  const wb = new ExcelJS.Workbook();
  const order = opts.order ?? [...TABLE_KEYS].sort((a, b) => (layout === '2024' ? a.localeCompare(b) : NUMBER_2020[a] - NUMBER_2020[b]));
  if (opts.extraSheets) {
    const cover = wb.addWorksheet('封面');
    cover.getCell('A3').value = `${data.meta.year}年度${data.meta.department}部门决算公开`;
    const toc = wb.addWorksheet('目录');
    order.forEach((k, i) => (toc.getCell(`A${i + 1}`).value = `${chineseNumber(i + 1)}、${NAMES[k]}（${tableNumber(k, layout)}）`));
  }
  let badCell: string | undefined;
  const sheets: string[] = [];
  for (const key of order) {
    const number = tableNumber(key, layout);
    const name = opts.sheetName?.(key, number) ?? number;
    sheets.push(name);
    const ws = wb.addWorksheet(name);
    const block = blockFor(key, data, opts, layout);
    const at = block.insertAt + (opts.extraColumn === 'inside' ? 2 : 0);
    const colOf = (c: number) => (opts.extraColumn && c >= at ? c + 2 : c + 1);
    block.rows.forEach((row, r) => {
      row.forEach((spec, c) => {
        if (spec === null) return;
        const cell = ws.getCell(r + 1, colOf(c));
        if (typeof spec === 'string' || typeof spec === 'number') cell.value = spec;
        else if ('code' in spec) cell.value = spec.code;
        else if ('bad' in spec) cell.value = spec.bad;
        else if (spec.amount !== undefined) {
          if (opts.textAmounts) cell.value = formatFixed(spec.amount, 2, true);
          else {
            cell.value = Number(spec.amount.toFixed(2)); // test data only: Excel stores numbers as doubles
            cell.numFmt = '#,##0.00';
          }
        }
      });
    });
    for (const [r1, c1, r2, c2] of opts.noMerges ? [] : block.merges) {
      // a merge that starts before the inserted column and ends after it widens by one
      ws.mergeCells(r1 + 1, colOf(c1), r2 + 1, colOf(c2));
    }
    if (block.bad) badCell = `${name}!${ws.getCell(block.bad.row + 1, colOf(block.bad.col)).address}`;
  }
  await wb.xlsx.writeFile(file);
  return { sheets, ...(badCell ? { badCell } : {}) };
}
