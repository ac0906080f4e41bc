// Reading the two-sided summary tables 公开01表 (收入支出决算总表) and 公开04表 (财政拨款收入支出决算
// 总表): income lines on the left, expenditure lines (the 26 类) on the right, each side with
// 项目 | 行次 | amount column(s). Lines are recognised by their labels, not by 行次 or position.
import { cellAt, cleanName, labelOf, norm, rawText, stripOrdinal, type GridCell, type Money } from './cells.ts';
import { cellsOf, columnHeaders, isMetaRow, isNoteRow, mapColumns, TABLES, type ColumnHeader, type Segment } from './locate.ts';
import { amountAt, compact, hasAmount } from './read-common.ts';
import type { Problems } from './report.ts';
import { functionCodes } from '../dictionary/dictionary.ts';

let classNames: Map<string, string> | undefined;

/** 类 name (and aliases) → 3-digit code, from the built-in dictionary. */
export function classCodeByName(): Map<string, string> {
  if (classNames) return classNames;
  classNames = new Map();
  const dict = functionCodes();
  for (let n = 200; n <= 299; n++) {
    const e = dict.get(String(n));
    if (!e) continue;
    for (const name of [e.name, ...e.aliases]) classNames.set(norm(name), e.code);
  }
  return classNames;
}

interface Layout {
  readonly leftLabel: number;
  readonly leftAmount: number;
  readonly rightLabel: number;
  /** t01: { amount }; t04: total / general / govFund / stateCapital */
  readonly right: ReadonlyMap<string, number>;
  readonly bodyStart: number;
}

const FUND_COLUMNS = [
  { key: 'total', labels: ['小计', '合计'] },
  { key: 'general', labels: ['一般公共预算'] },
  { key: 'govFund', labels: ['政府性基金'] },
  { key: 'stateCapital', labels: ['国有资本经营'] },
] as const;
const AMOUNT = /金额|决算数|决算|合计|小计/;

function findLabelCell(seg: Segment, label: string): GridCell | undefined {
  for (let r = seg.start; r <= seg.end; r++) for (const c of cellsOf(seg.sheet, r)) if (stripOrdinal(labelOf(c, false)) === label) return c;
  return undefined;
}

function layoutOf(seg: Segment, key: 't01' | 't04', problems: Problems): Layout | undefined {
  const sheet = seg.sheet;
  // the label columns are where 本年收入合计 and 本年支出合计 stand; the body starts at the first 类 line
  const incomeTotal = findLabelCell(seg, '本年收入合计');
  const spentTotal = findLabelCell(seg, '本年支出合计');
  const classes = classCodeByName();
  // the body starts at the first income line or 类 line in the label columns
  let bodyStart: number | undefined;
  for (let r = seg.start; r <= seg.end && incomeTotal && spentTotal && bodyStart === undefined; r++) {
    const left = stripOrdinal(labelOf(cellAt(sheet, r, incomeTotal.col), false));
    const right = stripOrdinal(labelOf(cellAt(sheet, r, spentTotal.col), false));
    if (T01_INCOME[left] || FUNDS[left] || classes.has(right)) bodyStart = r;
  }
  if (!incomeTotal || !spentTotal || bodyStart === undefined) {
    problems.error(`${TABLES[key].name}：未找到${!incomeTotal ? '“本年收入合计”行' : !spentTotal ? '“本年支出合计”行' : '支出功能分类的类级科目行（如“一般公共服务支出”）'}`);
    return undefined;
  }
  const headerRows: number[] = [];
  for (let r = seg.start; r < bodyStart; r++) if (!isMetaRow(sheet, r)) headerRows.push(r);
  const headers = columnHeaders(sheet, headerRows);
  const leftLabel = incomeTotal.col;
  const rightLabel = spentTotal.col;
  if (rightLabel <= leftLabel) {
    problems.error(`${TABLES[key].name}：收入方应在左、支出方在右`, spentTotal);
    return undefined;
  }
  const isAmount = (h: ColumnHeader) => AMOUNT.test(h.leaf) && !/行次/.test(h.leaf);
  const leftAmount = headers.find((h) => h.col > leftLabel && h.col < rightLabel && isAmount(h))?.col;
  if (leftAmount === undefined) {
    problems.error(`${TABLES[key].name}：收入方表头中未找到“${key === 't01' ? '金额' : '决算数'}”列`);
    return undefined;
  }
  let right: Map<string, number>;
  if (key === 't01') {
    const col = headers.find((h) => h.col > rightLabel && isAmount(h))?.col;
    right = new Map(col === undefined ? [] : [['amount', col]]);
    if (col === undefined) {
      problems.error(`${TABLES[key].name}：支出方表头中未找到“金额”列`);
      return undefined;
    }
  } else {
    right = mapColumns(headers, FUND_COLUMNS, rightLabel + 1);
    if (right.size === 0) {
      const col = headers.find((h) => h.col > rightLabel && isAmount(h))?.col;
      if (col !== undefined) right.set('total', col);
    }
    if (!right.has('total') && !right.has('general')) {
      problems.error(`${TABLES[key].name}：支出方表头中未找到“小计”“一般公共预算财政拨款”等列`);
      return undefined;
    }
  }
  return { leftLabel, leftAmount, rightLabel, right, bodyStart };
}

interface Line {
  readonly row: number;
  readonly labelCell?: GridCell;
  readonly label: string;
}

function lineAt(seg: Segment, row: number, col: number): Line {
  const c = cellAt(seg.sheet, row, col);
  const label = c && !c.slave ? stripOrdinal(labelOf(c, false)) : '';
  return { row, label, ...(c && label ? { labelCell: c } : {}) };
}

const T01_INCOME: Readonly<Record<string, string>> = {
  一般公共预算财政拨款收入: 'generalBudget',
  一般公共预算财政拨款: 'generalBudget',
  政府性基金预算财政拨款收入: 'govFund',
  政府性基金预算财政拨款: 'govFund',
  国有资本经营预算财政拨款收入: 'stateCapital',
  国有资本经营预算财政拨款: 'stateCapital',
  上级补助收入: 'superior',
  事业收入: 'business',
  经营收入: 'operating',
  附属单位上缴收入: 'affiliated',
  其他收入: 'other',
};

const FUNDS: Readonly<Record<string, 'general' | 'govFund' | 'stateCapital'>> = {
  一般公共预算财政拨款: 'general',
  一般公共预算财政拨款收入: 'general',
  政府性基金预算财政拨款: 'govFund',
  政府性基金预算财政拨款收入: 'govFund',
  国有资本经营预算财政拨款: 'stateCapital',
  国有资本经营预算财政拨款收入: 'stateCapital',
};

const isGrandTotal = (l: string) => l === '总计' || l === '收入总计' || l === '支出总计';
const shown = (c: GridCell | undefined) => (c ? cleanName(rawText(c.value)) : '');

export interface T01Out {
  income: Record<string, Money>;
  incomeTotal?: Money;
  useNonFiscalBalance?: Money;
  openingBalance?: Money;
  incomeGrandTotal?: Money;
  expenditure: Record<string, Money>;
  expenditureTotal?: Money;
  balanceDistribution?: Money;
  closingBalance?: Money;
  expenditureGrandTotal?: Money;
}

export function readT01(seg: Segment, problems: Problems): T01Out | undefined {
  const layout = layoutOf(seg, 't01', problems);
  if (!layout) return undefined;
  const sheet = seg.sheet;
  const classes = classCodeByName();
  const income: Record<string, Money> = {};
  const expenditure: Record<string, Money> = {};
  const scalars: Record<string, Money | undefined> = {};
  const set = (target: Record<string, Money | undefined>, k: string, v: Money | undefined, cell?: GridCell) => {
    if (v === undefined) return;
    if (target[k] !== undefined) problems.error('同一项目出现了两次', cell);
    else target[k] = v;
  };
  for (let r = layout.bodyStart; r <= seg.end; r++) {
    if (isNoteRow(sheet, r)) break;
    // left: income
    const left = lineAt(seg, r, layout.leftLabel);
    const leftCell = cellAt(sheet, r, layout.leftAmount);
    const lv = amountAt(sheet, r, layout.leftAmount, problems);
    const ik = T01_INCOME[left.label];
    if (ik) set(income, ik, lv, left.labelCell);
    else if (left.label === '本年收入合计') set(scalars, 'incomeTotal', lv, left.labelCell);
    else if (left.label.startsWith('使用非财政拨款结余')) set(scalars, 'useNonFiscalBalance', lv, left.labelCell);
    else if (left.label === '年初结转和结余') set(scalars, 'openingBalance', lv, left.labelCell);
    else if (isGrandTotal(left.label)) set(scalars, 'incomeGrandTotal', lv, left.labelCell);
    else if (hasAmount(leftCell)) unknownLine(problems, '收入', left, leftCell);
    // right: expenditure
    const right = lineAt(seg, r, layout.rightLabel);
    const rightCell = cellAt(sheet, r, layout.right.get('amount')!);
    const rv = amountAt(sheet, r, layout.right.get('amount'), problems);
    const code = classes.get(right.label);
    if (code) {
      if (rv && !rv.isZero()) set(expenditure, code, rv, right.labelCell);
    } else if (right.label === '本年支出合计') set(scalars, 'expenditureTotal', rv, right.labelCell);
    else if (right.label === '结余分配') set(scalars, 'balanceDistribution', rv, right.labelCell);
    else if (right.label === '年末结转和结余') set(scalars, 'closingBalance', rv, right.labelCell);
    else if (isGrandTotal(right.label)) set(scalars, 'expenditureGrandTotal', rv, right.labelCell);
    else if (hasAmount(rightCell)) unknownLine(problems, '支出', right, rightCell);
  }
  return {
    income,
    ...compact({
      incomeTotal: scalars['incomeTotal'],
      useNonFiscalBalance: scalars['useNonFiscalBalance'],
      openingBalance: scalars['openingBalance'],
      incomeGrandTotal: scalars['incomeGrandTotal'],
    }),
    expenditure,
    ...compact({
      expenditureTotal: scalars['expenditureTotal'],
      balanceDistribution: scalars['balanceDistribution'],
      closingBalance: scalars['closingBalance'],
      expenditureGrandTotal: scalars['expenditureGrandTotal'],
    }),
  };
}

function unknownLine(problems: Problems, side: '收入' | '支出', line: Line, amountCell: GridCell | undefined): void {
  if (line.labelCell) problems.error(`无法识别的${side}项目“${shown(line.labelCell)}”`, line.labelCell);
  else problems.error(`${side}方这一行有金额，但没有项目名称`, amountCell);
}

type Split = Partial<Record<'total' | 'general' | 'govFund' | 'stateCapital', Money>>;

export interface T04Out {
  income: Split;
  incomeTotal?: Money;
  opening?: Split;
  incomeGrandTotal?: Money;
  expenditure: Record<string, Split>;
  expenditureTotal?: Split;
  closing?: Split;
  expenditureGrandTotal?: Split;
}

export function readT04(seg: Segment, problems: Problems): T04Out | undefined {
  const layout = layoutOf(seg, 't04', problems);
  if (!layout) return undefined;
  const sheet = seg.sheet;
  const classes = classCodeByName();
  const out = { income: {}, opening: {}, expenditure: {}, closing: {} } as Required<Pick<T04Out, 'income' | 'opening' | 'expenditure' | 'closing'>> & T04Out;
  const setOnce = <T>(get: () => T | undefined, put: (v: T) => void, v: T | undefined, cell?: GridCell) => {
    if (v === undefined) return;
    if (get() !== undefined) problems.error('同一项目出现了两次', cell);
    else put(v);
  };
  const splitAt = (r: number): Split | undefined => {
    const s: Split = {};
    for (const k of ['total', 'general', 'govFund', 'stateCapital'] as const) {
      const m = amountAt(sheet, r, layout.right.get(k), problems);
      if (m) s[k] = m;
    }
    return Object.keys(s).length ? s : undefined;
  };
  const rightCells = (r: number) => [...layout.right.values()].map((c) => cellAt(sheet, r, c));
  let leftSection: 'income' | 'opening' = 'income';
  let rightSection: 'spending' | 'closing' = 'spending';
  let closingLine = 0;
  for (let r = layout.bodyStart; r <= seg.end; r++) {
    if (isNoteRow(sheet, r)) break;
    const left = lineAt(seg, r, layout.leftLabel);
    const leftCell = cellAt(sheet, r, layout.leftAmount);
    const lv = amountAt(sheet, r, layout.leftAmount, problems);
    const fund = FUNDS[left.label];
    if (fund) {
      const target = leftSection === 'income' ? out.income : out.opening;
      setOnce(() => target[fund], (v) => (target[fund] = v), lv, left.labelCell);
    } else if (left.label === '本年收入合计') setOnce(() => out.incomeTotal, (v) => (out.incomeTotal = v), lv, left.labelCell);
    else if (left.label.startsWith('年初财政拨款结转和结余')) {
      leftSection = 'opening';
      setOnce(() => out.opening.total, (v) => (out.opening.total = v), lv, left.labelCell);
    } else if (isGrandTotal(left.label)) setOnce(() => out.incomeGrandTotal, (v) => (out.incomeGrandTotal = v), lv, left.labelCell);
    else if (hasAmount(leftCell)) unknownLine(problems, '收入', left, leftCell);

    const right = lineAt(seg, r, layout.rightLabel);
    const code = classes.get(right.label);
    const closingFund = FUNDS[right.label];
    if (code) {
      const s = splitAt(r);
      if (s && Object.values(s).some((m) => !m.isZero())) setOnce(() => out.expenditure[code], (v) => (out.expenditure[code] = v), s, right.labelCell);
    } else if (right.label === '本年支出合计') setOnce(() => out.expenditureTotal, (v) => (out.expenditureTotal = v), splitAt(r), right.labelCell);
    else if (right.label.startsWith('年末财政拨款结转和结余')) {
      rightSection = 'closing';
      const s = splitAt(r);
      if (s) Object.assign(out.closing, s);
    } else if (isGrandTotal(right.label)) {
      rightSection = 'spending';
      setOnce(() => out.expenditureGrandTotal, (v) => (out.expenditureGrandTotal = v), splitAt(r), right.labelCell);
    } else if (rightSection === 'closing' && (closingFund || right.label === '')) {
      // lines 61–63: the closing balance by fund, named or in order
      const k = closingFund ?? (['general', 'govFund', 'stateCapital'] as const)[closingLine];
      closingLine++;
      const s = splitAt(r);
      const v = s?.total ?? (k ? s?.[k] : undefined);
      if (v && k) {
        if (out.closing[k] !== undefined && out.closing[k]!.text !== v.text) problems.error(`年末财政拨款结转和结余（${k === 'general' ? '一般公共预算' : k === 'govFund' ? '政府性基金' : '国有资本经营'}）两处金额不一致`, cellAt(sheet, r, layout.right.get('total') ?? layout.rightLabel));
        else out.closing[k] = v;
      } else if (v) problems.error('支出方这一行有金额，但没有项目名称', rightCells(r).find(hasAmount));
    } else if (rightCells(r).some(hasAmount)) unknownLine(problems, '支出', right, rightCells(r).find(hasAmount));
  }
  const nonEmpty = (s: Split) => (Object.keys(s).length ? s : undefined);
  return {
    income: out.income,
    ...compact({ incomeTotal: out.incomeTotal, opening: nonEmpty(out.opening), incomeGrandTotal: out.incomeGrandTotal }),
    expenditure: out.expenditure,
    ...compact({ expenditureTotal: out.expenditureTotal, closing: nonEmpty(out.closing), expenditureGrandTotal: out.expenditureGrandTotal }),
  } as T04Out;
}

