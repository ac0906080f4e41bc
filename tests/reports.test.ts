// Optional appendix documents (issue 5): the 整体支出绩效自评报告 (reference 002) and the 部门整体
// 支出绩效目标申报表 (reference 004), built in-process from data/xinzhou-2020.yaml. The score table's
// 得分率 and 等级, the declaration form's 合计 and 占比, and the 元 amounts are checked cell by
// cell; the checker's rules are checked on copies of the example with one figure changed; the 2024
// example (without reports) keeps its appendix.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { build } from '../src/pipeline/build.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { loadFormat } from '../src/profile/format.ts';
import { narrativeContext } from '../src/narrate/context.ts';
import { APPENDIX_TABLES, AppendixError } from '../src/compose/appendix/index.ts';
import { bandProblem, gradeOf, scoreTable, declarationFigures, type GradeBand } from '../src/derive/evaluation.ts';
import { formatYuan } from '../src/narrate/helpers.ts';
import { Dec } from '../src/money/decimal.ts';
import type { Block, Document, Table } from '../src/model/document.ts';
import { plainText } from '../src/model/document.ts';
import type { Diagnostic } from '../src/diagnostics/diagnostic.ts';
import { layout, after } from './helpers/layout.ts';

const XINZHOU = 'data/xinzhou-2020.yaml';
const EX2024 = 'data/dongxihu-2024.yaml';
const SOURCE = readFileSync(XINZHOU, 'utf8');

const blocksOf = (doc: Document): Block[] => doc.sections.flatMap((s) => [...s.blocks]);
const tableById = (doc: Document, id: string): Table => {
  const t = blocksOf(doc).find((b): b is Table => b.type === 'table' && b.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
};

/** The example with one text replaced (the replaced text must occur exactly once). */
function variant(from: string, to: string): string {
  expect(SOURCE.split(from).length - 1, `“${from}” should occur once in ${XINZHOU}`).toBe(1);
  return SOURCE.replace(from, to);
}
const lineOf = (text: string, needle: string, nth = 0): number => {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  if (hits[nth] === undefined) throw new Error(`no line with “${needle}”`);
  return hits[nth]!;
};
const findings = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.severity} ${d.rule} ${d.line}`);

describe('data/xinzhou-2020.yaml', () => {
  let doc: Document;
  let md: string;
  beforeAll(async () => {
    const built = await build(XINZHOU, { formats: ['md'] });
    expect(built.analysis.ok).toBe(true);
    doc = built.document!;
    md = String(built.outputs[0]!.data);
  });

  it('passes the check: only notes (rounding of 公开06表 in 万元, no previous year)', () => {
    const a = analyse(XINZHOU);
    expect(a.ok).toBe(true);
    expect(a.diagnostics.map((d) => `${d.severity} ${d.rule} ${d.path}`).sort()).toEqual(
      ['note previous-missing narrative', 'note x-t05-t06-basic tables.t05.total.basic'].sort(),
    );
  });

  it('parses 元 amounts exactly (never through a float) and prints them in 元', () => {
    const s = analyse(XINZHOU).data!.reports.selfEvaluation!.spending;
    expect(s.total.eq(new Dec('478.579996'))).toBe(true);
    expect(s.basic.eq(new Dec('463.875996'))).toBe(true);
    expect(s.project.eq(new Dec('14.704'))).toBe(true);
    // the four parts add up exactly to 基本支出, in 元: 4,638,759.96
    const parts = s.basicItems.reduce((acc, x) => acc.plus(x.amount), new Dec(0));
    expect(parts.times(10000).toFixed(2)).toBe('4638759.96');
    expect(s.total.minus(s.basic).minus(s.project).isZero()).toBe(true);
    expect(md).toContain('2020 年新洲区总工会部门决算支出 4,785,799.96 元，其中：基本支出 4,638,759.96 元，项目支出 147,040.00 元。');
    expect(md).toContain('工资福利支出 3,647,732.47 元，商品和服务支出 473,883.87 元');
    expect(md).toContain('④ 党建专项，预算安排 13,800.00 元，实际资金到位 0 元，实际支出 0 元。');
    expect(md).toContain('“三公”经费支出无。');
  });

  it('prints the score table with 得分率 = 得分 / 权重 (rounded half up) and the 等级 of the profile', () => {
    const t = tableById(doc, 'table-self-evaluation-scores');
    expect(layout(t)[0]).toEqual(['评价指标', '权重', '评级分值', '得分', '得分率', '绩效评价']);
    // 002 prints 88.8%, 80.3%, 95.5% (cut off): 16/18 = 88.89%, 22.5/28 = 80.36%, 32.5/34 = 95.59%
    expect(after(t, '投入')).toEqual(['18%', '18', '16', '88.9%', '良']);
    expect(after(t, '过程')).toEqual(['28%', '28', '22.5', '80.4%', '良']);
    expect(after(t, '产出')).toEqual(['34%', '34', '32.5', '95.6%', '优']);
    expect(after(t, '效果')).toEqual(['20%', '20', '19', '95%', '优']);
    expect(after(t, '综合绩效')).toEqual(['100%', '100', '90', '90%', '优']);
    expect(t.body[t.body.length - 1]!.emphasis).toBe('total');
    expect(md).toContain('本次新洲区总工会整体支出绩效评价综合得分率为 90%，评价结果为“优”。');
  });

  it('derives exact rates and grades from the bands', () => {
    const a = analyse(XINZHOU);
    const scores = scoreTable(a.data!.reports.selfEvaluation!, a.profile!);
    expect(scores.rows[0]!.rate!.eq(new Dec(16).dividedBy(18).times(100))).toBe(true);
    expect(scores.total.score.eq(90)).toBe(true);
    expect(scores.total.weight.eq(100)).toBe(true);
    const bands: GradeBand[] = [
      { grade: '优', min: new Dec(90) },
      { grade: '良', min: new Dec(80) },
      { grade: '中', min: new Dec(60) },
      { grade: '差', min: new Dec(0) },
    ];
    expect(gradeOf(new Dec(90), bands)).toBe('优');
    expect(gradeOf(new Dec('89.999'), bands)).toBe('良');
    expect(gradeOf(new Dec(60), bands)).toBe('中');
    expect(gradeOf(new Dec('59.99'), bands)).toBe('差');
    expect(gradeOf(new Dec(0), bands)).toBe('差');
    expect(bandProblem(bands)).toBeUndefined();
    expect(bandProblem([bands[1]!, bands[0]!, bands[3]!])).toMatch(/由高到低/);
    expect(bandProblem(bands.slice(0, 3))).toMatch(/应为 0/);
  });

  it('prints the declaration form: 合计 and 占比 computed (268.03 / 286.41 = 93.58%), two history years', () => {
    const t = tableById(doc, 'table-target-declaration');
    expect(t.kind).toBe('form');
    expect(t.title).toBe('2020年度部门整体支出绩效目标申报表');
    expect(t.unit).toBe('单位：万元');
    expect(t.columns).toHaveLength(8);
    const total = t.columns.reduce((s, c) => s + c.width, 0);
    for (const c of t.columns) expect(c.width / total).toBeGreaterThanOrEqual(0.08);
    expect(() => layout(t)).not.toThrow();
    expect(after(t, '部门名称')).toEqual(['武汉市新洲区总工会']);
    expect(after(t, '近两年收支情况')).toEqual([]);
    expect(layout(t)[3]!.slice(6)).toEqual(['2019年', '2018年']);
    expect(after(t, '财政拨款')).toEqual(['286.41', '100%', '234.35', '231.55']);
    expect(after(t, '其他资金')).toEqual(['', '', '', '']);
    expect(after(t, '合计', 0)).toEqual(['286.41', '100%', '234.35', '231.55']);
    expect(after(t, '基本支出')).toEqual(['268.03', '93.58%', '202.09', '200.55']);
    expect(after(t, '项目支出')).toEqual(['18.38', '6.42%', '32.26', '31.00']);
    expect(after(t, '合计', 1)).toEqual(['286.41', '100%', '234.35', '231.55']);
    // merged labels: the fund block's label spans its 8 rows, 收入构成 / 支出构成 three each
    const cells = [...t.header, ...t.body].flatMap((r) => r.cells);
    const cell = (label: string) => cells.find((c) => plainText(c.content) === label)!;
    expect(cell('部门总体资金情况（万元）').rowSpan).toBe(8);
    expect(cell('收入构成').rowSpan).toBe(3);
    expect(cell('支出构成').rowSpan).toBe(3);
    // goals: 4 blocks, each 3 header rows + its indicators under 年度绩效指标
    for (let n = 1; n <= 4; n++) expect(layout(t).some((r) => r[0] === `年度目标${n}：`)).toBe(true);
    expect(after(t, '年度目标1：')).toEqual(['金秋助学']);
    expect(cells.filter((c) => plainText(c.content) === '年度绩效指标').map((c) => c.rowSpan)).toEqual([6, 6, 6, 5]);
    expect(after(t, '2020年发放助学金数量')).toEqual(['合格', '合格', '合格', '合格']);
    // 职能 default to overview.duties, one line each
    expect(after(t, '部门职能概述')[0]).toMatch(/^1、贯彻党的路线方针政策/);
  });

  it('computes exact 占比 in the derive stage', () => {
    const a = analyse(XINZHOU);
    const f = declarationFigures(a.data!.reports.targetDeclaration!, 2020);
    expect(f.historyYears).toEqual([2019, 2018]);
    expect(f.shares.basic!.eq(new Dec('268.03').dividedBy('286.41').times(100))).toBe(true);
    expect(f.shares.basic!.plus(f.shares.project!).eq(100)).toBe(true);
    expect(f.history[1]!.expenditureSum.eq(new Dec('231.55'))).toBe(true);
  });

  it('puts both documents in 第六部分 附件, without the “无绩效自评附件” sentence', () => {
    const part = md.slice(md.indexOf('# 第六部分'));
    expect(part).toContain('## 一、新洲区总工会整体支出绩效自评报告');
    expect(part).toContain('## 二、2020 年度新洲区总工会部门整体支出绩效目标申报表');
    expect(part).not.toContain('无绩效自评附件');
    expect(part).toContain('（右对齐）武汉市新洲区总工会');
    expect(part).toContain('（右对齐）2021 年 8 月 1 日');
  });
});

describe('checker rules of the reports', () => {
  const check = (text: string) => analyse(XINZHOU, { text });

  it('得分 > 权重: report-score-weight at the row’s line', () => {
    const text = variant('{ name: 过程, weight: 28, score: 22.5 }', '{ name: 过程, weight: 28, score: 29 }');
    const a = check(text);
    expect(a.ok).toBe(false);
    expect(findings(a.diagnostics)).toContain(`error report-score-weight ${lineOf(text, 'name: 过程')}`);
    // the stated 总分 90 now contradicts Σ得分 = 96.5: a warning at its line
    expect(findings(a.diagnostics)).toContain(`warning report-score-total ${lineOf(text, 'total: 90')}`);
  });

  it('the fixture whose 得分 exceeds its 权重 gets report-score-weight at that row, and nothing else', () => {
    const file = 'tests/fixtures/invalid/report-score-weight.yaml';
    const a = analyse(file);
    expect(a.ok).toBe(false);
    const line = lineOf(readFileSync(file, 'utf8'), 'name: 过程');
    expect(a.diagnostics.filter((d) => d.severity !== 'note').map((d) => `${d.rule} ${d.line} ${d.path}`)).toEqual([
      `report-score-weight ${line} reports.selfEvaluation.scores.rows[1].score`,
    ]);
  });

  it('Σ权重 ≠ 100: report-weight-sum at the rows key', () => {
    const text = variant('{ name: 效果, weight: 20, score: 19 }', '{ name: 效果, weight: 22, score: 19 }');
    const a = check(text);
    expect(findings(a.diagnostics)).toContain(`error report-weight-sum ${lineOf(text, '      rows:')}`);
    expect(a.diagnostics.find((d) => d.rule === 'report-weight-sum')!.message).toContain('102');
  });

  it('stated 总分 and 等级 that contradict the scores are warnings (the computed ones are printed)', () => {
    const text = variant('      total: 90\n      grade: 优', '      total: 91\n      grade: 良');
    const a = check(text);
    expect(a.ok).toBe(true);
    expect(findings(a.diagnostics)).toEqual(expect.arrayContaining([`warning report-score-total ${lineOf(text, 'total: 91')}`, `warning report-grade ${lineOf(text, 'grade: 良')}`]));
  });

  it('grades in the data override the profile and must end at 0', () => {
    const ok = check(variant('      grade: 优\n', '      grade: 良\n      grades:\n        - { grade: 优, min: 95 }\n        - { grade: 良, min: 85 }\n        - { grade: 差, min: 0 }\n'));
    expect(ok.diagnostics.filter((d) => d.rule.startsWith('report-'))).toEqual([]);
    const text = variant('      grade: 优\n', '      grades:\n        - { grade: 优, min: 90 }\n        - { grade: 良, min: 80 }\n');
    const bad = check(text);
    expect(findings(bad.diagnostics)).toContain(`error report-grades ${lineOf(text, '      grades:')}`);
  });

  it('部门决算支出 ≠ 基本 + 项目: report-spending-sum; 002’s three-item breakdown: report-spending-items (warning)', () => {
    const text = variant('total: 4,785,799.96元', 'total: 4,785,899.96元');
    expect(findings(check(text).diagnostics)).toContain(`error report-spending-sum ${lineOf(text, 'total: 4,785,899.96元')}`);
    const three = variant('        - { name: 资本性支出, amount: "93,629.62元" }\n', '');
    const a = check(three);
    expect(a.ok).toBe(true);
    expect(findings(a.diagnostics)).toContain(`warning report-spending-items ${lineOf(three, 'basic: 4,638,759.96元')}`);
    expect(a.diagnostics.find((d) => d.rule === 'report-spending-items')!.message).toContain('4,545,130.34 元');
  });

  it('a report amount that does not round to the table figure: report-spending-tables', () => {
    const text = variant('project: 147,040.00元', 'project: 147,140.00元').replace('total: 4,785,799.96元', 'total: 4,785,899.96元');
    expect(findings(check(text).diagnostics)).toContain(`warning report-spending-tables ${lineOf(text, 'project: 147,140.00元')}`);
  });

  it('申报表 合计 ≠ its parts, unbalanced, or a wrong history year', () => {
    const income = variant('fiscal: 286.41, incomeTotal: 286.41', 'fiscal: 286.41, incomeTotal: 286.51');
    expect(findings(check(income).diagnostics)).toEqual(
      expect.arrayContaining([`error declaration-income-total ${lineOf(income, 'incomeTotal: 286.51')}`, `warning declaration-balance ${lineOf(income, 'incomeTotal: 286.51')}`]),
    );
    const year = variant('{ year: 2018,', '{ year: 2017,');
    expect(findings(check(year).diagnostics)).toContain(`error declaration-history-year ${lineOf(year, 'year: 2017')}`);
  });

  it('rejects malformed amounts with the amount rules', () => {
    const precision = variant('total: 4,785,799.96元', 'total: 4,785,799.961元');
    expect(findings(check(precision).diagnostics)).toContain(`error amount-precision ${lineOf(precision, '4,785,799.961元')}`);
    const format = variant('total: 4,785,799.96元', 'total: 约478万元');
    expect(findings(check(format).diagnostics)).toContain(`error amount-format ${lineOf(format, '约478万元')}`);
    // 万元 written explicitly is accepted and exact
    const wan = check(variant('total: 4,785,799.96元', 'total: 478.58万元'));
    expect(wan.data!.reports.selfEvaluation!.spending.total.eq(new Dec('478.58'))).toBe(true);
  });
});

describe('without reports', () => {
  it('the 2024 example has no report tables and keeps its appendix', async () => {
    const built = await build(EX2024, { formats: ['md'] });
    const ids = blocksOf(built.document!).flatMap((b) => (b.type === 'table' ? [b.id] : []));
    expect(ids).not.toContain('table-self-evaluation-scores');
    expect(ids).not.toContain('table-target-declaration');
    expect(ids).toContain('table-appendix-department');
    expect(String(built.outputs[0]!.data)).not.toContain('整体支出绩效自评报告');
  });

  it('the builders name the template guard when the data has no report', () => {
    const a = analyse(EX2024);
    const ctx = narrativeContext(a.data!, a.tables!, a.figures!, a.profile!);
    const format = loadFormat('wuhan-2024');
    expect(() => APPENDIX_TABLES['selfEvaluationScores']!(ctx, format, '')).toThrow(AppendixError);
    expect(() => APPENDIX_TABLES['selfEvaluationScores']!(ctx, format, '')).toThrow(/\{\{#if data\.reports\.selfEvaluation\}\}/);
    expect(() => APPENDIX_TABLES['targetDeclaration']!(ctx, format, '')).toThrow(/\{\{#if data\.reports\.targetDeclaration\}\}/);
  });
});

describe('the yuan helper', () => {
  it('prints an amount held in 万元 as 元 with separators, exactly', () => {
    expect(formatYuan(new Dec('478.579996'), {})).toBe('4,785,799.96');
    expect(formatYuan(new Dec('14.704'), { thousands: false })).toBe('147040.00');
    expect(formatYuan(new Dec(0), { zeroAmount: '0' })).toBe('0');
    expect(formatYuan('0.000001', {})).toBe('0.01');
  });
});
