// Shared pieces of the 绩效自评表 forms: labels, printed figures, the 预算执行情况 block, the
// indicator block, the closing rows, the caption lines.
//
// Grid: eight columns on portrait A4 (relative widths in COLUMN_WIDTHS):
//   0 年度绩效目标 (merged down over its block)   1 一级指标   2 二级指标   3–4 三级指标
//   5 年初目标值   6 实际完成值   7 得分
// Row labels (单位名称, 项目名称, 总分 …) span columns 0–1 and their values 2–7; 三级指标 spans two
// columns so that the 预算执行 block (label 0–1, line 2–3, A 4, B 5, B/A 6, 得分 7) and the
// 主管部门 / 项目实施单位 line (2 + 2 + 2 + 2) fit the same grid.
//
// Scores are never recomputed here: executionRate / executionScore / projectTotal /
// departmentTotal of src/derive/scores.ts give them, with the profile's weights and places. The
// sheets print the computed figures; a supplied figure that differs is the checker's business
// (score-execution, score-total), never printed.
import type { Cell, Column, Inline, Row, Table } from '../../model/document.ts';
import { cell, text } from '../../model/document.ts';
import type { NarrativeContext } from '../../narrate/context.ts';
import type { Format } from '../../profile/format.ts';
import type { DepartmentYear } from '../../input/schema.ts';
import { Dec, roundHalfUp } from '../../money/decimal.ts';
import { executionRate, executionScore } from '../../derive/scores.ts';
import { formatAmount, formatPercent, formatWan } from '../../narrate/helpers.ts';
import { AppendixError, dateVars, fillPlaceholders, type TableArgs } from './args.ts';

export type Appendix = NonNullable<DepartmentYear['appendix']>;
export type DepartmentSheet = NonNullable<Appendix['department']>;
export type ProjectSheet = Appendix['projects'][number];
export type IndicatorRow = ProjectSheet['indicators'][number];

/**
 * Form labels. These are printed alike in both references (000, the 2020 format, and 001, the
 * 2024 format), so they live here; only the bracket style and the space before 分 follow the
 * profile's wording (parenStyle, spaced). Wording that differs between the two — titles, caption
 * lines, 年度绩效指标 vs 年度绩效目标, whether level-1 weights, 总分 and the signature row are
 * printed — is chosen by the template through the `::table` options.
 */
export const LABELS = {
  unitName: '单位名称',
  basicTotal: '基本支出总额',
  projectTotal: '项目支出总额',
  execution: '预算执行情况',
  unit: '万元',
  departmentLine: '部门整体支出总额',
  projectLine: '年度财政资金总额',
  budget: '预算数',
  actual: '执行数',
  rate: '执行率',
  score: '得分',
  goal: '年度绩效目标',
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  target: '年初目标值',
  done: '实际完成值',
  total: '总分',
  deviation: '偏差大或目标未完成原因分析',
  improvement: '改进措施及结果应用方案',
  // 001 only: 000's sheets end with 改进措施 (the 2020 template passes signature=no)
  signOff: '单位主要负责人签批意见',
  sign: '签名：',
  signDate: '年　　月　　日',
  name: '项目名称',
  supervisor: '主管部门',
  implementer: '项目实施单位',
  category: '项目类别',
  attribute: '项目属性',
  kind: '项目类型',
} as const;

/** The check-box lines of the project sheet: the options printed, in order (both references). */
export const CHOICES = {
  category: ['部门预算项目', '区直专项'],
  attribute: ['持续性项目', '新增性项目'],
  kind: ['常年性项目', '延续性项目', '一次性项目'],
} as const;

/**
 * Relative column widths (see the grid above); no column narrower than about three characters.
 * Chosen so that the labels break between words on A4 in both writers (PDF and Word cell
 * padding): column 0 four characters a line (年度绩效 / 目标 / （80 分）), column 1 five
 * (满意度指标 / （10 分）), columns 0–1 together ten (预算执行情况（万元） / （20 分）),
 * column 2 four (经济成本 / 指标), columns 5–6 five (年初目标值 / （A）), column 7 four
 * (得分 / （20 分* / 执行率）).
 */
export const COLUMN_WIDTHS = [12.3, 13.7, 11.8, 12.1, 12.11, 13.8, 13.8, 10.39] as const;
export const COLUMN_COUNT = COLUMN_WIDTHS.length;

/** Decimals of the 执行率 printed on the forms: both references print two (98.60%, 95.76%, 86.43%), whatever the prose uses. */
export const FORM_RATE_PLACES = 2;

/** The profile settings and the printing functions one sheet needs. */
export interface Sheet {
  readonly ctx: NarrativeContext;
  readonly format: Format;
  readonly where: string;
  readonly places: number;
  readonly executionWeight: number;
  readonly weights: Readonly<Record<string, number>>;
  /** Σ of the level-1 weights: the 年度绩效目标 block's points (80 in both schemes) */
  readonly goalWeight: number;
  /** " " when the profile's wording is spaced, else "" */
  readonly sp: string;
  paren(s: string): string;
  /** "（20 分）" / "(20分)" */
  weight(points: number): string;
  /** table amount: "947.53" */
  amount(x: Dec): string;
  /** amount with unit: "211.94 万元" */
  wan(x: Dec): string;
  /** a score: "19.71", "20", "9.5" (rounded to the profile's places, no trailing zeros) */
  score(x: Dec): string;
  /** 执行率 on the form: "98.57%", "100%", "—" for a zero budget */
  formRate(budget: Dec, actual: Dec): string;
  /** 执行率 in prose (the profile's percent places): "98.6%" */
  proseRate(budget: Dec, actual: Dec): string | undefined;
}

export function sheetOf(ctx: NarrativeContext, format: Format, where: string): Sheet {
  const { appendix, wording } = format.profile;
  const sp = wording.spaced === false ? '' : ' ';
  const paren = (s: string) => (wording.parenStyle === 'half' ? `(${s})` : `（${s}）`);
  const places = appendix.scorePlaces;
  return {
    ctx,
    format,
    where,
    places,
    executionWeight: appendix.executionWeight,
    weights: appendix.weights,
    goalWeight: Object.values(appendix.weights).reduce((a, b) => a + b, 0),
    sp,
    paren,
    weight: (points) => paren(`${points}${sp}分`),
    amount: (x) => formatAmount(x, { thousands: wording.tableThousands }),
    wan: (x) => formatWan(x, { thousands: wording.tableThousands, spaced: wording.spaced }),
    score: (x) => roundHalfUp(x, places).toFixed(),
    formRate: (budget, actual) => {
      const r = executionRate(budget, actual);
      return r === undefined ? '—' : formatPercent(r, { percentPlaces: FORM_RATE_PLACES, trimIntegerPercent: true });
    },
    proseRate: (budget, actual) => {
      const r = executionRate(budget, actual);
      return r === undefined ? undefined : formatPercent(r, wording);
    },
  };
}

/** 预算执行得分 by the formula (never the supplied figure). */
export function computedExecution(s: Sheet, budget: Dec, actual: Dec): Dec {
  return executionScore(s.executionWeight, budget, actual, s.places);
}

/** Placeholders every sheet offers: its figures (when it has them) and the fill date. */
export function figureVars(s: Sheet, figures?: { budget: Dec; actual: Dec; total: Dec }): Record<string, string | undefined> {
  const f = figures;
  return {
    budget: f && formatAmount(f.budget, s.format.profile.wording),
    actual: f && formatAmount(f.actual, s.format.profile.wording),
    rate: f && s.proseRate(f.budget, f.actual),
    formRate: f && s.formRate(f.budget, f.actual),
    score: f && s.score(computedExecution(s, f.budget, f.actual)),
    total: f && s.score(f.total),
    year: String(s.ctx.year),
    department: s.ctx.department,
    unitName: s.ctx.data.appendix?.unitName,
    ...dateVars(s.ctx.data.appendix?.fillDate),
  };
}

// ---------------------------------------------------------------------------------------------
// Cells and rows

const center = (t: string, extra: Omit<Cell, 'type' | 'content'> = {}): Cell => cell(t, { align: 'center', ...extra });
const left = (t: string, extra: Omit<Cell, 'type' | 'content'> = {}): Cell => cell(t, { align: 'left', ...extra });
const row = (...cells: Cell[]): Row => ({ type: 'row', cells });

/** A label over columns 0–1 and a value over 2–7: 单位名称, 项目名称, 总分, 偏差…, 改进…. */
export function labelRow(label: string, value: string | readonly Inline[], align: 'left' | 'center' = 'left'): Row {
  const content = typeof value === 'string' ? (value === '' ? [] : [text(value)]) : value;
  return row(center(label, { colSpan: 2 }), { type: 'cell', content, colSpan: 6, align });
}

/** A line of four cells: label, value, label, value (基本支出总额…, 主管部门…). */
export function pairRow(label1: string, value1: string, label2: string, value2: string): Row {
  return row(center(label1, { colSpan: 2 }), center(value1, { colSpan: 2 }), center(label2, { colSpan: 2 }), center(value2, { colSpan: 2 }));
}

/** The 预算执行情况（万元）（20 分） block: a label merged over two rows, then headings and figures. */
export function executionRows(s: Sheet, line: string, budget: Dec, actual: Dec): Row[] {
  const w = s.executionWeight;
  return [
    row(
      center(`${LABELS.execution}${s.paren(LABELS.unit)}${s.weight(w)}`, { colSpan: 2, rowSpan: 2 }),
      center('', { colSpan: 2 }),
      center(`${LABELS.budget}${s.paren('A')}`),
      center(`${LABELS.actual}${s.paren('B')}`),
      center(`${LABELS.rate}${s.paren('B/A')}`),
      center(`${LABELS.score}${s.paren(`${w}${s.sp}分*${LABELS.rate}`)}`),
    ),
    row(center(line, { colSpan: 2 }), center(s.amount(budget)), center(s.amount(actual)), center(s.formRate(budget, actual)), center(s.score(computedExecution(s, budget, actual)))),
  ];
}

/** The runs of equal consecutive keys: [a,a,b,a] → starts 0, 2, 3 with lengths 2, 1, 1. */
export function runs<T>(items: readonly T[], key: (x: T) => string): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  items.forEach((x, i) => {
    const last = out[out.length - 1];
    if (last && key(items[last.start]!) === key(x)) last.length += 1;
    else out.push({ start: i, length: 1 });
  });
  return out;
}

/**
 * The indicator block: a first cell (`label`, merged down over the block), the heading row
 * 一级指标 … 得分, then one row per indicator. 一级指标 cells merge over each run of equal
 * consecutive values and carry the level's weight (when `weights`); 二级指标 cells merge over
 * runs of equal values inside one 一级指标 run.
 */
export function indicatorRows(s: Sheet, label: string, indicators: readonly IndicatorRow[], weights: boolean): Row[] {
  const rows: Cell[][] = [
    [
      center(label, { rowSpan: indicators.length + 1 }),
      center(LABELS.level1),
      center(LABELS.level2),
      center(LABELS.level3, { colSpan: 2 }),
      center(`${LABELS.target}${s.paren('A')}`),
      center(`${LABELS.done}${s.paren('B')}`),
      center(LABELS.score),
    ],
  ];
  const body: Cell[][] = indicators.map(() => []);
  for (const r1 of runs(indicators, (x) => x.level1)) {
    const level1 = indicators[r1.start]!.level1;
    const w = s.weights[level1];
    const name = weights && w !== undefined ? `${level1}${s.weight(w)}` : level1;
    body[r1.start]!.push(center(name, r1.length > 1 ? { rowSpan: r1.length } : {}));
    const group = indicators.slice(r1.start, r1.start + r1.length);
    for (const r2 of runs(group, (x) => x.level2)) {
      body[r1.start + r2.start]!.push(center(group[r2.start]!.level2, r2.length > 1 ? { rowSpan: r2.length } : {}));
    }
  }
  indicators.forEach((ind, i) => {
    body[i]!.push(left(ind.level3, { colSpan: 2 }), center(ind.target), center(ind.actual), center(s.score(ind.score)));
  });
  return [...rows, ...body].map((cells) => row(...cells));
}

/** 总分 (optional), 偏差…原因分析, 改进措施…, and the signature row (optional). */
export function closingRows(s: Sheet, total: Dec | undefined, deviation: string, improvement: string, signature: boolean): Row[] {
  const out: Row[] = [];
  if (total !== undefined) out.push(labelRow(LABELS.total, s.score(total), 'center'));
  out.push(labelRow(LABELS.deviation, deviation), labelRow(LABELS.improvement, improvement));
  if (signature) {
    const br: Inline = { type: 'break' };
    out.push(row(center(LABELS.signOff, { colSpan: 2 }), { type: 'cell', content: [br, br, text(LABELS.sign), br, text(LABELS.signDate)], colSpan: 6, align: 'right' }));
  }
  return out;
}

/** A check-box line: every option numbered "1、…", the chosen one ticked (an option outside the printed list is added at the end). */
export function choiceLine(options: readonly string[], chosen: string): Inline[] {
  const all = options.includes(chosen) ? options : [...options, chosen];
  return all.flatMap((o, i): Inline[] => [...(i > 0 ? [text('　　')] : []), { type: 'checkbox', checked: o === chosen, label: `${i + 1}、${o}` }]);
}

/** The form table with its caption lines (title; left caption such as 单位名称; right caption such as 填报日期). */
export function formTable(s: Sheet, id: string, args: TableArgs, vars: Record<string, string | undefined>, body: Row[]): Table {
  const opt = (k: 'title' | 'left' | 'right'): string | undefined => {
    const v = args.options[k];
    return v === undefined || v === '' ? undefined : fillPlaceholders(v, vars, `${s.where} ${k}=`);
  };
  const title = opt('title');
  const department = opt('left');
  const unit = opt('right');
  const columns: Column[] = COLUMN_WIDTHS.map((width) => ({ type: 'column', width, align: 'center' }));
  return {
    type: 'table',
    id,
    kind: 'form',
    ...(title !== undefined ? { title } : {}),
    ...(department !== undefined ? { department } : {}),
    ...(unit !== undefined ? { unit } : {}),
    columns,
    header: [],
    body,
    notes: [],
    dense: false,
  };
}

/** The data's appendix, or an error naming the template guard to use. */
export function appendixOf(s: Sheet): Appendix {
  const a = s.ctx.data.appendix;
  if (!a) throw new AppendixError(`${s.where}：数据没有 appendix（绩效自评表）；模板中请用 {{#if data.appendix}} … {{/if}} 包住`);
  return a;
}
