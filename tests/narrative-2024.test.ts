// 第三部分 of the 2024 example against reference 001: every sentence determined by data appears
// verbatim (modulo whitespace and half/full-width brackets and commas); where 001 states a wrong
// figure, the generated text has the right one and the difference is named here.
import { describe, it, expect, beforeAll } from 'vitest';
import { build } from '../src/pipeline/build.ts';
import type { Document } from '../src/model/document.ts';
import { referenceText, between, normalise, sentences, partProse } from './helpers/reference.ts';

let doc: Document;
let generated: string;
let reference: string[];

/** Reference sentences that contain our own free text (the example's prose is written in our words). */
const FREE_TEXT = [
  '主要成效：', // 五（三）: project outcomes
  '从绩效评价情况来看', // 十三（一）: overview
  '从评价情况来看', // 十三（二）: department result
  '主要产出和效益是', // 十三（三）: project results, and the further sentences of 001's results:
  '帮扶资金发放严格执行',
  '组织一批劳模、优秀职工',
  '党员学习覆盖面',
  '党员学习完成率',
  '机关党的建设进一步加强',
  '高度重视预算的执行工作', // 十三（四） 1: result use
  '进一步加强工会各项工作落实', // 十三（四） 2
];

/** Sentences where 001 is wrong: what 001 prints, what we print instead, and why. */
const CORRECTED: readonly { ref: string; ours: string; why: string }[] = [
  {
    ref: '2024年度一般公共预算财政拨款基本支出933.96万元，其中：',
    ours: '2024年度一般公共预算财政拨款基本支出211.93万元，其中：',
    why: '六 cites 本年支出合计 as 基本支出; 公开05表 基本支出 is 211.93',
  },
  {
    ref: '占一般公共预算项目支出总额的77.3%。',
    ours: '占一般公共预算项目支出总额的100%。',
    why: '十三（一）: 722.02 / 722.02 项目支出 = 100%; 77.3% is the share of 本年支出合计',
  },
  {
    ref: '完成预算的86.43%。',
    ours: '完成预算的86.4%。',
    why: '十三（三）6: the 2024 format prints percentages with 1 decimal',
  },
  {
    ref: '完成全年预算的0%。',
    ours: '支出决算为0万元。',
    why: '九: a zero budget has no completion percentage (0 / 0); the clause is left out',
  },
  {
    ref: '较上年增加（减少）0万元，增长（下降）0%。',
    ours: '与上年持平。',
    why: '九 2/3: 001 prints the blank form wording; equal values say 与上年持平',
  },
  {
    ref: '占政府采购支出总额的0%',
    ours: '授予中小企业合同金额0万元，其中：授予小微企业合同金额0万元。',
    why: '十一: shares of a zero total (0 / 0) are left out',
  },
  {
    ref: '货物采购授予中小企业合同金额占货物支出金额的0%',
    ours: '政府采购服务支出0万元。',
    why: '十一: the SME shares by kind divide by zero 货物/工程/服务 totals and are left out',
  },
  {
    ref: '主要负责人用车0辆，机要通信用车0辆，应急保障用车0辆',
    ours: '主要负责人用车0辆、机要通信用车0辆、应急保障用车0辆',
    why: '十二: one enumeration, one separator (001 mixes ， and 、)',
  },
];

beforeAll(async () => {
  const built = await build('data/dongxihu-2024.yaml', { formats: [] });
  expect(built.analysis.ok).toBe(true);
  doc = built.document!;
  generated = normalise(partProse(doc, 'part-3'));
  const text = referenceText('001');
  const part3 = between(text, '第三部分 东西湖区总工会 2024 年度 部门决算情况说明', '第四部分 2024 年重点工作完成情况', 2000)
    .split('\n')
    .filter((l) => !/^\s*图\s*\d+：/u.test(l)) // figure captions are figure nodes, not prose
    .slice(1)
    .join('\n');
  reference = sentences(part3);
});

describe('reference 001 第三部分', () => {
  it('every data-determined sentence appears verbatim', () => {
    const missing = reference.filter((s) => !FREE_TEXT.some((f) => s.includes(f)) && !CORRECTED.some((c) => s.includes(normalise(c.ref))) && !generated.includes(s));
    expect(missing).toEqual([]);
    // a real comparison: most of the section is matched
    const matched = reference.filter((s) => generated.includes(s));
    expect(matched.length).toBeGreaterThan(60);
  });

  it.each(CORRECTED)('corrects 001: $why', ({ ref, ours }) => {
    expect(reference.some((s) => s.includes(normalise(ref)))).toBe(true);
    expect(generated).not.toContain(normalise(ref));
    expect(generated).toContain(normalise(ours));
  });

  it('free-text sentences are present with our own words', () => {
    expect(generated).toContain(normalise('项目全年预算数为 12.00 万元，执行数为 12.00 万元，完成预算的 100%。主要产出和效益是：'));
    expect(generated).toContain(normalise('单位人员医疗 12.00 万元，主要成效：'));
  });
});

describe('the composed 2024 booklet', () => {
  it('has the six parts in the 目录 with the nine tables and thirteen sections', () => {
    const toc = doc.sections[0]!.blocks[0]!;
    expect(toc.type).toBe('toc');
    if (toc.type !== 'toc') return;
    const texts = toc.entries.map((e) => e.text);
    expect(texts.filter((t) => t.startsWith('第'))).toEqual([
      '第一部分 东西湖区总工会概况',
      '第二部分 东西湖区总工会 2024 年度部门决算表',
      '第三部分 东西湖区总工会 2024 年度部门决算情况说明',
      '第四部分 2024 年度重点工作完成情况',
      '第五部分 名词解释',
      '第六部分 附件',
    ]);
    expect(texts).toContain('九、财政拨款“三公”经费支出决算表');
    expect(texts).toContain('十三、预算绩效情况说明');
    expect(toc.entries.every((e) => doc.sections.some((s) => s.blocks.some((b) => (b.type === 'heading' || b.type === 'table') && b.id === e.target)))).toBe(true);
  });

  it('puts the wide tables on landscape pages', () => {
    const landscape = doc.sections.filter((s) => s.orientation === 'landscape').flatMap((s) => s.blocks.filter((b) => b.type === 'table').map((b) => (b.type === 'table' ? b.number : '')));
    expect(landscape).toEqual(['公开01表', '公开04表', '公开06表', '公开09表']);
  });

  it('has figures 1–4 with their data', () => {
    const figures = doc.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'figure');
    expect(figures.map((f) => (f.type === 'figure' ? f.caption : ''))).toEqual(['图 1：收、支决算总计变动情况', '图 2：收入决算结构', '图 3：支出决算结构', '图 4：财政拨款收、支决算总计变动情况']);
    const f3 = figures[2]!;
    if (f3.type !== 'figure') throw new Error();
    expect(f3.categories).toEqual(['基本支出', '项目支出']);
    expect(f3.series[0]!.values).toEqual(['211.93', '722.02']);
    expect(f3.series[0]!.labels).toEqual(['22.7%', '77.3%']);
  });

  it('lists every 项 used in 名词解释 (十) with the dictionary description, and the right 款', () => {
    const glossary = normalise(partProse(doc, 'part-5'));
    expect(glossary).toContain(normalise('1. 一般公共服务支出（类）群众团体事务（款）行政运行（项）：反映行政单位（包括实行公务员管理的事业单位）的基本支出。'));
    expect(glossary).not.toContain('人大事务'); // 001 names the wrong 款
    expect(glossary).toContain(normalise('10. 住房保障支出（类）住房改革支出（款）提租补贴（项）：'));
    expect(glossary).toContain(normalise('（一）一般公共预算财政拨款收入：指区级财政一般公共预算当年拨付的资金。'));
  });

  it('writes 概况 from the data', () => {
    const p1 = partProse(doc, 'part-1');
    expect(p1).toContain('从单位构成看，东西湖区总工会部门决算由实行独立核算的东西湖区总工会本级决算和 1 个下属单位决算组成。');
    expect(p1).toContain('1. 东西湖区总工会(本级)');
  });
});
