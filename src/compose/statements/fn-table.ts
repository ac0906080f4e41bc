// The function-classification tables (公开02/03/05/07/08): the 合计 row first (its label spanning
// the code and name columns), then the 类 → 款 → 项 rows in derived order, each as
// code (spanning 类 | 款 | 项) | name | values. A table without data prints the 合计 row only.
import type { FnRow, FnTable } from '../../derive/fn-table.ts';
import type { Tables } from '../../derive/tables.ts';
import { cell, type Row } from '../../model/document.ts';
import type { FnEntry } from '../../profile/statements.ts';
import { row, spanCell, type LayoutContext, type LayoutResult } from './common.ts';

export function fnTable(e: FnEntry, tables: Tables, ctx: LayoutContext): LayoutResult {
  const t: FnTable = tables[e.table];
  const values = (v: FnRow['values']) => e.values.map((k) => cell(ctx.formatCell(v[k])));
  const total = row([spanCell(e.totalLabel, e.codeSpan + 1, { align: 'center' }), ...values(t.total.values)], 'total');
  if (t.empty) return { body: [total], empty: true };
  const lines: Row[] = t.rows.map((r) => row([spanCell(r.code, e.codeSpan, { align: 'left' }), cell(r.name), ...values(r.values)], r.level === 'class' ? 'subtotal' : undefined));
  return { body: [total, ...lines], empty: false };
}
