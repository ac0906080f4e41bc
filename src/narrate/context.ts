// The data a format's templates see: derived figures plus the parts of the data file that are
// text (overview, reasons, key work). Figures stay exact Dec values; the helpers print them.
import type { DepartmentYear } from '../input/schema.ts';
import type { Figures } from '../derive/figures.ts';
import type { Tables } from '../derive/tables.ts';
import type { Profile } from '../profile/schema.ts';
import { functionCodes } from '../dictionary/dictionary.ts';
import { levelOf, parentOf } from '../derive/specs.ts';
import { deriveReports, type ReportFigures } from '../derive/evaluation.ts';

/** One 支出功能分类科目 the department used, for 名词解释 (十). */
export interface UsedCode {
  readonly code: string;
  /** names of 类, 款, 项 */
  readonly names: readonly string[];
  readonly description: string;
}

export interface NarrativeContext {
  readonly year: number;
  readonly prevYear: number;
  readonly department: string;
  readonly fullName: string;
  /** 区级 / 县级 / 市级 / 省级 */
  readonly level: string;
  readonly publishDate: string;
  readonly data: DepartmentYear;
  readonly f: Figures;
  readonly labels: Profile['labels'];
  readonly usedCodes: readonly UsedCode[];
  readonly projects: readonly ProjectSummary[];
  /** units other than the department itself (本级) */
  readonly subordinateCount: number;
  /** figures of the optional appendix documents (score table, fund overview), when the data has them */
  readonly reports: ReportFigures;
}

/** A project as section 十三 summarises it. */
export interface ProjectSummary {
  readonly name: string;
  readonly budget: unknown;
  readonly amount: unknown;
  readonly execution: Figures['generalBudget']['projects'][number]['execution'];
  /** 主要产出和效益: results, else outcome */
  readonly results: string | undefined;
}

/** Every 项 code with an amount in 公开02/03/05 tables, in code order. */
function usedCodes(tables: Tables): UsedCode[] {
  const codes = new Set<string>();
  for (const t of [tables.t02, tables.t03, tables.t05, tables.t07, tables.t08]) {
    for (const r of t.rows) if (levelOf(r.code) === 'item' && Object.values(r.values).some((v) => !v.isZero())) codes.add(r.code);
  }
  const nameOf = (c: string) => tables.t03.rows.find((r) => r.code === c)?.name ?? tables.t02.rows.find((r) => r.code === c)?.name ?? functionCodes().get(c)?.name ?? c;
  return [...codes].sort().map((code) => {
    const chain: string[] = [];
    for (let c: string | undefined = code; c; c = parentOf(c)) chain.unshift(c);
    return { code, names: chain.map(nameOf), description: functionCodes().get(code)?.description ?? '' };
  });
}

export function narrativeContext(data: DepartmentYear, tables: Tables, figures: Figures, profile: Profile): NarrativeContext {
  const year = data.meta.year;
  return {
    year,
    prevYear: year - 1,
    department: data.meta.department,
    fullName: data.meta.fullName,
    level: data.meta.level,
    publishDate: data.meta.publishDate,
    data,
    f: figures,
    labels: profile.labels,
    usedCodes: usedCodes(tables),
    subordinateCount: data.overview.units.filter((u) => !u.own).length,
    reports: deriveReports(data, profile),
    projects: data.narrative.projects.items.map((p, i) => ({
      name: p.name,
      budget: p.budget,
      amount: p.amount,
      execution: figures.generalBudget.projects[i]?.execution,
      results: p.results ?? p.outcome,
    })),
  };
}
