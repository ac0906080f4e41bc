// 公开04表 财政拨款收入支出决算总表: the two-sided layout; the expenditure side prints the fund split
// (小计 | 一般公共预算 | 政府性基金 | 国有资本经营, in the spec's `split` order).
import type { Tables, FundSplit, T04 } from '../../derive/tables.ts';
import type { Dec } from '../../money/decimal.ts';
import type { T04Entry } from '../../profile/statements.ts';
import { valueAt, type LayoutContext, type LayoutResult } from './common.ts';
import { twoSidedBody } from './two-sided.ts';

export function fiscal04(e: T04Entry, tables: Tables, ctx: LayoutContext): LayoutResult {
  const t: T04 = tables.t04;
  const split = (s: FundSplit): Dec[] => e.split.map((k) => s[k]);
  const body = twoSidedBody(
    e,
    {
      left: (k) => valueAt<Dec>(t, k),
      right: (k) => split(valueAt<FundSplit>(t, k)),
      classes: t.expenditure.map((l) => ({ no: l.no, name: l.name, amounts: split(l.amounts) })),
      rightWidth: e.split.length,
    },
    ctx,
  );
  return { body, empty: false };
}
