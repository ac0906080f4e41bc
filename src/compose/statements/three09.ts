// 公开09表 财政拨款"三公"经费支出决算表: one data row (预算数 | 决算数, six columns each).
import type { Tables } from '../../derive/tables.ts';
import type { Dec } from '../../money/decimal.ts';
import { cell } from '../../model/document.ts';
import type { T09Entry } from '../../profile/statements.ts';
import { row, valueAt, type LayoutContext, type LayoutResult } from './common.ts';

export function three09(e: T09Entry, tables: Tables, ctx: LayoutContext): LayoutResult {
  const values = e.values.map((k) => valueAt<Dec>(tables.t09, k));
  return { body: [row(values.map((v) => cell(ctx.formatCell(v))))], empty: values.every((v) => v.isZero()) };
}
