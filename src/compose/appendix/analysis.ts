// Prose next to the forms: the 摘要 sentence of the department sheet and the analysis text that
// precedes each project sheet in 001 (（1）预算执行情况分析, （2）绩效目标完成情况分析 ①②③④).
// Figures the templates cannot compute (执行率, computed scores) reach them through placeholders.
import type { Paragraph } from '../../model/document.ts';
import { paragraph } from '../../model/document.ts';
import type { TableBuilder } from '../booklet.ts';
import { departmentTotal } from '../../derive/scores.ts';
import { arabicParen, circled, formatWan } from '../../narrate/helpers.ts';
import { fillPlaceholders } from './args.ts';
import { computedExecution, figureVars, sheetOf, type IndicatorRow, type ProjectSheet, type Sheet } from './form.ts';

/** Headings of the analysis text: the same in every format that prints it (001). */
const ANALYSIS = {
  execution: '预算执行情况分析',
  goals: '绩效目标完成情况分析',
  target: '年初目标值为',
  actual: '实际完成值为',
} as const;

const trimEnd = (t: string) => t.trim().replace(/[。；，、\s]+$/u, '');

/** "成本控制有效性，年初目标值为不超预算，实际完成值为不超预算" (empty values left out). */
function indicatorClause(ind: IndicatorRow): string {
  const parts = [trimEnd(ind.level3)];
  if (ind.target.trim() !== '') parts.push(ANALYSIS.target + trimEnd(ind.target));
  if (ind.actual.trim() !== '') parts.push(ANALYSIS.actual + trimEnd(ind.actual));
  return parts.join('，');
}

/** Indicators grouped by 一级指标: the profile's levels in its order, then any other level in order of appearance. */
export function levelGroups(s: Sheet, indicators: readonly IndicatorRow[]): { level1: string; items: IndicatorRow[] }[] {
  const order = [...Object.keys(s.weights), ...indicators.map((i) => i.level1)];
  return [...new Set(order)].map((level1) => ({ level1, items: indicators.filter((i) => i.level1 === level1) })).filter((g) => g.items.length > 0);
}

/** The sentence of （1）: "年度财政资金预算数 100.00 万元，执行数 86.43 万元，执行率 86.4%。" */
function executionSentence(s: Sheet, p: ProjectSheet): string {
  const w = s.format.profile.wording;
  const sp = s.sp;
  const rate = s.proseRate(p.budget, p.actual);
  const figures = `年度财政资金预算数${sp}${formatWan(p.budget, w)}，执行数${sp}${formatWan(p.actual, w)}`;
  return rate === undefined ? `${figures}。` : `${figures}，执行率${sp}${rate}。`;
}

/**
 * The analysis paragraphs of one project. （1）: the data's executionAnalysis, else the template's
 * `execution=` sentence, else a sentence from the figures. （2）: one paragraph per 一级指标
 * present, numbered ①② in the profile's order (2024: 成本, 产出, 效益, 满意度; 2020: 产出, 效益, 满意度),
 * each listing its indicators with their target and actual values.
 */
export function projectAnalysis(s: Sheet, p: ProjectSheet, execution: string | undefined, vars: Record<string, string | undefined>): Paragraph[] {
  const style = s.format.profile.wording.parenStyle ?? 'full';
  const first = p.executionAnalysis ?? (execution !== undefined ? fillPlaceholders(execution, vars, `${s.where} execution=`) : executionSentence(s, p));
  return [
    paragraph(`${arabicParen(1, style)}${ANALYSIS.execution}`),
    paragraph(first),
    paragraph(`${arabicParen(2, style)}${ANALYSIS.goals}`),
    ...levelGroups(s, p.indicators).map((g, k) => paragraph(`${circled(k + 1)}${g.level1}：${g.items.map(indicatorClause).join('；')}。`)),
  ];
}

/**
 * `::table appendixSummary <sentence>` — one body paragraph: the sentence written in the template
 * with the department sheet's figures filled in, e.g.
 *   ::table appendixSummary {{department}} {{year}} 年度财政预算执行率为 {rate}，{{data.appendix.summary}}
 * Placeholders: {rate} (执行率 B/A with the profile's percent places), {formRate} (two places, as
 * on the form), {budget} {actual} {score} (computed 预算执行得分) {total} (computed 总分) {year}
 * {department} {unitName} {fillYear} {fillMonth} {fillDay}.
 */
export const appendixSummary: TableBuilder = (ctx, format, arg) => {
  const where = `格式模板 ${format.name} 的 ::table appendixSummary`;
  const s = sheetOf(ctx, format, where);
  const d = ctx.data.appendix?.department;
  const vars = figureVars(
    s,
    d && { budget: d.budget, actual: d.actual, total: departmentTotal(computedExecution(s, d.budget, d.actual), d.goals.map((g) => g.indicators), s.places) },
  );
  const sentence = fillPlaceholders(arg.trim(), vars, where);
  return [paragraph(sentence)];
};
