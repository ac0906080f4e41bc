// What every rule receives, and the two ways it reports: a plain finding, or a comparison of a
// printed figure with the sum it must equal (downgraded to a note within rounding tolerance).
import { Dec, sum } from '../money/decimal.ts';
import type { DepartmentYear } from '../input/schema.ts';
import type { Profile } from '../profile/schema.ts';
import type { Tables } from '../derive/tables.ts';
import type { SourceFile } from '../input/source.ts';
import type { DataPath, Diagnostic, Severity } from '../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../input/load.ts';
import { CATALOGUE, type RuleId } from './catalogue.ts';

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  /** accumulated-rounding allowance per summand, in 万元: 0.01 万元, or 0.01 元 for 元 files */
  readonly step: Dec;

  constructor(
    readonly source: SourceFile,
    readonly data: DepartmentYear,
    readonly profile: Profile,
    readonly tables: Tables,
  ) {
    this.step = data.meta.unit === '元' ? new Dec('0.000001') : new Dec('0.01');
  }

  report(rule: RuleId, path: DataPath, message: string, severity: Severity = CATALOGUE[rule].severity, asKey = false): void {
    this.diagnostics.push(diagnosticAt(this.source, rule, path, message, asKey, severity));
  }

  /**
   * Compare a printed figure with the figures it must equal. A difference within accumulated
   * rounding (one step per summand) is a note; beyond that the rule's own severity applies.
   */
  compare(rule: RuleId, path: DataPath, what: string, printed: Dec, parts: readonly Dec[], formula: string): void {
    const expected = sum(parts);
    const diff = printed.minus(expected);
    if (diff.isZero()) return;
    const within = diff.abs().lte(this.step.times(Math.max(parts.length, 1)));
    const msg = `${what} ${fmt(printed)} ≠ ${formula} = ${fmt(expected)}（差 ${fmt(diff, true)}${within ? '，在四舍五入误差以内' : ''}）`;
    this.report(rule, path, msg, within ? 'note' : CATALOGUE[rule].severity);
  }
}

/** Amount for messages: 2 decimals, more only when the exact value needs them (元 input). */
export function fmt(x: Dec, signed = false): string {
  const s = x.decimalPlaces() <= 2 ? x.toFixed(2) : x.toFixed();
  return signed && x.isPositive() && !x.isZero() ? `+${s}` : s;
}
