// Narrative inputs against the tables: 年初预算 items, project list, 三公 counts, 政府采购.
import { sum, ZERO } from '../../money/decimal.ts';
import { checkFunctionCode } from './fn-tables.ts';
import type { CheckContext } from '../context.ts';

export function checkNarrative(ctx: CheckContext): void {
  const n = ctx.data.narrative;
  const p = ['narrative'];
  const t05 = ctx.tables.t05;

  // 年初预算
  const t05Codes = new Set(t05.rows.map((r) => r.code));
  n.budget.items.forEach((item, i) => {
    checkFunctionCode(ctx, [...p, 'budget', 'items', i], item.code, undefined);
    if (!t05Codes.has(item.code))
      ctx.report('budget-unknown-code', [...p, 'budget', 'items', i, 'code'], `年初预算科目 ${item.code} 未出现在一般公共预算财政拨款支出决算表（公开05表）中`);
  });
  if (n.budget.generalBudgetExpenditure && n.budget.items.length > 0) {
    ctx.compare('budget-items-sum', [...p, 'budget', 'generalBudgetExpenditure'], '年初预算总数', n.budget.generalBudgetExpenditure, n.budget.items.map((i) => i.amount), '分项年初预算之和');
  }

  // 项目清单
  if (n.projects.complete) {
    ctx.compare('projects-total', [...p, 'projects', 'items'], '项目清单决算数之和', sum(n.projects.items.map((i) => i.amount)), [t05.total.values['project'] ?? ZERO], '公开05表 项目支出合计');
  }
  n.projects.items.forEach((item, i) => {
    if (item.budget && item.amount.gt(item.budget))
      ctx.report('project-execution', [...p, 'projects', 'items', i, 'amount'], `项目“${item.name}”决算数 ${item.amount.toFixed(2)} 超过预算数 ${item.budget.toFixed(2)}`);
  });

  // 三公 接待 split
  const tp = n.threePublic;
  if (tp.foreignReception || tp.domesticReception) {
    ctx.compare('three-public-reception-split', [...p, 'threePublic', tp.foreignReception ? 'foreignReception' : 'domesticReception', 'amount'], '外宾接待 + 国内公务接待', sum([tp.foreignReception?.amount, tp.domesticReception?.amount]), [ctx.tables.t09.actual.reception], '公开09表 公务接待费决算数');
  }

  // 政府采购
  const pr = n.procurement;
  for (const k of ['goods', 'works', 'services'] as const) {
    const smeV = pr.sme[k] ?? ZERO;
    if (smeV.gt(pr[k] ?? ZERO))
      ctx.report('procurement-sme', [...p, 'procurement', 'sme', k], `授予中小企业的${{ goods: '货物', works: '工程', services: '服务' }[k]}合同金额 ${smeV.toFixed(2)} 超过该类采购支出 ${(pr[k] ?? ZERO).toFixed(2)}`);
  }
  const smeTotal = sum([pr.sme.goods, pr.sme.works, pr.sme.services]);
  if ((pr.smallMicro ?? ZERO).gt(smeTotal))
    ctx.report('procurement-sme', [...p, 'procurement', 'smallMicro'], `授予小微企业合同金额 ${(pr.smallMicro ?? ZERO).toFixed(2)} 超过授予中小企业合同金额 ${smeTotal.toFixed(2)}`);

  if (!n.previous) ctx.report('previous-missing', [...p], '没有上年数据（narrative.previous），说明部分将不写与上年的比较');
}
