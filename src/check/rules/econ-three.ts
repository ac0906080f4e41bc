// 公开06表 基本支出明细 (economic codes, 人员经费/公用经费) and 公开09表 “三公”经费.
import { economicCodes } from '../../dictionary/dictionary.ts';
import type { CheckContext } from '../context.ts';

export function checkT06(ctx: CheckContext): void {
  const raw = ctx.data.tables.t06;
  const t = ctx.tables.t06;
  const p = ['tables', 't06'];
  const seen = new Map<string, number>();
  raw.rows.forEach((r, i) => {
    const prev = seen.get(r.code);
    if (prev !== undefined) {
      ctx.report('code-duplicate', [...p, 'rows', i, 'code'], `基本支出明细表中科目 ${r.code} 重复出现（第一次在 rows[${prev}]）`);
      return;
    }
    seen.set(r.code, i);
    const entry = economicCodes().get(r.code);
    if (!entry) ctx.report('code-unknown', [...p, 'rows', i, 'code'], `经济分类科目 ${r.code} ${r.name} 不在内置科目表中`);
    else if (!economicCodes().nameMatches(entry, r.name))
      ctx.report('code-name-mismatch', [...p, 'rows', i, 'name'], `经济分类科目 ${r.code} 的名称应为“${entry.name}”，数据中为“${r.name}”`);
  });
  const known = new Set([...ctx.profile.personnelClasses, ...ctx.profile.publicClasses]);
  raw.rows.forEach((r, i) => {
    const cls = r.code.slice(0, 3);
    if (!known.has(cls) && seen.get(r.code) === i)
      ctx.report('t06-class-unknown', [...p, 'rows', i, 'code'], `经济分类科目 ${r.code} 所属的类 ${cls} 既不计入人员经费也不计入公用经费`);
  });
  // class rows printed vs their 款
  raw.rows.forEach((r, i) => {
    if (r.code.length !== 3 || seen.get(r.code) !== i) return;
    const kids = [...t.rows.values()].filter((k) => k.code.length === 5 && k.code.startsWith(r.code));
    if (kids.length > 0) ctx.compare('t06-group-sum', [...p, 'rows', i, 'amount'], `${r.code} ${r.name}`, r.amount, kids.map((k) => k.amount), '所属各款之和');
  });
  const classAmounts = (codes: readonly string[]) => codes.flatMap((c) => (t.rows.get(c) ? [t.rows.get(c)!.amount] : []));
  if (raw.personnelTotal)
    ctx.compare('t06-personnel-sum', [...p, 'personnelTotal'], '人员经费合计', raw.personnelTotal, classAmounts(ctx.profile.personnelClasses), ctx.profile.personnelClasses.join(' + '));
  if (raw.publicTotal)
    ctx.compare('t06-public-sum', [...p, 'publicTotal'], '公用经费合计', raw.publicTotal, classAmounts(ctx.profile.publicClasses), '公用经费各类之和');
}

export function checkT09(ctx: CheckContext): void {
  for (const side of ['budget', 'actual'] as const) {
    const raw = ctx.data.tables.t09[side];
    const t = ctx.tables.t09[side];
    const p = ['tables', 't09', side];
    const label = side === 'budget' ? '预算数' : '决算数';
    if (raw.vehicle.total)
      ctx.compare('t09-sum', [...p, 'vehicle', 'total'], `${label} 公务用车购置及运行维护费小计`, raw.vehicle.total, [t.vehicle.purchase, t.vehicle.operation], '购置费 + 运行维护费');
    if (raw.total) ctx.compare('t09-sum', [...p, 'total'], `${label} 合计`, raw.total, [t.abroad, t.vehicle.total, t.reception], '因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费');
  }
}
