// The two bundled examples: which findings fire (their published mistakes, recorded), that every
// table figure is guarded by some relation, and the figures the explanation sections will cite.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocument, visit, isScalar, isPair, type Node } from 'yaml';
import { analyse } from '../src/pipeline/analyse.ts';
import { roundHalfUp, Dec } from '../src/money/decimal.ts';

const EX2024 = 'data/dongxihu-2024.yaml';
const EX2020 = 'data/dongxihu-2020.yaml';

const findings = (file: string) =>
  analyse(file)
    .diagnostics.map((d) => `${d.severity} ${d.rule} ${d.path}`)
    .sort();

describe('example findings', () => {
  it('2024 (reference 001): passes, with its published inconsistencies reported', () => {
    const a = analyse(EX2024);
    expect(a.ok).toBe(true);
    expect(findings(EX2024)).toEqual(
      [
        // 公开03/05表 合计: 211.93 + 722.02 = 933.95 printed as 933.96; 类 basics add to 211.94
        'note fn-row-formula tables.t03.total.total',
        'note fn-total-sum tables.t03.total.basic',
        'note fn-row-formula tables.t05.total.total',
        'note fn-total-sum tables.t05.total.basic',
        // 公开06表 301 = 67.62 while its items add to 67.63
        'note t06-group-sum tables.t06.rows[0].amount',
        // 年初预算 686.23 while the 10 项 add to 686.22
        'note budget-items-sum narrative.budget.generalBudgetExpenditure',
        // 整体自评表 基本支出总额 211.94 vs 211.93
        'note appendix-basic-total appendix.department.basicTotal',
        // 20 × 933.96 / 947.53 = 19.71, printed 19.72 (and 总分 99.72)
        'warning score-execution appendix.department.executionScore',
        'warning score-total appendix.department.totalScore',
        // 购买服务人员工作经费: 20 × 86.43% = 17.29, printed 17.2 (总分 97.2)
        'warning score-execution appendix.projects[5].executionScore',
        'warning score-total appendix.projects[5].totalScore',
      ].sort(),
    );
  });

  it('2020 (reference 000): passes, with its published inconsistencies reported', () => {
    const a = analyse(EX2020);
    expect(a.ok).toBe(true);
    const f = findings(EX2020);
    // 表1 208 = 31.95 while 表2/3/5 print 31.96
    expect(f).toContain('note x-t01-t03-class tables.t01.expenditure["208"]');
    expect(f).toContain('note x-t05-t04-class tables.t05.rows[4].total');
    // 合计 rows 664.91 while the 类 rows add to 664.92
    expect(f).toContain('note fn-total-sum tables.t02.total.total');
    expect(f).toContain('note fn-total-sum tables.t03.total.basic');
    expect(f).toContain('note t06-group-sum tables.t06.rows[0].amount');
    // every project sheet prints 总分 80 while 20 + 80 = 100; 单位人员医疗 prints 19.50 for 20 × 7/12
    expect(f.filter((x) => x.startsWith('warning score-total appendix.projects'))).toHaveLength(6);
    expect(f).toContain('warning score-execution appendix.projects[3].executionScore');
    expect(f).toContain('warning score-execution appendix.department.executionScore');
    expect(f.filter((x) => x.startsWith('error'))).toEqual([]);
  });
});

/** Every numeric table figure of a file: [start, end) offsets of its source text. */
function tableFigures(text: string): { start: number; end: number; value: string }[] {
  const doc = parseDocument(text);
  const out: { start: number; end: number; value: string }[] = [];
  visit(doc.get('tables', true) as Node, {
    Pair(_k, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value === 'code' || !isScalar(pair.value) || !pair.value.range) return;
      const src = text.slice(pair.value.range[0], pair.value.range[1]);
      if (/^-?[\d,]+\.\d+$/.test(src)) out.push({ start: pair.value.range[0], end: pair.value.range[1], value: src });
    },
  });
  return out;
}

describe('every table figure is guarded', () => {
  const text = readFileSync(EX2024, 'utf8');
  const figures = tableFigures(text);
  it('finds the figures of the 2024 tables', () => {
    expect(figures.length).toBeGreaterThan(150);
  });
  it('changing any one table figure by 0.10 makes the check fail with a relation rule', () => {
    const survivors: string[] = [];
    for (const f of figures) {
      const bumped = new Dec(f.value.replace(/,/g, '')).plus('0.10').toFixed(2);
      const changed = text.slice(0, f.start) + bumped + text.slice(f.end);
      const a = analyse(EX2024, { text: changed });
      const errors = a.diagnostics.filter((d) => d.severity === 'error');
      const line = text.slice(0, f.start).split('\n').length;
      if (a.ok || errors.length === 0 || errors.some((e) => e.rule.startsWith('schema') || e.rule.startsWith('yaml'))) survivors.push(`line ${line}: ${f.value}`);
    }
    expect(survivors).toEqual([]);
  });
});

describe('units', () => {
  it('the same data written in 元 gives exactly the same tables and figures', () => {
    const text = readFileSync(EX2024, 'utf8');
    const doc = parseDocument(text);
    const scoreKeys = new Set(['score', 'executionScore', 'totalScore']);
    const amounts: { start: number; end: number; value: string }[] = [];
    visit(doc, {
      Pair(_k, pair) {
        if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value) || !pair.value.range) return;
        if (pair.key.value === 'code' || scoreKeys.has(String(pair.key.value))) return;
        const src = text.slice(pair.value.range[0], pair.value.range[1]);
        if (/^[\d,]+\.\d\d$/.test(src)) amounts.push({ start: pair.value.range[0], end: pair.value.range[1], value: src });
      },
    });
    expect(amounts.length).toBeGreaterThan(200);
    let yuan = text;
    for (const f of amounts.sort((a, b) => b.start - a.start))
      yuan = yuan.slice(0, f.start) + new Dec(f.value.replace(/,/g, '')).times(10000).toFixed(2) + yuan.slice(f.end);
    yuan = yuan.replace(/^(  unit: )万元$/m, '$1元');
    if (!/^  unit: 元$/m.test(yuan)) yuan = yuan.replace(/^meta:\n/m, 'meta:\n  unit: 元\n');
    const a = analyse(EX2024);
    const b = analyse('yuan.yaml', { text: yuan });
    expect(b.data?.meta.unit).toBe('元');
    const dump = (x: unknown) => JSON.stringify(x, (_k, v) => (v instanceof Dec ? v.toFixed() : v instanceof Set ? [...v] : v instanceof Map ? [...v.entries()] : v));
    expect(dump(b.tables)).toBe(dump(a.tables));
    expect(dump(b.figures)).toBe(dump(a.figures));
    // published 万元 figures are rounded: written in 元 they no longer add up to the 分, which the
    // checker (whose rounding allowance is 0.01 元 per summand for 元 files) reports as errors
    expect(b.diagnostics.some((d) => d.rule === 'fn-row-formula' && d.severity === 'error')).toBe(true);
  });
});

describe('derived figures of the 2024 example (reference 001, 第三部分)', () => {
  const f = analyse(EX2024).figures!;
  const pct = (x: Dec | undefined, places = 1) => (x === undefined ? undefined : roundHalfUp(x, places).toFixed(places));

  it('收支总计 and its change', () => {
    expect(f.grandTotal.amount.toFixed(2)).toBe('933.96');
    expect(f.grandTotal.change!.delta.toFixed(2)).toBe('-287.27');
    expect(pct(f.grandTotal.change!.percent)).toBe('-23.5');
    expect(f.grandTotal.change!.reason).toBe('缩减开支');
  });
  it('income and expenditure structure', () => {
    expect(f.income.parts.map((p) => [p.key, p.amount.toFixed(2), pct(p.percent)])).toEqual([
      ['fiscal', '933.96', '100.0'],
      ['superior', '0.00', '0.0'],
      ['business', '0.00', '0.0'],
      ['operating', '0.00', '0.0'],
      ['affiliated', '0.00', '0.0'],
      ['other', '0.00', '0.0'],
    ]);
    const exp = Object.fromEntries(f.expenditure.parts.map((p) => [p.key, pct(p.percent)]));
    expect(exp['basic']).toBe('22.7');
    expect(exp['project']).toBe('77.3');
  });
  it('general budget by 类 and execution', () => {
    expect(f.generalBudget.classes.map((c) => [c.key, c.amount.toFixed(2), pct(c.percent)])).toEqual([
      ['201', '820.62', '87.9'],
      ['208', '95.98', '10.3'],
      ['210', '12.95', '1.4'],
      ['221', '4.41', '0.5'],
    ]);
    expect(pct(f.generalBudget.shareOfExpenditure)).toBe('100.0');
    expect(pct(f.generalBudget.execution!.percent)).toBe('136.1');
    expect(f.generalBudget.lines.map((l) => [l.code, pct(l.percent), l.direction])).toEqual([
      ['2012901', '90.8', 'under'],
      ['2012902', '146.3', 'over'],
      ['2080501', '162.6', 'over'],
      ['2080505', '90.4', 'under'],
      ['2080506', '83.2', 'under'],
      ['2080599', '45.7', 'under'],
      ['2101101', '81.4', 'under'],
      ['2101103', '73.2', 'under'],
      ['2210201', '84.6', 'under'],
      ['2210202', '100.0', 'equal'],
    ]);
    expect(f.generalBudget.lines[0]!.names).toEqual(['一般公共服务支出', '群众团体事务', '行政运行']);
  });
  it('basic expenditure items of 公开06表', () => {
    expect(f.basic.personnel.toFixed(2)).toBe('159.02');
    expect(f.basic.public.toFixed(2)).toBe('52.91');
    expect(f.basic.personnelItems).toEqual([
      '基本工资', '津贴补贴', '奖金', '机关事业单位基本养老保险缴费', '职业年金缴费', '职工基本医疗保险缴费', '公务员医疗补助缴费', '其他社会保障缴费', '住房公积金', '其他工资福利支出', '退休费',
    ]);
    expect(f.basic.publicItems).toEqual(['办公费', '邮电费', '差旅费', '培训费', '工会经费', '福利费', '其他交通费用', '其他商品和服务支出']);
  });
  it('机关运行经费 vs 年初预算, funds, 三公', () => {
    expect(f.operatingCost!.vsBudget!.delta.toFixed(2)).toBe('-8.04');
    expect(pct(f.operatingCost!.vsBudget!.percent)).toBe('-13.2');
    expect(f.govFundEmpty).toBe(true);
    expect(f.stateCapitalEmpty).toBe(true);
    expect(f.threePublic.total.percent).toBeUndefined();
  });
});
