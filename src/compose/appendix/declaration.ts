// The 部门整体支出绩效目标申报表 (reference 004) as one form table on portrait A4.
//
// Grid: eight columns (relative widths in WIDTHS). The row labels (部门名称, 部门总体资金情况,
// 部门职能概述, 年度目标 n, 年度绩效指标 …) sit in column 0 and their values span 1–7.
//   fund overview:  0 label (merged down) | 1 收入构成 / 支出构成 (merged over three rows) |
//                   2–3 财政拨款 … 合计 | 4 当年预算收支 | 5 占比 | 6 上年 | 7 前年
//   indicators:     0 年度绩效指标 (merged down) | 1 一级指标 | 2 二级指标 | 3 指标名称 |
//                   4 上年 | 5 前年 (近两年指标值) | 6 预期当年实现值 | 7 绩效标准
// 合计 and 占比 come from src/derive/evaluation.ts (a stated 合计 is printed, the checker compares
// it with its parts); 占比 is printed for the declared year only, as on 004.
import type { Cell, Inline, Row, Table } from '../../model/document.ts';
import { cell, text } from '../../model/document.ts';
import type { TableBuilder } from '../booklet.ts';
import type { FundFigures } from '../../derive/evaluation.ts';
import type { Dec } from '../../money/decimal.ts';
import { formatCell, formatPercent } from '../../narrate/helpers.ts';
import { AppendixError, fillPlaceholders, parseArgs } from './args.ts';
import { runs } from './form.ts';

/** Labels printed on the form (004). */
export const DECLARATION_LABELS = {
  unitName: '部门名称',
  contact: '填报人',
  phone: '联系电话',
  funds: '部门总体资金情况（万元）',
  overall: '总体资金情况',
  budget: '当年预算收支',
  share: '占比',
  history: '近两年收支情况',
  year: (y: number) => `${y}年`,
  income: '收入构成',
  fiscal: '财政拨款',
  other: '其他资金',
  total: '合计',
  expenditure: '支出构成',
  basic: '基本支出',
  project: '项目支出',
  duties: '部门职能概述',
  tasks: '年度工作任务',
  overallGoals: '整体绩效目标',
  goal: (n: number) => `年度目标${n}：`,
  goalItem: (n: number) => `目标${n}：`,
  indicators: '年度绩效指标',
  level1: '一级指标',
  level2: '二级指标',
  name: '指标名称',
  value: '指标值',
  historyValue: '近两年指标值',
  target: '预期当年实现值',
  standard: '绩效标准',
} as const;

/** Relative widths of the eight columns (portrait A4; none narrower than about three characters). */
export const DECLARATION_WIDTHS = [16, 11, 12, 16, 10, 10, 13, 12] as const;

/** Decimals of 占比: 004 prints two (93.58%, 6.42%), integers without (100%). */
export const SHARE_PLACES = 2;

const center = (t: string, extra: Omit<Cell, 'type' | 'content'> = {}): Cell => cell(t, { align: 'center', ...extra });
const left = (t: string, extra: Omit<Cell, 'type' | 'content'> = {}): Cell => cell(t, { align: 'left', ...extra });
const row = (...cells: Cell[]): Row => ({ type: 'row', cells });

/** Lines inside one cell, separated by hard breaks. */
function lines(items: readonly string[]): Inline[] {
  return items.flatMap((t, i): Inline[] => (i === 0 ? [text(t)] : [{ type: 'break' }, text(t)]));
}

/** A label in column 0 and a left-aligned value over columns 1–7. */
function labelRow(label: string, value: readonly Inline[]): Row {
  return row(center(label), { type: 'cell', content: value, colSpan: 7, align: 'left' });
}


/**
 * `::table targetDeclaration [options]` — the 部门整体支出绩效目标申报表 (data:
 * reports.targetDeclaration).
 *
 * Options: title= left= right= (caption lines; placeholders {year} (the declared year),
 * {department}, {unitName}), places= (decimals of 占比, default 2 as on 004).
 */
export const targetDeclaration: TableBuilder = (ctx, format, arg) => {
  const where = `格式模板 ${format.name} 的 ::table targetDeclaration`;
  const args = parseArgs(arg, ['title', 'left', 'right', 'places'], where);
  if (args.positional.length > 0) throw new AppendixError(`${where}：不需要位置参数（${args.positional.join(' ')}）`);
  const d = ctx.data.reports.targetDeclaration;
  const f = ctx.reports.targetDeclaration;
  if (!d || !f)
    throw new AppendixError(`${where}：数据没有 reports.targetDeclaration（绩效目标申报表）；模板中请用 {{#if data.reports.targetDeclaration}} … {{/if}} 包住`);
  const placesText = args.options['places'];
  if (placesText !== undefined && !/^[0-4]$/u.test(placesText)) throw new AppendixError(`${where}：选项 places= 应为 0–4 的整数，而不是“${placesText}”`);
  const places = placesText === undefined ? SHARE_PLACES : Number(placesText);
  const { wording } = format.profile;
  const L = DECLARATION_LABELS;

  const amount = (x: Dec | undefined) => (x === undefined ? '' : formatCell(x, wording));
  const share = (part: Dec, p: Dec | undefined) => (part.isZero() || p === undefined ? '' : formatPercent(p, { percentPlaces: places, trimIntegerPercent: true }));
  const [h1, h2] = f.history as [FundFigures | undefined, FundFigures | undefined];

  /** One line of the fund overview: its item cell, the budget amount, its 占比, the two history amounts. */
  const fundLine = (first: Cell[], label: string, pick: (c: FundFigures) => Dec, sharePick: Dec | undefined): Row =>
    row(...first, center(label, { colSpan: 2 }), center(amount(pick(f.budget))), center(share(pick(f.budget), sharePick)), center(amount(h1 && pick(h1))), center(amount(h2 && pick(h2))));

  const body: Row[] = [labelRow(L.unitName, [text(d.unitName)])];
  if (d.contact !== undefined || d.phone !== undefined)
    body.push(row(center(L.contact), center(d.contact ?? '', { colSpan: 3 }), center(L.phone, { colSpan: 2 }), center(d.phone ?? '', { colSpan: 2 })));

  const [y1, y2] = f.historyYears;
  body.push(
    row(center(L.funds, { rowSpan: 8 }), center(L.overall, { colSpan: 3, rowSpan: 2 }), center(L.budget, { rowSpan: 2 }), center(L.share, { rowSpan: 2 }), center(L.history, { colSpan: 2 })),
    row(center(L.year(y1)), center(L.year(y2))),
    fundLine([center(L.income, { rowSpan: 3 })], L.fiscal, (c) => c.fiscal, f.shares.fiscal),
    fundLine([], L.other, (c) => c.other, f.shares.other),
    { ...fundLine([], L.total, (c) => c.incomeTotal, f.shares.incomeTotal), emphasis: 'subtotal' },
    fundLine([center(L.expenditure, { rowSpan: 3 })], L.basic, (c) => c.basic, f.shares.basic),
    fundLine([], L.project, (c) => c.project, f.shares.project),
    { ...fundLine([], L.total, (c) => c.expenditureTotal, f.shares.expenditureTotal), emphasis: 'subtotal' },
  );

  const duties = d.duties.length > 0 ? d.duties : ctx.data.overview.duties;
  body.push(labelRow(L.duties, lines(duties.map((t, i) => `${i + 1}、${t}`))));
  body.push(labelRow(L.tasks, lines(d.tasks.map((t, i) => `${i + 1}、${t}`))));
  if (d.overallGoals.length > 0) body.push(labelRow(L.overallGoals, lines(d.overallGoals.map((t, i) => `${L.goalItem(i + 1)}${t}`))));

  d.goals.forEach((g, gi) => {
    body.push(labelRow(L.goal(gi + 1), [text(g.name)]));
    const inds = g.indicators;
    const head: Cell[][] = [
      [
        center(L.indicators, { rowSpan: 3 + inds.length }),
        center(L.level1, { rowSpan: 3 }),
        center(L.level2, { rowSpan: 3 }),
        center(L.name, { rowSpan: 3 }),
        center(L.value, { colSpan: 3 }),
        center(L.standard, { rowSpan: 3 }),
      ],
      [center(L.historyValue, { colSpan: 2 }), center(L.target, { rowSpan: 2 })],
      [center(L.year(y1)), center(L.year(y2))],
    ];
    const rows: Cell[][] = inds.map(() => []);
    for (const r1 of runs(inds, (x) => x.level1)) {
      rows[r1.start]!.push(center(inds[r1.start]!.level1, r1.length > 1 ? { rowSpan: r1.length } : {}));
      const group = inds.slice(r1.start, r1.start + r1.length);
      for (const r2 of runs(group, (x) => x.level2)) rows[r1.start + r2.start]!.push(center(group[r2.start]!.level2, r2.length > 1 ? { rowSpan: r2.length } : {}));
    }
    inds.forEach((ind, i) => rows[i]!.push(left(ind.name), center(ind.history[0] ?? ''), center(ind.history[1] ?? ''), center(ind.target), center(ind.standard)));
    body.push(...[...head, ...rows].map((cells) => row(...cells)));
  });

  const vars = { year: String(f.year), department: ctx.department, unitName: d.unitName };
  const caption = (k: 'title' | 'left' | 'right'): string | undefined => {
    const v = args.options[k];
    return v === undefined || v === '' ? undefined : fillPlaceholders(v, vars, `${where} ${k}=`);
  };
  const title = caption('title');
  const department = caption('left');
  const unit = caption('right');
  const table: Table = {
    type: 'table',
    id: 'table-target-declaration',
    kind: 'form',
    ...(title !== undefined ? { title } : {}),
    ...(department !== undefined ? { department } : {}),
    ...(unit !== undefined ? { unit } : {}),
    columns: DECLARATION_WIDTHS.map((width) => ({ type: 'column', width, align: 'center' })),
    header: [],
    body,
    notes: [],
    dense: false,
  };
  return table;
};
