// 绩效自评表 (appendix forms): both examples built in-process; the forms checked cell by cell
// against the formulas of src/derive/scores.ts (the sheets print computed scores, never the
// supplied ones), the merged cells checked to form a rectangular grid, and the checker's rule ids
// checked on a copy of the 2024 data whose supplied scores contradict the formula.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { build } from '../src/pipeline/build.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { loadFormat } from '../src/profile/format.ts';
import { narrativeContext, type NarrativeContext } from '../src/narrate/context.ts';
import { APPENDIX_TABLES, AppendixError } from '../src/compose/appendix/index.ts';
import type { Block, Document, Inline, Table } from '../src/model/document.ts';
import { plainText } from '../src/model/document.ts';
import { COVERED, layout, after } from './helpers/layout.ts';

const EX2024 = 'data/dongxihu-2024.yaml';
const EX2020 = 'data/dongxihu-2020.yaml';

async function documentOf(file: string, text?: string): Promise<Document> {
  const built = await build(file, { formats: [], ...(text !== undefined ? { text } : {}) });
  expect(built.analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(built.document).toBeDefined();
  return built.document!;
}

const blocksOf = (doc: Document): Block[] => doc.sections.flatMap((s) => [...s.blocks]);
const formsOf = (doc: Document): Table[] => blocksOf(doc).filter((b): b is Table => b.type === 'table' && b.kind === 'form');

/** The value of a merged-over position in a grid. */
/** The cell (as listed in its row) whose text is `label`. */
function cellOf(t: Table, label: string, nth = 0) {
  const cells = [...t.header, ...t.body].flatMap((r) => r.cells).filter((c) => plainText(c.content) === label);
  const c = cells[nth];
  if (!c) throw new Error(`${t.id}: no cell “${label}” (#${nth + 1})`);
  return c;
}

const allTexts = (t: Table): string[] => layout(t).flat();
const boxes = (content: readonly Inline[]) => content.filter((i) => i.type === 'checkbox').map((i) => `${i.checked ? '☑' : '☐'}${i.label}`);

describe('2024 example (reference 001)', () => {
  let doc: Document;
  let forms: Table[];
  let dept: Table;
  const project = (name: string): Table => {
    const t = forms.find((f) => f.id.startsWith('table-appendix-project-') && after(f, '项目名称')[0] === name);
    if (!t) throw new Error(`no sheet for ${name}`);
    return t;
  };
  beforeAll(async () => {
    doc = await documentOf(EX2024);
    forms = formsOf(doc);
    dept = forms.find((f) => f.id === 'table-appendix-department')!;
  });

  it('has the department sheet and one sheet per project, all rectangular, on sensible columns', () => {
    expect(dept).toBeDefined();
    expect(forms).toHaveLength(1 + 8);
    for (const f of forms) {
      expect(() => layout(f)).not.toThrow();
      expect(f.columns.length).toBeGreaterThanOrEqual(6);
      expect(f.columns.length).toBeLessThanOrEqual(8);
      const total = f.columns.reduce((s, c) => s + c.width, 0);
      // no column narrower than 8 % of the table (about three characters of 五号 on A4)
      for (const c of f.columns) expect(c.width / total).toBeGreaterThanOrEqual(0.08);
    }
  });

  it('prints the department sheet captions and heads', () => {
    expect(dept.title).toBe('2024 年度东西湖区总工会部门整体绩效自评表');
    expect(dept.department).toBe('单位名称：武汉市东西湖区总工会');
    expect(dept.unit).toBe('填报日期：2025.4.21');
    expect(after(dept, '单位名称')).toEqual(['武汉市东西湖区总工会']);
    expect(after(dept, '基本支出总额')).toEqual(['211.94 万元', '项目支出总额', '722.02 万元']);
    expect(after(dept, '预算执行情况（万元）（20 分）')).toEqual(['', '预算数（A）', '执行数（B）', '执行率（B/A）', '得分（20 分*执行率）']);
  });

  it('computes 执行率 98.57% and 得分 19.71 (the data supplies 19.72), and 总分 99.71', () => {
    expect(after(dept, '部门整体支出总额')).toEqual(['947.53', '933.96', '98.57%', '19.71']);
    expect(after(dept, '总分')).toEqual(['99.71']);
    expect(allTexts(dept)).not.toContain('19.72');
    expect(allTexts(dept)).not.toContain('99.72');
  });

  it('prints one block per 年度绩效目标 with weights and merged 一级/二级指标', () => {
    for (let n = 1; n <= 8; n++) expect(allTexts(dept)).toContain(`年度绩效目标 ${n}：（80 分）`);
    expect(after(dept, '年度绩效目标 2：（80 分）')[0]).toMatch(/^开展常态化生活救助/);
    const label = cellOf(dept, '年度绩效目标（80 分）', 1); // block 2: heading row + 7 indicators
    expect(label.rowSpan).toBe(8);
    for (const w of ['成本指标（20 分）', '产出指标（20 分）', '效益指标（30 分）', '满意度指标（10 分）']) expect(allTexts(dept)).toContain(w);
    expect(allTexts(dept)).not.toContain('成本指标');
    // block 2: two 成本 rows under one 经济成本指标; block 3: 产出 over three rows, 数量指标 over two
    expect(cellOf(dept, '成本指标（20 分）', 1).rowSpan).toBe(2);
    expect(cellOf(dept, '经济成本指标', 1).rowSpan).toBe(2);
    expect(cellOf(dept, '产出指标（20 分）', 2).rowSpan).toBe(3);
    expect(cellOf(dept, '数量指标', 2).rowSpan).toBe(2);
    expect(cellOf(dept, '质量指标', 2).rowSpan).toBeUndefined();
    expect(after(dept, '成本控制有效性')).toEqual(['不超预算', '不超预算', '20']);
  });

  it('ends with 偏差, 改进 and the signature row', () => {
    const rows = layout(dept);
    const labels = rows.slice(-4).map((r) => r[0]);
    expect(labels).toEqual(['总分', '偏差大或目标未完成原因分析', '改进措施及结果应用方案', '单位主要负责人签批意见']);
    const sign = dept.body[dept.body.length - 1]!.cells[1]!;
    expect(sign.content.some((i) => i.type === 'break')).toBe(true);
    expect(plainText(sign.content)).toMatch(/签名：\n年\s+月\s+日$/u);
  });

  it('prints the summary sentence with the computed 执行率', () => {
    const texts = blocksOf(doc).filter((b) => b.type === 'paragraph').map((b) => plainText(b.content));
    expect(texts).toContain('东西湖区总工会 2024 年度财政预算执行率为 98.6%，年度绩效目标按项目分设成本、产出、效益和满意度指标，各项指标均达到年初目标值。');
  });

  it('computes 购买服务人员工作经费: 86.43%, 17.29 (supplied 17.2), 总分 97.29 (supplied 97.2)', () => {
    const t = project('购买服务人员工作经费');
    expect(t.title).toBe('2024 年度购买服务人员工作经费项目绩效自评表');
    expect(after(t, '年度财政资金总额')).toEqual(['100.00', '86.43', '86.43%', '17.29']);
    expect(after(t, '总分')).toEqual(['97.29']);
    expect(allTexts(t)).not.toContain('17.2');
    expect(allTexts(t)).not.toContain('97.2');
    expect(after(t, '购买服务人员投诉处理及时性')).toEqual(['及时', '及时', '5']);
  });

  it('prints full execution as 100% and 20, and 总分 100', () => {
    const t = project('单位人员医疗');
    expect(after(t, '年度财政资金总额')).toEqual(['12.00', '12.00', '100%', '20']);
    expect(after(t, '总分')).toEqual(['100']);
    expect(after(t, '主管部门')).toEqual(['东西湖区总工会', '项目实施单位', '办公室']);
    expect(cellOf(t, '年度绩效目标（80 分）').rowSpan).toBe(1 + 5);
    expect(after(t, '单位主要负责人签批意见')[0]).toMatch(/签名：/u);
  });

  it('ticks the chosen 项目类别 / 项目属性 / 项目类型', () => {
    const t = project('工会经费');
    const line = (label: string) => boxes(t.body.find((r) => plainText(r.cells[0]!.content) === label)!.cells[1]!.content);
    expect(line('项目类别')).toEqual(['☑1、部门预算项目', '☐2、区直专项']);
    expect(line('项目属性')).toEqual(['☑1、持续性项目', '☐2、新增性项目']);
    expect(line('项目类型')).toEqual(['☑1、常年性项目', '☐2、延续性项目', '☐3、一次性项目']);
  });

  it('precedes each project sheet with its analysis text', () => {
    const blocks = blocksOf(doc);
    const at = blocks.findIndex((b) => b.type === 'table' && b.id === project('购买服务人员工作经费').id);
    const before = blocks
      .slice(at - 7, at)
      .filter((b) => b.type === 'paragraph')
      .map((b) => plainText(b.content));
    expect(before).toEqual([
      '（1）预算执行情况分析',
      '年度财政资金预算数 100.00 万元，执行数 86.43 万元，执行率 86.4%。',
      '（2）绩效目标完成情况分析',
      '①成本指标：成本控制有效性，年初目标值为不超预算，实际完成值为不超预算。',
      '②产出指标：购买服务人员人数，年初目标值为≤18，实际完成值为≤18；购买服务人员考核合格率，年初目标值为≥95%，实际完成值为≥95%；购买服务人员投诉处理及时性，年初目标值为及时，实际完成值为及时。',
      '③效益指标：维护机关正常运行，年初目标值为正常运行，实际完成值为正常运行。',
      '④满意度指标：购买服务人员满意率，年初目标值为≥90%，实际完成值为≥90%。',
    ]);
  });
});

describe('2020 example (reference 000): the 2020 scheme 产出 40 / 效益 20 / 满意度 20', () => {
  let forms: Table[];
  let ctx: NarrativeContext;
  beforeAll(async () => {
    forms = formsOf(await documentOf(EX2020));
    const a = analyse(EX2020);
    ctx = narrativeContext(a.data!, a.tables!, a.figures!, a.profile!);
  });
  const project = (name: string): Table => forms.find((f) => f.id.startsWith('table-appendix-project-') && after(f, '项目名称')[0] === name)!;

  it('builds rectangular sheets', () => {
    expect(forms.length).toBe(1 + 6);
    for (const f of forms) expect(() => layout(f)).not.toThrow();
  });

  it('prints the 2020 weights on the project sheets, and no 成本指标 level', () => {
    const t = project('工会经费');
    const texts = allTexts(t);
    for (const w of ['产出指标（40 分）', '效益指标（20 分）', '满意度指标（20 分）']) expect(texts).toContain(w);
    expect(texts.some((x) => x.startsWith('成本指标（'))).toBe(false);
    expect(cellOf(t, '产出指标（40 分）').rowSpan).toBe(4);
    expect(after(t, '总分')).toEqual(['100']); // supplied 80
  });

  it('computes 单位人员医疗: 7 / 12 = 58.33%, 20 × 58.33% = 11.67 (supplied 19.50), 总分 91.67 (supplied 80)', () => {
    const t = project('单位人员医疗');
    expect(after(t, '年度财政资金总额').slice(2)).toEqual(['58.33%', '11.67']);
    expect(after(t, '总分')).toEqual(['91.67']);
  });

  it('computes the department 执行率 95.76% and 得分 19.15 (supplied 20)', () => {
    const dept = forms.find((f) => f.id === 'table-appendix-department')!;
    expect(after(dept, '部门整体支出总额')).toEqual(['694.34', '664.91', '95.76%', '19.15']);
  });

  it('ticks 新增性项目 and 一次性项目 where the data says so', () => {
    const t = project('补东西湖区工人文化宫土地出让金代缴款');
    const line = (label: string) => boxes(t.body.find((r) => plainText(r.cells[0]!.content) === label)!.cells[1]!.content);
    expect(line('项目属性')).toEqual(['☐1、持续性项目', '☑2、新增性项目']);
    expect(line('项目类型')).toEqual(['☐1、常年性项目', '☐2、延续性项目', '☑3、一次性项目']);
  });

  it('numbers the analysis groups in the profile order when there is no 成本指标', () => {
    const blocks = APPENDIX_TABLES['appendixProject']!(ctx, loadFormat('wuhan-2020'), '5') as Block[];
    const texts = blocks.filter((b) => b.type === 'paragraph').map((b) => plainText(b.content));
    expect(texts.slice(3).map((t) => t.slice(0, t.indexOf('：')))).toEqual(['①产出指标', '②效益指标', '③满意度指标']);
    expect(texts[1]).toBe('年度财政资金预算数 350.00 万元，执行数 350.00 万元，执行率 100%。');
  });
});

describe('template arguments', () => {
  let ctx: NarrativeContext;
  beforeAll(() => {
    const a = analyse(EX2024);
    ctx = narrativeContext(a.data!, a.tables!, a.figures!, a.profile!);
  });
  const call = (key: string, arg: string) => APPENDIX_TABLES[key]!(ctx, loadFormat('wuhan-2024'), arg);

  it('rejects an unknown option, a bad index and an unknown placeholder with a 格式模板 message', () => {
    expect(() => call('appendixDepartment', 'colour=red')).toThrow(AppendixError);
    expect(() => call('appendixDepartment', 'colour=red')).toThrow(/^格式模板 wuhan-2024 .*未知选项 colour=/u);
    expect(() => call('appendixProject', '8')).toThrow(/项目序号 8 超出范围/u);
    expect(() => call('appendixProject', '')).toThrow(/需要一个项目序号/u);
    expect(() => call('appendixSummary', '执行率 {ratio}')).toThrow(/未知的占位符 \{ratio\}/u);
  });

  it('drops the analysis, the signature and the weights on request', () => {
    const t = call('appendixProject', '0 analysis=no signature=no') as Table;
    expect(t.type).toBe('table');
    expect(allTexts(t)).not.toContain('单位主要负责人签批意见');
    const d = call('appendixDepartment', 'weights=no total=no goalLabel="年度绩效指标"') as Table;
    expect(allTexts(d)).toContain('成本指标');
    expect(allTexts(d)).toContain('年度绩效指标');
    expect(allTexts(d)).not.toContain('总分');
    expect(() => layout(d)).not.toThrow();
  });

  it('fills caption placeholders', () => {
    const t = call('appendixDepartment', 'title="{year} 年度{department}" right="填报日期：{fillYear}年{fillMonth}月{fillDay}日" left="执行率 {formRate}"') as Table;
    expect([t.title, t.unit, t.department]).toEqual(['2024 年度东西湖区总工会', '填报日期：2025年4月21日', '执行率 98.57%']);
  });
});

describe('supplied scores that contradict the formula', () => {
  const source = readFileSync(EX2024, 'utf8');
  /** The 2024 data with the block of project `name` edited. */
  function editProject(name: string, edit: (block: string) => string): string {
    const start = source.indexOf(`    - name: ${name}\n      supervisor:`);
    const end = source.indexOf('    - name: ', start + 1);
    expect(start).toBeGreaterThan(0);
    const block = source.slice(start, end);
    const edited = edit(block);
    expect(edited).not.toBe(block);
    return source.slice(0, start) + edited + source.slice(end);
  }

  it('warns score-execution and score-total, and the sheet prints the computed figures', async () => {
    const text = editProject('单位人员医疗', (b) => b.replace('executionScore: 20', 'executionScore: 18').replace('totalScore: 100', 'totalScore: 98'));
    const a = analyse(EX2024, { text });
    const found = a.diagnostics.filter((d) => d.path.startsWith('appendix.projects[0]')).map((d) => `${d.severity} ${d.rule} ${d.path}`);
    expect(found).toEqual(['warning score-execution appendix.projects[0].executionScore', 'warning score-total appendix.projects[0].totalScore']);
    const t = formsOf(await documentOf(EX2024, text)).find((f) => f.id === 'table-appendix-project-1')!;
    expect(after(t, '年度财政资金总额')).toEqual(['12.00', '12.00', '100%', '20']);
    expect(after(t, '总分')).toEqual(['100']);
  });

  it('reports a level-1 group above its weight (score-group-weight, an error: no booklet)', async () => {
    const text = editProject('单位人员医疗', (b) => b.replace('level3: 费用缴纳合规性, target: "合规", actual: "合规", score: 10', 'level3: 费用缴纳合规性, target: "合规", actual: "合规", score: 15'));
    const a = analyse(EX2024, { text });
    expect(a.diagnostics.filter((d) => d.rule === 'score-group-weight').map((d) => d.path)).toEqual(['appendix.projects[0].indicators[1].score']);
    expect(a.ok).toBe(false);
    const built = await build(EX2024, { formats: [], text });
    expect(built.document).toBeUndefined();
  });
});
