// check stage: every 勾稽 rule over validated data. Errors stop `build`; warnings and notes
// are printed and do not.
import type { DepartmentYear } from '../input/schema.ts';
import type { SourceFile } from '../input/source.ts';
import type { Profile } from '../profile/schema.ts';
import type { Tables } from '../derive/tables.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { CheckContext } from './context.ts';
import { checkFnTables } from './rules/fn-tables.ts';
import { checkT01, checkT04 } from './rules/summary-tables.ts';
import { checkT06, checkT09 } from './rules/econ-three.ts';
import { checkCrossTables } from './rules/cross.ts';
import { checkNarrative } from './rules/narrative.ts';
import { checkAppendix } from './rules/appendix.ts';
import { checkReports } from './rules/reports.ts';

const RULE_SETS = [checkT01, checkFnTables, checkT04, checkT06, checkT09, checkCrossTables, checkNarrative, checkAppendix, checkReports] as const;

export function runChecks(source: SourceFile, data: DepartmentYear, profile: Profile, tables: Tables): Diagnostic[] {
  const ctx = new CheckContext(source, data, profile, tables);
  for (const rules of RULE_SETS) rules(ctx);
  return ctx.diagnostics;
}
