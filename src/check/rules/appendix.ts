// 绩效自评表: totals against the tables, supplied scores against their formula and the
// profile's weight scheme.
import { Dec } from '../../money/decimal.ts';
import { executionScore, groupScores, projectTotal, departmentTotal, type Indicator } from '../../derive/scores.ts';
import type { CheckContext } from '../context.ts';

export function checkAppendix(ctx: CheckContext): void {
  const a = ctx.data.appendix;
  if (!a) return;
  const scheme = ctx.profile.appendix;
  const places = scheme.scorePlaces;
  const t03 = ctx.tables.t03.total.values;

  const checkIndicators = (path: readonly (string | number)[], indicators: readonly Indicator[]) => {
    indicators.forEach((ind, i) => {
      if (scheme.weights[ind.level1] === undefined)
        ctx.report('score-level1-unknown', [...path, i, 'level1'], `一级指标“${ind.level1}”不在格式模板“${ctx.profile.name}”的权重方案（${Object.keys(scheme.weights).join('、')}）中`);
    });
    for (const [level1, total] of groupScores(indicators)) {
      const w = scheme.weights[level1];
      if (w !== undefined && total.gt(w)) {
        const first = indicators.findIndex((x) => x.level1 === level1);
        ctx.report('score-group-weight', [...path, first, 'score'], `一级指标“${level1}”各项得分之和 ${total.toFixed()} 超过其权重 ${w}`);
      }
    }
  };
  const checkExecution = (path: readonly (string | number)[], budget: Dec, actual: Dec, supplied: Dec | undefined): Dec => {
    const computed = executionScore(scheme.executionWeight, budget, actual, places);
    if (supplied && !supplied.eq(computed))
      ctx.report('score-execution', [...path, 'executionScore'], `预算执行得分填写为 ${supplied.toFixed()}，按公式 ${scheme.executionWeight} × 执行率（${actual.toFixed(2)} / ${budget.toFixed(2)}）应为 ${computed.toFixed(places)}`);
    return computed;
  };

  const d = a.department;
  if (d) {
    const p = ['appendix', 'department'];
    ctx.compare('appendix-basic-total', [...p, 'basicTotal'], '整体自评表 基本支出总额', d.basicTotal, [t03['basic']!], '公开03表 基本支出合计');
    ctx.compare('appendix-project-total', [...p, 'projectTotal'], '整体自评表 项目支出总额', d.projectTotal, [t03['project']!], '公开03表 项目支出合计');
    ctx.compare('appendix-actual-total', [...p, 'actual'], '整体自评表 执行数', d.actual, [ctx.tables.t01.expenditureTotal], '本年支出合计');
    const exec = checkExecution(p, d.budget, d.actual, d.executionScore);
    d.goals.forEach((g, i) => checkIndicators([...p, 'goals', i, 'indicators'], g.indicators));
    const total = departmentTotal(exec, d.goals.map((g) => g.indicators), places);
    if (d.totalScore && !d.totalScore.eq(total))
      ctx.report('score-total', [...p, 'totalScore'], `总分填写为 ${d.totalScore.toFixed()}，按预算执行得分 + 各目标平均得分应为 ${total.toFixed(places)}`);
  }
  a.projects.forEach((proj, i) => {
    const p = ['appendix', 'projects', i];
    const exec = checkExecution(p, proj.budget, proj.actual, proj.executionScore);
    checkIndicators([...p, 'indicators'], proj.indicators);
    const total = projectTotal(exec, proj.indicators, places);
    if (proj.totalScore && !proj.totalScore.eq(total))
      ctx.report('score-total', [...p, 'totalScore'], `项目“${proj.name}”总分填写为 ${proj.totalScore.toFixed()}，按预算执行得分 + 各指标得分应为 ${total.toFixed(places)}`);
  });
}
