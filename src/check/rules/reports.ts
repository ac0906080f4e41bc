// The optional appendix documents (reports): the self-evaluation report's score table and
// spending figures, and the declaration form's fund overview. Figures come from
// src/derive/evaluation.ts; every finding points at the line of the figure concerned.
import { Dec, HUNDRED, roundHalfUp, sum, wanToYuan, formatFixed } from '../../money/decimal.ts';
import { bandProblem, declarationFigures, fundFigures, scoreTable, type SelfEvaluation, type TargetDeclaration } from '../../derive/evaluation.ts';
import { CATALOGUE, type RuleId } from '../catalogue.ts';
import { fmt, type CheckContext } from '../context.ts';
import type { DataPath } from '../../diagnostics/diagnostic.ts';

const num = (x: Dec) => x.toFixed();

/** 0.01 元 in 万元: the rounding step of amounts written in 元. */
const YUAN_STEP = new Dec('0.000001');

/**
 * Like CheckContext.compare, for the report's amounts, which may be written in 元 ("4,785,799.96元")
 * inside a 万元 file: when any figure compared carries more than two decimals in 万元 it was
 * written in 元, so the rounding allowance is 0.01 元 per summand (not 0.01 万元 = 100 元) and
 * the message shows 元.
 */
function compareAmounts(ctx: CheckContext, rule: RuleId, path: DataPath, what: string, printed: Dec, parts: readonly Dec[], formula: string): void {
  const expected = sum(parts);
  const diff = printed.minus(expected);
  if (diff.isZero()) return;
  const inYuan = [printed, ...parts].some((x) => x.decimalPlaces() > 2);
  const step = inYuan ? YUAN_STEP : ctx.step;
  const within = diff.abs().lte(step.times(Math.max(parts.length, 1)));
  const show = (x: Dec, signed = false) => (inYuan ? `${signed && x.isPositive() ? '+' : ''}${formatFixed(wanToYuan(x), 2, true)} 元` : fmt(x, signed));
  const msg = `${what} ${show(printed)} ≠ ${formula} = ${show(expected)}（差 ${show(diff, true)}${within ? '，在四舍五入误差以内' : ''}）`;
  ctx.report(rule, path, msg, within ? 'note' : CATALOGUE[rule].severity);
}

export function checkReports(ctx: CheckContext): void {
  const { selfEvaluation, targetDeclaration } = ctx.data.reports;
  if (selfEvaluation) checkSelfEvaluation(ctx, selfEvaluation);
  if (targetDeclaration) checkDeclaration(ctx, targetDeclaration);
}

function checkSelfEvaluation(ctx: CheckContext, r: SelfEvaluation): void {
  const base = ['reports', 'selfEvaluation'];
  const scores = [...base, 'scores'];
  const table = scoreTable(r, ctx.profile);

  // 得分 ≤ 权重 on every row
  r.scores.rows.forEach((row, i) => {
    if (row.score.gt(row.weight))
      ctx.report('report-score-weight', [...scores, 'rows', i, 'score'], `评分表“${row.name}”得分 ${num(row.score)} 超过其权重 ${num(row.weight)}`);
  });

  // Σ权重 = 100
  if (!table.total.weight.eq(HUNDRED))
    ctx.report('report-weight-sum', [...scores, 'rows'], `评分表各行权重之和为 ${num(table.total.weight)}（${r.scores.rows.map((x) => `${x.name} ${num(x.weight)}`).join(' + ')}），应为 100`);

  // stated 综合得分 = Σ得分
  if (r.scores.total !== undefined && !r.scores.total.eq(table.total.score))
    ctx.report('report-score-total', [...scores, 'total'], `综合得分填写为 ${num(r.scores.total)}，各行得分之和 ${r.scores.rows.map((x) => num(x.score)).join(' + ')} = ${num(table.total.score)}`);

  // grade bands: present and well-formed
  const own = r.scores.grades !== undefined;
  if (!table.bands) {
    ctx.report('report-grades', scores, `格式模板“${ctx.profile.name}”没有 reports.grades，数据中也没有 scores.grades：无法确定等级`);
  } else {
    const problem = bandProblem(table.bands);
    if (problem) ctx.report('report-grades', own ? [...scores, 'grades'] : scores, own ? problem : `格式模板“${ctx.profile.name}”的 reports.grades：${problem}`);
    else if (r.scores.grade !== undefined && table.total.grade !== undefined && r.scores.grade !== table.total.grade)
      ctx.report('report-grade', [...scores, 'grade'], `综合等级填写为“${r.scores.grade}”，按综合得分率 ${table.total.rate?.toDecimalPlaces(2).toFixed() ?? '—'}% 应为“${table.total.grade}”`);
  }

  // spending: 支出 = 基本 + 项目; 基本 = Σ构成; 项目 = Σ项目实际支出; against the tables
  const s = r.spending;
  const sp = [...base, 'spending'];
  compareAmounts(ctx, 'report-spending-sum', [...sp, 'total'], '自评报告 部门决算支出', s.total, [s.basic, s.project], '基本支出 + 项目支出');
  if (s.basicItems.length > 0)
    compareAmounts(ctx, 'report-spending-items', [...sp, 'basic'], '自评报告 基本支出', s.basic, s.basicItems.map((x) => x.amount), `所列各项（${s.basicItems.map((x) => x.name).join('、')}）之和`);
  if (s.projects.length > 0)
    compareAmounts(ctx, 'report-spending-items', [...sp, 'project'], '自评报告 项目支出', s.project, s.projects.map((x) => x.actual), `所列 ${s.projects.length} 个项目的实际支出之和`);
  // against the tables: an amount written in 元 that rounds to the printed 万元 figure agrees
  const t03 = ctx.tables.t03.total.values;
  const againstTable = (key: 'total' | 'basic' | 'project', what: string, table: Dec | undefined, formula: string) => {
    if (table === undefined || roundHalfUp(s[key], 2).eq(table)) return;
    compareAmounts(ctx, 'report-spending-tables', [...sp, key], `自评报告 ${what}`, s[key], [table], formula);
  };
  againstTable('total', '部门决算支出', ctx.tables.t01.expenditureTotal, '公开01表 本年支出合计');
  againstTable('basic', '基本支出', t03['basic'], '公开03表 基本支出合计');
  againstTable('project', '项目支出', t03['project'], '公开03表 项目支出合计');
}

function checkDeclaration(ctx: CheckContext, d: TargetDeclaration): void {
  const base = ['reports', 'targetDeclaration'];
  const figures = declarationFigures(d, ctx.data.meta.year);

  const columns: { path: (string | number)[]; label: string; input: TargetDeclaration['budget']; year: number }[] = [
    { path: [...base, 'budget'], label: `${figures.year}年 当年预算收支`, input: d.budget, year: figures.year },
    ...d.history.map((h, i) => ({ path: [...base, 'history', i], label: `${h.year}年 收支情况`, input: h, year: h.year })),
  ];
  for (const c of columns) {
    const f = fundFigures(c.year, c.input);
    if (c.input.incomeTotal !== undefined)
      compareAmounts(ctx, 'declaration-income-total', [...c.path, 'incomeTotal'], `申报表 ${c.label} 收入合计`, c.input.incomeTotal, [f.fiscal, f.other], '财政拨款 + 其他资金');
    if (c.input.expenditureTotal !== undefined)
      compareAmounts(ctx, 'declaration-expenditure-total', [...c.path, 'expenditureTotal'], `申报表 ${c.label} 支出合计`, c.input.expenditureTotal, [f.basic, f.project], '基本支出 + 项目支出');
    const balance = c.input.expenditureTotal !== undefined ? 'expenditureTotal' : 'basic';
    if (!f.incomeTotal.eq(f.expenditureTotal))
      ctx.report('declaration-balance', [...c.path, balance], `申报表 ${c.label}：收入合计 ${num(f.incomeTotal)} ≠ 支出合计 ${num(f.expenditureTotal)}（差 ${num(f.incomeTotal.minus(f.expenditureTotal))}）`);
  }

  const seen = new Set<number>();
  d.history.forEach((h, i) => {
    const path = [...base, 'history', i, 'year'];
    if (!figures.historyYears.includes(h.year))
      ctx.report('declaration-history-year', path, `近两年收支情况列了 ${h.year} 年；${figures.year} 年度申报表只列 ${figures.historyYears.join(' 年、')} 年`);
    else if (seen.has(h.year)) ctx.report('declaration-history-year', path, `${h.year} 年的收支情况列了两次`);
    seen.add(h.year);
  });
}
