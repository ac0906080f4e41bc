// The score table of the 整体支出绩效自评报告 (reference 002, 三（一）1、评分结果):
//
//   评价指标 | 权重 | 评级分值 | 得分 | 得分率 | 绩效评价
//   投入     | 18%  | 18       | 16   | 88.9%  | 良
//   …
//   综合绩效 | 100% | 100      | 90   | 90%    | 优
//
// 得分率 = 得分 / 权重 and the 等级 come from src/derive/evaluation.ts (grade bands of the profile
// or the data); this file only prints them. 002 itself prints 88.8%, 80.3% and 95.5% for 16/18,
// 22.5/28 and 32.5/34 (cut off, not rounded); the booklet rounds half up on the exact value.
import type { Cell, Row, Table } from '../../model/document.ts';
import { cell } from '../../model/document.ts';
import type { TableBuilder } from '../booklet.ts';
import type { ScoreLine } from '../../derive/evaluation.ts';
import { roundHalfUp, type Dec } from '../../money/decimal.ts';
import { formatPercent } from '../../narrate/helpers.ts';
import { AppendixError, fillPlaceholders, parseArgs } from './args.ts';

/** Column headings of the score table (002). */
export const SCORE_LABELS = {
  name: '评价指标',
  weight: '权重',
  points: '评级分值',
  score: '得分',
  rate: '得分率',
  grade: '绩效评价',
  total: '综合绩效',
} as const;

/** Relative widths of the six columns (portrait). */
const WIDTHS = [20, 14, 16, 14, 16, 20] as const;

const center = (t: string): Cell => cell(t, { align: 'center' });

/**
 * `::table selfEvaluationScores [options]` — the weighted score table of the self-evaluation
 * report (data: reports.selfEvaluation.scores).
 *
 * Options: title= (a caption line above the table; placeholders {year} {department}),
 * total= (label of the total row, default 综合绩效), places= (decimals of 权重 and 得分率 in %,
 * default the profile's percentPlaces; integers print without decimals, "95%").
 */
export const selfEvaluationScores: TableBuilder = (ctx, format, arg) => {
  const where = `格式模板 ${format.name} 的 ::table selfEvaluationScores`;
  const args = parseArgs(arg, ['title', 'total', 'places'], where);
  if (args.positional.length > 0) throw new AppendixError(`${where}：不需要位置参数（${args.positional.join(' ')}）`);
  const figures = ctx.reports.selfEvaluation;
  if (!figures)
    throw new AppendixError(`${where}：数据没有 reports.selfEvaluation（整体支出绩效自评报告）；模板中请用 {{#if data.reports.selfEvaluation}} … {{/if}} 包住`);
  const { wording, appendix } = format.profile;
  const placesText = args.options['places'];
  if (placesText !== undefined && !/^[0-4]$/u.test(placesText)) throw new AppendixError(`${where}：选项 places= 应为 0–4 的整数，而不是“${placesText}”`);
  const places = placesText === undefined ? wording.percentPlaces : Number(placesText);

  const percent = (p: Dec | undefined) => (p === undefined ? '—' : formatPercent(p, { percentPlaces: places, trimIntegerPercent: true }));
  const points = (x: Dec) => roundHalfUp(x, appendix.scorePlaces).toFixed();
  const line = (l: ScoreLine, name: string): Row => ({
    type: 'row',
    cells: [center(name), center(percent(l.weightShare)), center(points(l.weight)), center(points(l.score)), center(percent(l.rate)), center(l.grade ?? '')],
  });

  const { rows, total } = figures.scores;
  const vars = { year: String(ctx.year), department: ctx.department };
  const title = args.options['title'];
  const table: Table = {
    type: 'table',
    id: 'table-self-evaluation-scores',
    kind: 'summary',
    ...(title !== undefined && title !== '' ? { title: fillPlaceholders(title, vars, `${where} title=`) } : {}),
    columns: WIDTHS.map((width) => ({ type: 'column', width, align: 'center' })),
    header: [{ type: 'row', cells: [SCORE_LABELS.name, SCORE_LABELS.weight, SCORE_LABELS.points, SCORE_LABELS.score, SCORE_LABELS.rate, SCORE_LABELS.grade].map(center) }],
    body: [...rows.map((l) => line(l, l.name)), { ...line(total, args.options['total'] ?? SCORE_LABELS.total), emphasis: 'total' }],
    notes: [],
    dense: false,
  };
  return table;
};
