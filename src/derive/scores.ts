// Self-evaluation scores (绩效自评表): execution rate and score, level-1 group sums, totals.
// Weights and rounding come from the profile's appendix scheme.
import { Dec, ZERO, HUNDRED, sum, roundHalfUp, percentOf } from '../money/decimal.ts';

export interface Indicator {
  readonly level1: string;
  readonly score: Dec;
}

/** 执行率 B/A in percent (exact); undefined when the budget is zero. */
export function executionRate(budget: Dec, actual: Dec): Dec | undefined {
  return percentOf(actual, budget);
}

/** 得分 = weight × 执行率, capped at the weight; a zero budget with zero spending scores full. */
export function executionScore(weight: number, budget: Dec, actual: Dec, places: number): Dec {
  const w = new Dec(weight);
  const rate = executionRate(budget, actual);
  if (rate === undefined) return actual.isZero() ? w : ZERO;
  return roundHalfUp(Dec.min(w, w.times(rate).dividedBy(HUNDRED)), places);
}

/** Σ score per 一级指标, in first-appearance order. */
export function groupScores(indicators: readonly Indicator[]): Map<string, Dec> {
  const m = new Map<string, Dec>();
  for (const i of indicators) m.set(i.level1, (m.get(i.level1) ?? ZERO).plus(i.score));
  return m;
}

export function indicatorTotal(indicators: readonly Indicator[]): Dec {
  return sum(indicators.map((i) => i.score));
}

/** Project sheet: 总分 = 预算执行得分 + Σ 指标得分. */
export function projectTotal(execution: Dec, indicators: readonly Indicator[], places: number): Dec {
  return roundHalfUp(execution.plus(indicatorTotal(indicators)), places);
}

/** Department sheet: every 年度绩效目标 block is scored on the same scale, so 总分 = 预算执行得分 + mean of the blocks. */
export function departmentTotal(execution: Dec, goals: readonly (readonly Indicator[])[], places: number): Dec {
  if (goals.length === 0) return roundHalfUp(execution, places);
  const mean = sum(goals.map(indicatorTotal)).dividedBy(goals.length);
  return roundHalfUp(execution.plus(mean), places);
}
