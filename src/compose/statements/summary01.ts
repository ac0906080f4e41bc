// 公开01表 收入支出决算总表: the two-sided layout with one amount column per side.
import type { Tables, T01 } from '../../derive/tables.ts';
import type { Dec } from '../../money/decimal.ts';
import type { T01Entry } from '../../profile/statements.ts';
import { valueAt, type LayoutContext, type LayoutResult } from './common.ts';
import { twoSidedBody } from './two-sided.ts';

export function summary01(e: T01Entry, tables: Tables, ctx: LayoutContext): LayoutResult {
  const t: T01 = tables.t01;
  const body = twoSidedBody(
    e,
    {
      left: (k) => valueAt<Dec>(t, k),
      right: (k) => [valueAt<Dec>(t, k)],
      classes: t.expenditure.map((l) => ({ no: l.no, name: l.name, amounts: [l.amount] })),
      rightWidth: 1,
    },
    ctx,
  );
  return { body, empty: false };
}
