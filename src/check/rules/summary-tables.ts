// 公开01表 收入支出决算总表 and 公开04表 财政拨款收入支出决算总表: line sums, totals, balance.
import { Dec, sum } from '../../money/decimal.ts';
import { FUND_KEYS, T01_INCOME_KEYS } from '../../derive/tables.ts';
import type { CheckContext } from '../context.ts';

const FUND_LABEL = { general: '一般公共预算财政拨款', govFund: '政府性基金预算财政拨款', stateCapital: '国有资本经营预算财政拨款', total: '小计' } as const;

export function checkT01(ctx: CheckContext): void {
  const raw = ctx.data.tables.t01;
  const t = ctx.tables.t01;
  const p = ['tables', 't01'];
  const lineCodes = new Set(ctx.profile.classLines.map((l) => l.code));
  for (const code of Object.keys(raw.expenditure)) {
    if (!lineCodes.has(code))
      ctx.report('t01-class-not-in-profile', [...p, 'expenditure', code], `类级科目 ${code} 不是格式模板“${ctx.profile.name}”收支总表中的行`, undefined, true);
  }
  if (raw.incomeTotal)
    ctx.compare('t01-income-sum', [...p, 'incomeTotal'], '本年收入合计（行27）', raw.incomeTotal, T01_INCOME_KEYS.map((k) => t.income[k]), '行1 + … + 行8');
  if (raw.incomeGrandTotal)
    ctx.compare('t01-income-grand-total', [...p, 'incomeGrandTotal'], '收入总计（行30）', raw.incomeGrandTotal, [t.incomeTotal, t.useNonFiscalBalance, t.openingBalance], '行27 + 行28 + 行29');
  if (raw.expenditureTotal)
    ctx.compare('t01-expenditure-sum', [...p, 'expenditureTotal'], '本年支出合计（行57）', raw.expenditureTotal, Object.values(raw.expenditure), '各类支出之和');
  if (raw.expenditureGrandTotal)
    ctx.compare('t01-expenditure-grand-total', [...p, 'expenditureGrandTotal'], '支出总计（行60）', raw.expenditureGrandTotal, [t.expenditureTotal, t.balanceDistribution, t.closingBalance], '行57 + 行58 + 行59');
  ctx.compare('t01-balance', raw.expenditureGrandTotal ? [...p, 'expenditureGrandTotal'] : p, '支出总计（行60）', t.expenditureGrandTotal, [t.incomeGrandTotal], '收入总计（行30）');
}

export function checkT04(ctx: CheckContext): void {
  const raw = ctx.data.tables.t04;
  const t = ctx.tables.t04;
  const p = ['tables', 't04'];
  const lineCodes = new Set(ctx.profile.classLines.map((l) => l.code));
  const splitRows: [readonly (string | number)[], string, typeof raw.opening | undefined][] = [
    [[...p, 'opening'], '年初财政拨款结转和结余', raw.opening],
    [[...p, 'closing'], '年末财政拨款结转和结余', raw.closing],
    [[...p, 'expenditureTotal'], '本年支出合计', raw.expenditureTotal],
    [[...p, 'expenditureGrandTotal'], '支出总计', raw.expenditureGrandTotal],
    ...Object.entries(raw.expenditure).map(([code, v]) => [[...p, 'expenditure', code], `类级科目 ${code}`, v] as [readonly (string | number)[], string, typeof v]),
  ];
  for (const code of Object.keys(raw.expenditure))
    if (!lineCodes.has(code))
      ctx.report('t01-class-not-in-profile', [...p, 'expenditure', code], `类级科目 ${code} 不是格式模板“${ctx.profile.name}”财政拨款收支总表中的行`, undefined, true);
  for (const [path, label, v] of splitRows) {
    if (v?.total) ctx.compare('t04-fund-sum', [...path, 'total'], `${label}：小计`, v.total, FUND_KEYS.map((k) => v[k] ?? new Dec(0)), '三类财政拨款之和');
  }
  if (raw.incomeTotal) ctx.compare('t04-income-sum', [...p, 'incomeTotal'], '本年收入合计（行27）', raw.incomeTotal, FUND_KEYS.map((k) => t.income[k]), '行1 + 行2 + 行3');
  const classes = Object.values(raw.expenditure);
  if (raw.expenditureTotal)
    for (const k of [...FUND_KEYS, 'total'] as const) {
      const v = raw.expenditureTotal[k];
      if (v) ctx.compare('t04-expenditure-sum', [...p, 'expenditureTotal', k], `本年支出合计（行59）${FUND_LABEL[k]}`, v, classes.map((c) => (k === 'total' ? sum([c.general, c.govFund, c.stateCapital]) : c[k] ?? new Dec(0))), '各类支出之和');
    }
  if (raw.incomeGrandTotal) ctx.compare('t04-grand-total', [...p, 'incomeGrandTotal'], '收入总计（行32）', raw.incomeGrandTotal, [t.incomeTotal, t.opening.total], '行27 + 行28');
  if (raw.expenditureGrandTotal)
    for (const k of [...FUND_KEYS, 'total'] as const) {
      const v = raw.expenditureGrandTotal[k];
      if (v) ctx.compare('t04-grand-total', [...p, 'expenditureGrandTotal', k], `支出总计（行64）${FUND_LABEL[k]}`, v, [t.expenditureTotal[k], t.closing[k]], '本年支出合计 + 年末结转和结余');
    }
  ctx.compare('t04-balance', raw.expenditureGrandTotal ? [...p, 'expenditureGrandTotal', 'total'] : p, '支出总计（行64）', t.expenditureGrandTotal.total, [t.incomeGrandTotal], '收入总计（行32）');
  // by fund: income + opening = expenditure + closing
  const incomeByFund = { general: t.income.general, govFund: t.income.govFund, stateCapital: t.income.stateCapital };
  for (const k of FUND_KEYS) {
    ctx.compare('t04-balance', raw.expenditureTotal ? [...p, 'expenditureTotal', k] : p, `${FUND_LABEL[k]}：本年支出 + 年末结转和结余`, t.expenditureTotal[k].plus(t.closing[k]), [incomeByFund[k], t.opening[k]], '本年收入 + 年初结转和结余');
  }
}
