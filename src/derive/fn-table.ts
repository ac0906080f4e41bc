// Resolving one function-classification table (公开02/03/05/07/08) into render-ready rows:
// 类 → 款 → 项 order, subtotal rows present (printed or derived), row formulas filled,
// the 合计 row. Numbers only; what is printed vs derived is kept for the checker.
import { Dec, ZERO, sum } from '../money/decimal.ts';
import { FN_TABLES, levelOf, parentOf, type CodeLevel, type FnTableKey, type Formula } from './specs.ts';
import { functionCodes } from '../dictionary/dictionary.ts';

export type Values = Readonly<Record<string, Dec>>;

export interface FnRow {
  readonly code: string;
  readonly name: string;
  readonly level: CodeLevel;
  /** every column, resolved (given, or derived by formula / subtotal) */
  readonly values: Values;
  /** columns present in the data */
  readonly given: ReadonlySet<string>;
  /** index of the row in the data file, absent for derived subtotal rows */
  readonly dataIndex?: number;
}

export interface FnTable {
  readonly key: FnTableKey;
  readonly columns: readonly string[];
  readonly rows: readonly FnRow[];
  readonly total: { readonly values: Values; readonly given: ReadonlySet<string>; readonly printed: boolean };
  /** the data lists subtotal (类/款) rows, so every 项 must have its parents */
  readonly listsSubtotals: boolean;
  /** true when every value is zero (the "本部门无…" case) */
  readonly empty: boolean;
}

export interface FnTableData {
  readonly total?: Readonly<Record<string, Dec | undefined>>;
  readonly rows: readonly (Readonly<Record<string, unknown>> & { readonly code: string; readonly name: string })[];
}

/** Apply the row formulas to fill columns that the data leaves out. */
export function fillRow(columns: readonly string[], formulas: readonly Formula[], raw: Readonly<Record<string, unknown>>): { values: Record<string, Dec>; given: Set<string> } {
  const values: Record<string, Dec> = {};
  const given = new Set<string>();
  for (const c of columns) {
    const v = raw[c];
    if (v instanceof Dec) {
      values[c] = v;
      given.add(c);
    }
  }
  for (const f of formulas) {
    if (given.has(f.target)) continue;
    values[f.target] = evalFormula(f, values);
  }
  for (const c of columns) values[c] ??= ZERO;
  return { values, given };
}

export function evalFormula(f: Formula, values: Readonly<Record<string, Dec | undefined>>): Dec {
  return sum(f.plus.map((k) => values[k])).minus(sum((f.minus ?? []).map((k) => values[k])));
}

export function resolveFnTable(key: FnTableKey, data: FnTableData): FnTable {
  const spec = FN_TABLES[key];
  const columns = spec.columns.map((c) => c.key);
  const byCode = new Map<string, FnRow>();
  data.rows.forEach((raw, i) => {
    if (byCode.has(raw.code)) return; // duplicates are reported by the checker; first one wins
    const { values, given } = fillRow(columns, spec.formulas, raw);
    byCode.set(raw.code, { code: raw.code, name: raw.name, level: levelOf(raw.code), values, given, dataIndex: i });
  });
  const listsSubtotals = [...byCode.values()].some((r) => r.level !== 'item');

  // derive missing parents bottom-up (款 from 项, then 类 from 款)
  for (const level of ['item', 'section'] as const) {
    const children = [...byCode.values()].filter((r) => r.level === level);
    const missing = new Map<string, FnRow[]>();
    for (const r of children) {
      const p = parentOf(r.code)!;
      if (!byCode.has(p)) missing.set(p, [...(missing.get(p) ?? []), r]);
    }
    for (const [p, kids] of missing) {
      const values: Record<string, Dec> = {};
      for (const c of columns) values[c] = sum(kids.map((k) => k.values[c]));
      byCode.set(p, { code: p, name: functionCodes().get(p)?.name ?? p, level: levelOf(p), values, given: new Set() });
    }
  }
  const rows = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  const classes = rows.filter((r) => r.level === 'class');
  const totalRaw = data.total ?? {};
  const totalGiven = new Set(columns.filter((c) => totalRaw[c] instanceof Dec));
  const totalValues: Record<string, Dec> = {};
  for (const c of columns) totalValues[c] = (totalRaw[c] as Dec | undefined) ?? sum(classes.map((r) => r.values[c]));
  const empty = rows.every((r) => columns.every((c) => r.values[c]!.isZero())) && columns.every((c) => totalValues[c]!.isZero());
  return { key, columns, rows, total: { values: totalValues, given: totalGiven, printed: data.total !== undefined }, listsSubtotals, empty };
}

/** Direct children of a row among the resolved rows. */
export function childrenOf(table: FnTable, code: string): FnRow[] {
  return table.rows.filter((r) => parentOf(r.code) === code);
}
