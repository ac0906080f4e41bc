// The optional appendix documents (reports): the weighted score table of the 整体支出绩效自评报告
// (reference 002) and the fund overview of the 绩效目标申报表 (reference 004). Only figures: exact
// Dec values, never printed here (the builders and helpers print them).
//
// Score table: each row (投入 / 过程 / 产出 / 效果) has a 权重 (points) and a 得分; 得分率 = 得分 /
// 权重 (in %), and the 等级 is the first grade band, highest first, whose `min` the exact 得分率
// reaches. The total row (综合绩效) sums 权重 and 得分. The bands come from the data
// (reports.selfEvaluation.scores.grades) or else the format profile (reports.grades).
//
// Fund overview: 合计 = 财政拨款 + 其他资金 (income) and 基本支出 + 项目支出 (expenditure); a stated
// 合计 is printed (the checker compares it with the sum), else the sum. 占比 = part / 合计 (in %),
// for the declared year's column only (the form prints none for the history columns).
import { Dec, ZERO, sum, percentOf } from '../money/decimal.ts';
import type { DepartmentYear } from '../input/schema.ts';
import type { Profile } from '../profile/schema.ts';

type Reports = DepartmentYear['reports'];
export type SelfEvaluation = NonNullable<Reports['selfEvaluation']>;
export type TargetDeclaration = NonNullable<Reports['targetDeclaration']>;

// ---------------------------------------------------------------------------------------------
// Grades

export interface GradeBand {
  readonly grade: string;
  /** lowest 得分率 (%, inclusive) of the band */
  readonly min: Dec;
}

/** The bands that apply: the data's, else the profile's; undefined when neither has any. */
export function gradeBands(report: SelfEvaluation, profile: Profile): GradeBand[] | undefined {
  const own = report.scores.grades;
  if (own) return own.map((g) => ({ grade: g.grade, min: g.min }));
  const p = profile.reports?.grades;
  return p ? p.map((g) => ({ grade: g.grade, min: new Dec(String(g.min)) })) : undefined;
}

/** What is wrong with a list of bands (not highest first, or not ending at 0), or undefined. */
export function bandProblem(bands: readonly GradeBand[]): string | undefined {
  for (let i = 1; i < bands.length; i++) {
    if (!bands[i]!.min.lt(bands[i - 1]!.min)) return `等级应按最低得分率由高到低排列（“${bands[i - 1]!.grade}” ${bands[i - 1]!.min.toFixed()} 之后是“${bands[i]!.grade}” ${bands[i]!.min.toFixed()}）`;
  }
  const last = bands[bands.length - 1];
  if (last && !last.min.isZero()) return `最低一档“${last.grade}”的最低得分率应为 0（现为 ${last.min.toFixed()}），否则较低的得分率没有等级`;
  return undefined;
}

/** The grade of an exact 得分率: the first band whose min it reaches. */
export function gradeOf(rate: Dec, bands: readonly GradeBand[]): string | undefined {
  return bands.find((b) => rate.gte(b.min))?.grade;
}

// ---------------------------------------------------------------------------------------------
// Score table

export interface ScoreLine {
  readonly name: string;
  /** 权重 in points (评级分值) */
  readonly weight: Dec;
  /** 权重 as a share of Σ权重, in % (printed "18%") */
  readonly weightShare: Dec | undefined;
  readonly score: Dec;
  /** 得分率 = 得分 / 权重 × 100, exact */
  readonly rate: Dec | undefined;
  readonly grade: string | undefined;
}

export interface ScoreTable {
  readonly rows: readonly ScoreLine[];
  /** the 综合绩效 row: Σ权重, Σ得分 and their rate and grade */
  readonly total: ScoreLine;
  readonly bands: readonly GradeBand[] | undefined;
}

function line(name: string, weight: Dec, score: Dec, weightSum: Dec, bands: readonly GradeBand[] | undefined): ScoreLine {
  const rate = percentOf(score, weight);
  return {
    name,
    weight,
    weightShare: percentOf(weight, weightSum),
    score,
    rate,
    grade: rate !== undefined && bands ? gradeOf(rate, bands) : undefined,
  };
}

/** The score table; the total row has no name (the builder prints its label, 综合绩效 in 002). */
export function scoreTable(report: SelfEvaluation, profile: Profile): ScoreTable {
  const bands = gradeBands(report, profile);
  const rows = report.scores.rows;
  const weightSum = sum(rows.map((r) => r.weight));
  const scoreSum = sum(rows.map((r) => r.score));
  return {
    rows: rows.map((r) => line(r.name, r.weight, r.score, weightSum, bands)),
    total: line('', weightSum, scoreSum, weightSum, bands),
    bands,
  };
}

// ---------------------------------------------------------------------------------------------
// Fund overview of the declaration form

export interface FundFigures {
  readonly year: number;
  readonly fiscal: Dec;
  readonly other: Dec;
  /** 财政拨款 + 其他资金 */
  readonly incomeSum: Dec;
  /** the printed 收入合计: stated, else the sum */
  readonly incomeTotal: Dec;
  readonly basic: Dec;
  readonly project: Dec;
  /** 基本支出 + 项目支出 */
  readonly expenditureSum: Dec;
  /** the printed 支出合计: stated, else the sum */
  readonly expenditureTotal: Dec;
}

export interface FundShares {
  readonly fiscal: Dec | undefined;
  readonly other: Dec | undefined;
  readonly incomeTotal: Dec | undefined;
  readonly basic: Dec | undefined;
  readonly project: Dec | undefined;
  readonly expenditureTotal: Dec | undefined;
}

export interface DeclarationFigures {
  /** the declared (budget) year */
  readonly year: number;
  readonly budget: FundFigures;
  /** 占比 of the budget column, in % (exact) */
  readonly shares: FundShares;
  /** the two history years, previous first */
  readonly historyYears: readonly [number, number];
  /** the history column of each history year (undefined when the data has none) */
  readonly history: readonly (FundFigures | undefined)[];
}

type FundInput = TargetDeclaration['budget'];

export function fundFigures(year: number, c: FundInput): FundFigures {
  const other = c.other ?? ZERO;
  const project = c.project ?? ZERO;
  const incomeSum = c.fiscal.plus(other);
  const expenditureSum = c.basic.plus(project);
  return {
    year,
    fiscal: c.fiscal,
    other,
    incomeSum,
    incomeTotal: c.incomeTotal ?? incomeSum,
    basic: c.basic,
    project,
    expenditureSum,
    expenditureTotal: c.expenditureTotal ?? expenditureSum,
  };
}

export function declarationFigures(d: TargetDeclaration, dataYear: number): DeclarationFigures {
  const year = d.year ?? dataYear;
  const budget = fundFigures(year, d.budget);
  const historyYears: [number, number] = [year - 1, year - 2];
  return {
    year,
    budget,
    shares: {
      fiscal: percentOf(budget.fiscal, budget.incomeTotal),
      other: percentOf(budget.other, budget.incomeTotal),
      incomeTotal: percentOf(budget.incomeTotal, budget.incomeTotal),
      basic: percentOf(budget.basic, budget.expenditureTotal),
      project: percentOf(budget.project, budget.expenditureTotal),
      expenditureTotal: percentOf(budget.expenditureTotal, budget.expenditureTotal),
    },
    historyYears,
    history: historyYears.map((y) => {
      const h = d.history.find((x) => x.year === y);
      return h ? fundFigures(y, h) : undefined;
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Both, for the narrative context

export interface ReportFigures {
  readonly selfEvaluation?: { readonly scores: ScoreTable };
  readonly targetDeclaration?: DeclarationFigures;
}

export function deriveReports(data: DepartmentYear, profile: Profile): ReportFigures {
  const { selfEvaluation, targetDeclaration } = data.reports;
  return {
    ...(selfEvaluation ? { selfEvaluation: { scores: scoreTable(selfEvaluation, profile) } } : {}),
    ...(targetDeclaration ? { targetDeclaration: declarationFigures(targetDeclaration, data.meta.year) } : {}),
  };
}
