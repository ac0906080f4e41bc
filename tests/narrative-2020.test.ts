// The 2020 example (data/dongxihu-2020.yaml, format templates/wuhan-2020) against reference 000
// (东西湖区总工会 2020 年度部门决算): 第一部分 (单位构成, 人员构成) and 第三部分 are split into
// sentences (at 。 ； and line ends), normalised (no whitespace, half-width ( ) , : as full-width,
// no ** bold marks), and every sentence that the data determines must appear in the same section
// of the generated Markdown (the section under the same 一、/（一） headings). The exceptions are
// listed below, each with its reason:
//   FREE_TEXT    sentences holding prose that the data file writes in our own words;
//   CORRECTED    sentences where 000 states a wrong figure: the right one is printed instead;
//   DIFFERENT    sentences 000 words in a way the data cannot or should not reproduce.
// Every entry must still be needed: an entry that matches no missing reference sentence fails.
import { describe, it, expect, beforeAll } from 'vitest';
import { build } from '../src/pipeline/build.ts';
import type { Document } from '../src/model/document.ts';
import { referenceText, normalise } from './helpers/reference.ts';

/** Normalised text: the shared normalisation, and no Markdown bold marks (000's text has a few). */
const norm = (s: string): string => normalise(s).replace(/\*\*/gu, '');

/** Reference sentences with our own free text (职责, outcomes, results and evaluations are written in our words). */
const FREE_TEXT: readonly (string | RegExp)[] = [
  '主要成效', // 五（三）: project outcomes (data narrative.projects.items[].outcome)
  '依照《武汉市总工会困难职工专项帮扶资金使用管理实施细则》', // 五（三） and 十三（三）: further sentences of 000's 帮扶 outcome
  '帮扶项目包括',
  '帮扶资金发放严格执行',
  '为东西湖区职工提供文化、健身场所', // 五（三） and 十三（三）: the 文化宫 outcome, printed by 000 without 主要成效/主要产出
  '从绩效评价情况来看', // 十三（一）: narrative.performance.overview
  '自评得分为99.5分', // 十三（二）: narrative.performance.departmentResult
  '主要产出和效果', // 十三（三）: project results
  /^[二三四五六]是/u, // 十三（三）: the further points (二是…六是) of 000's results
  '将进一步加强项目规划', // 十三（四）: narrative.performance.resultUse
  '加强项目管理、结果与预算安排相结合',
];

interface Exception {
  /** the reference sentence as 000 prints it (normalised for the comparison) */
  readonly ref: string;
  /** what the generated section says instead (must be present); '' for nothing */
  readonly ours: string;
  /** text that must not be generated (default: ref) */
  readonly absent?: string;
  readonly why: string;
}

/** 000 states a wrong figure (the data file's `# 原文如此` comments give the arithmetic). */
const CORRECTED: readonly Exception[] = [
  {
    ref: '2020 年度收、支总计 1329.82 万元',
    ours: '2020 年度收、支总计 4076.24 万元。',
    why: '一: 1329.82 → 4076.24: 000 prints 2 × 664.91 (收入合计 + 支出合计), not the 收支总计 of 表1',
  },
  {
    ref: '与 2019 年相比，收、支总计各减少 0.50 万元，减少 0.07%，主要原因是项目经费减少',
    ours: '与 2019 年相比，收、支总计各减少 0.50 万元，减少 0.01%，主要原因是项目经费减少。',
    why: '一: 0.07% → 0.01%: 0.50 / 4076.74 (2019 收支总计 = 4076.24 + 0.50)',
  },
  {
    ref: '2020年度财政拨款收、支总计 1329.82 万元',
    ours: '2020 年度财政拨款收、支总计 664.91 万元。',
    why: '四: 1329.82 → 664.91: the 总计 of 表4',
  },
  {
    ref: '与2019年相比，财政拨款收、支总计各减少 0.50 万元，减少 0.07%',
    ours: '与 2019 年相比，财政拨款收、支总计各减少 0.50 万元，减少 0.08%。',
    why: '四: 0.07% → 0.08%: 0.50 / 665.41 = 0.0751%, rounded half up',
  },
  {
    ref: '与2019年相比，财政拨款支出减少 0.50 万元，减少 0.07%',
    ours: '与 2019 年相比，财政拨款支出减少 0.50 万元，减少 0.08%。',
    why: '五（一）: 0.07% → 0.08%: 0.50 / 665.41 = 0.0751%, rounded half up',
  },
  {
    ref: '主要原因是项目经费增加减少',
    ours: '财政拨款支出减少 0.50 万元，减少 0.08%。主要原因是项目经费减少。',
    why: '五（一）: “增加减少” contradicts itself; 一 and 四 give the same change as 项目经费减少',
  },
  {
    ref: '年初预算为 694.34 万元，支出决算为 664.91 万元，完成年初预算的 95.76%',
    ours: '1. 一般公共服务支出(类)。年初预算为 694.34 万元，支出决算为 618.86 万元，完成年初预算的 89.13%。',
    absent: '一般公共服务支出(类)。年初预算为 694.34 万元，支出决算为 664.91 万元',
    why: '五（三）1: 664.91 → 618.86: 000 prints the whole 一般公共预算 spending as the 201 类 (表5: 618.86); 618.86 / 694.34 = 89.13%',
  },
  {
    ref: '2020 度一般公共预算财政拨款基本支出 269.71 万元，其中，人员经费 236.68 万元，主要包括：基本工资、津贴补贴、奖金、伙食补助费、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金、医疗费、其他工资福利支出、离休费、退休费、退职(役)费、抚恤金、生活补助、救济费、医疗费补助、助学金、奖励金、其他对个人和家庭的补助',
    ours: '2020 年度一般公共预算财政拨款基本支出 269.71 万元，其中，人员经费 236.68 万元，主要包括：基本工资、津贴补贴、奖金、伙食补助费、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金、医疗费、其他工资福利支出、离休费、退休费、退职(役)费、抚恤金、生活补助、救济费、医疗费补助、助学金、奖励金、其他对个人和家庭的补助；',
    absent: '2020 度',
    why: '六: “2020 度” → “2020 年度” (the 年 is missing)',
  },
  {
    ref: '2020年度区总工会机关运行经费支出 33.03 万元，比2019年度增加 22.55 万元，增长 68.27 %',
    ours: '2020 年度东西湖区总工会机关运行经费支出 33.03 万元，比 2019 年度增加 22.55 万元，增长 215.17%。',
    why: '十: 68.27% → 215.17%: 000 divides by this year (22.55 / 33.03); the growth is 22.55 / 10.48 (also: the department is named as in meta.department, see DIFFERENT)',
  },
  {
    ref: '2020 年度第六届换届费用、五一活动费项目自评表',
    ours: '2020 年度第六次换届费用、五一活动费项目自评表',
    why: '十三（三）: the sheet title says 第六届, its own 项目名称 (and the data) 第六次',
  },
];

const TRAILING_ZEROS = '000 writes these project amounts without trailing zeros (350, 20, 7); the amount helper prints 2 decimals (350.00) like every other amount';

/** 000's wording that the data cannot, or should not, reproduce. */
const DIFFERENT: readonly Exception[] = [
  {
    ref: '(一般公共预算财政拨款支出决算具体情况，按支出功能分类类级科目逐类分析)',
    ours: '',
    why: '五（三）: an instruction of the blank template that 000 left in; not booklet text',
  },
  {
    ref: '公用经费 33.03 万元，主要包括：2020 年安排主要用于福利费 0.66 万元、培训费 0.19 万元、工会经费 3.19 万元、办公费 0.8 万元、印刷费 0.52 万元、差旅 1 万元、会议 2 万元、其他交通费用 2.5 万元，其他商品和服务支出 22.17 万元',
    ours: '公用经费 33.03 万元，主要包括：办公费、印刷费、差旅费、会议费、培训费、工会经费、福利费、其他交通费用、其他商品和服务支出。',
    why: '六: 000 lists the 公用经费 款 in no order, with shortened names (差旅, 会议) and amounts; the figures give the non-zero 款 of 表6 by name, in code order (Figures.basic.publicItems has no amounts)',
  },
  {
    ref: '东西湖区总工会有一般公共预算财政拨款预算安排“三公”经费的单位包括东西湖区总工会本级及下属 1 个全额拨款事业单位',
    ours: '东西湖区总工会有一般公共预算财政拨款预算安排“三公”经费的单位包括东西湖区总工会本级及下属 1 个单位。',
    why: '七（一）: the data schema has no kind of unit (全额拨款事业单位); the count comes from overview.units',
  },
  {
    ref: '2020年度区工会政府采购支出总额 0 万元，其中：政府采购货物支出 0 万元、政府采购工程支出 0 万元、政府采购服务支出 0 万元',
    ours: '2020 年度东西湖区总工会政府采购支出总额 0 万元，其中：政府采购货物支出 0 万元、政府采购工程支出 0 万元、政府采购服务支出 0 万元。',
    why: '十一: 000 shortens the department to 区工会 (elsewhere 区总工会); the schema has only meta.department and meta.fullName',
  },
  {
    ref: '截至 2020 年 12 月 31 日，区工会共有车辆 0 辆',
    ours: '截至 2020 年 12 月 31 日，东西湖区总工会共有车辆 0 辆。',
    why: '十二: the department shortened to 区工会, as in 十一',
  },
  {
    ref: '工会经费项目绩效自评综述:项目全年预算数为 350 万元,执行数为 350 万元,完成预算的 100%',
    ours: '工会经费项目绩效自评综述：项目全年预算数为 350.00 万元，执行数为 350.00 万元，完成预算的 100%。',
    why: `十三（三）: ${TRAILING_ZEROS}`,
  },
  {
    ref: '区财政帮扶资金项目绩效自评综述：项目全年预算数为 20 万元，执行数为 20 万元，完成预算的 100%',
    ours: '区财政帮扶资金项目绩效自评综述：项目全年预算数为 20.00 万元，执行数为 20.00 万元，完成预算的 100%。',
    why: `十三（三）: ${TRAILING_ZEROS}`,
  },
  {
    ref: '五一活动费项目绩效自评综述：项目全年预算数为 10 万元，执行数为 10 万元，完成预算的 100%',
    ours: '五一活动费项目绩效自评综述：项目全年预算数为 10.00 万元，执行数为 10.00 万元，完成预算的 100%。',
    why: `十三（三）: ${TRAILING_ZEROS}`,
  },
  {
    ref: '单位事业人员医疗项目绩效自评综述：项目全年预算数为 12 万元，执行数为 7 万元，完成预算数的 58.33%',
    ours: '单位事业人员医疗项目绩效自评综述：项目全年预算数为 12.00 万元，执行数为 7.00 万元，完成预算的 58.33%。',
    why: `十三（三）: ${TRAILING_ZEROS}; and 000 says 完成预算数的 in two of its six summaries, 完成预算的 in four (one wording here)`,
  },
  {
    ref: '补东西湖区工人文化宫土地出让金代缴款 7.84 万元项目绩效自评综述：项目全年预算数 7.84 万元，执行数为 7.84 万元，完成预算数的 100%',
    ours: '补东西湖区工人文化宫土地出让金代缴款项目绩效自评综述：项目全年预算数为 7.84 万元，执行数为 7.84 万元，完成预算的 100%。',
    why: '十三（三）: 000 puts the amount into the project name and drops 为; 完成预算数的 as above',
  },
  {
    ref: '绩效评价等级为“优秀”',
    ours: '',
    why: '十三（三）: the projects’ overall 评价等级 is not in the data schema (only the department result text is)',
  },
];

/** Lines of the extracted text broken inside a sentence (page breaks of the PDF): joined with the next line. */
const BROKEN_LINES = ['由纳入独立核', '各部门能够', '五一活动费项目'];

const HEADING2 = /^[一二三四五六七八九十]+、/u;
const HEADING3 = /^（[一二三四五六七八九十]+）/u;

interface Sentence {
  /** the headings above it: “二级|三级” */
  readonly section: string;
  readonly text: string;
}

/** Section key from normalised heading lines. */
function sectionTracker() {
  let h2 = '';
  let h3 = '';
  return (line: string): string => {
    if (HEADING2.test(line)) [h2, h3] = [line, ''];
    else if (HEADING3.test(line)) h3 = line.replace(/。$/u, '');
    return `${h2}|${h3}`;
  };
}

/** Reference lines → sentences with their section (tab-separated lines are the self-evaluation forms' cells: skipped). */
function referenceSentences(lines: readonly string[]): Sentence[] {
  const joined: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || raw.includes('\t')) continue;
    const last = joined.length - 1;
    if (last >= 0 && BROKEN_LINES.some((b) => joined[last]!.endsWith(b))) joined[last] += line;
    else joined.push(line);
  }
  const track = sectionTracker();
  return joined.flatMap((line) => {
    const n = norm(line);
    const section = track(n);
    return n
      .split(/[。；]/u)
      .filter((s) => s !== '')
      .map((text) => ({ section, text }));
  });
}

/** Generated Markdown of one part → normalised text per section (pipe-table rows left out: the forms are tables). */
function generatedSections(partMarkdown: string): Map<string, string> {
  const out = new Map<string, string>();
  const track = sectionTracker();
  for (const raw of partMarkdown.split('\n')) {
    if (raw.startsWith('|')) continue;
    const line = norm(raw.replace(/^#+\s*/u, '').replace(/^（居中）/u, ''));
    if (line === '') continue;
    const key = track(line);
    out.set(key, (out.get(key) ?? '') + line);
  }
  return out;
}

let doc: Document;
let md: string;
const parts = new Map<number, string>();

/** The reference lines of 000 between two line starts (after the 目录). */
function referenceLines(text: string, from: string, to: string): string[] {
  const lines = text.split('\n');
  const toc = lines.findIndex((l) => l.includes('第四部分')); // the 目录's last part line
  const a = lines.findIndex((l, i) => i > toc && l.startsWith(from));
  const b = lines.findIndex((l, i) => i > a && l.startsWith(to));
  if (a < 0 || b < 0) throw new Error(`000: ${from} … ${to} not found`);
  return lines.slice(a, b);
}

interface Outcome {
  matched: Sentence[];
  free: Sentence[];
  corrected: Sentence[];
  different: Sentence[];
  missing: Sentence[];
}

/** Classify every reference sentence of a part against the generated part. */
function compare(reference: readonly Sentence[], generated: Map<string, string>): Outcome {
  const o: Outcome = { matched: [], free: [], corrected: [], different: [], missing: [] };
  const is = (list: readonly Exception[], s: Sentence) => list.some((e) => norm(e.ref) === s.text);
  for (const s of reference) {
    if (is(CORRECTED, s)) o.corrected.push(s);
    else if (is(DIFFERENT, s)) o.different.push(s);
    else if ((generated.get(s.section) ?? '').includes(s.text)) o.matched.push(s);
    else if (FREE_TEXT.some((f) => (typeof f === 'string' ? s.text.includes(norm(f)) : f.test(s.text)))) o.free.push(s);
    else o.missing.push(s);
  }
  return o;
}

let part1: Outcome;
let part3: Outcome;
let reference3: Sentence[];
let generated3: Map<string, string>;

beforeAll(async () => {
  const built = await build('data/dongxihu-2020.yaml', { formats: ['md'] });
  expect(built.analysis.ok).toBe(true);
  doc = built.document!;
  md = built.outputs[0]!.data as string;
  for (const chunk of md.split(/^(?=# 第[一二三四五六七八九]部分)/mu)) {
    const m = /^# 第([一二三四五六七八九])部分/u.exec(chunk);
    if (m) parts.set('一二三四五六七八九'.indexOf(m[1]!) + 1, chunk);
  }
  const text = referenceText('000');
  // 第一部分: 一、部门主要职能 is our own wording throughout (overview.duties): only its heading is compared
  const p1 = referenceLines(text, '第一部分', '第二部分');
  const duties = [p1.findIndex((l) => l.startsWith('一、')) + 1, p1.findIndex((l) => l.startsWith('二、'))] as const;
  const reference1 = referenceSentences([...p1.slice(0, duties[0]), ...p1.slice(duties[1])]);
  part1 = compare(reference1, generatedSections(parts.get(1)!));
  reference3 = referenceSentences(referenceLines(text, '第三部分', '第四部分'));
  generated3 = generatedSections(parts.get(3)!);
  part3 = compare(reference3, generated3);
});

describe('reference 000 第一部分 (单位构成, 人员构成)', () => {
  it('every sentence appears in its section', () => {
    expect(part1.missing).toEqual([]);
    expect(part1.free.concat(part1.corrected, part1.different)).toEqual([]);
    expect(part1.matched.map((s) => s.text)).toEqual(
      [
        '第一部分 东西湖区总工会概况',
        '一、部门主要职能',
        '二、部门决算单位构成',
        '从决算单位构成来看，东西湖区总工会部门决算由纳入独立核算的单位本级决算和 1 个下属单位决算组成',
        '纳入东西湖区总工会 2020 年度部门决算编制范围的二级预算单位包括：',
        '1. 东西湖区困难职工帮扶中心',
        '三、部门人员构成',
        '东西湖区总工会 在职实有人数 11 人，其中：行政 6 人，事业 4 人，员额 1 人',
        '离退休人员 15 人，其中：退休 15 人',
      ].map(norm),
    );
  });
});

describe('reference 000 第三部分', () => {
  it('every data-determined sentence appears in its section', () => {
    expect(part3.missing).toEqual([]);
    expect(part3.matched.length).toBeGreaterThanOrEqual(55);
  });

  it('has the thirteen sections of 000, in 000’s order (七 三公, 八 政府性基金, 九 国有资本)', () => {
    const h2 = (sections: Iterable<string>) => [...new Set([...sections].map((k) => k.split('|')[0]!).filter((h) => h !== ''))];
    expect(h2(generated3.keys())).toEqual(h2(reference3.map((s) => s.section)));
    const h3 = (sections: Iterable<string>) => [...new Set([...sections].map((k) => k.split('|')[1]!).filter((h) => h !== ''))];
    expect(h3(generated3.keys())).toEqual(h3(reference3.map((s) => s.section)));
  });

  it('every exception is used, and stands for a sentence we do not generate', () => {
    for (const e of [...CORRECTED, ...DIFFERENT]) {
      const s = reference3.find((x) => x.text === norm(e.ref));
      expect(s, e.ref).toBeDefined();
      expect(generated3.get(s!.section) ?? '', `${e.ref} should not be generated`).not.toContain(norm(e.absent ?? e.ref));
    }
    for (const f of FREE_TEXT) expect(part3.free.some((s) => (typeof f === 'string' ? s.text.includes(norm(f)) : f.test(s.text))), String(f)).toBe(true);
  });

  it.each(CORRECTED)('corrects 000 — $why', ({ ref, ours }) => {
    const s = reference3.find((x) => x.text === norm(ref))!;
    expect(generated3.get(s.section) ?? '').toContain(norm(ours));
  });

  it.each(DIFFERENT.filter((d) => d.ours !== ''))('differs from 000 — $why', ({ ref, ours }) => {
    const s = reference3.find((x) => x.text === norm(ref))!;
    expect(generated3.get(s.section) ?? '').toContain(norm(ours));
  });

  it('counts', () => {
    // reported to the lead; update with care (each change of a list above changes these)
    expect({
      matched: part3.matched.length + part1.matched.length,
      free: part3.free.length,
      corrected: part3.corrected.length,
      different: part3.different.length,
    }).toEqual({ matched: 9 + 58, free: 30, corrected: 10, different: 11 });
  });
});

describe('wording of the 2020 format', () => {
  it('prints percentages with 2 decimals (exact integers without: 100%)', () => {
    const p3 = norm(parts.get(3)!.split('\n').filter((l) => !l.startsWith('|')).join('\n'));
    const percents = [...p3.matchAll(/(\d+(?:\.\d+)?)%/gu)].map((m) => m[1]!);
    expect(percents.length).toBeGreaterThan(15);
    for (const p of percents) expect(p, `${p}%`).toMatch(/^(?:100|\d+\.\d\d)$/u);
    for (const s of [
      '其中：财政拨款收入 664.91 万元，占本年收入 100%。',
      '其中：基本支出 269.71 万元，占本年支出 40.56%；项目支出 395.20 万元，占本年支出 59.44%。',
      '占本年支出合计的 100%',
      '一般公共服务(类)支出 618.86 万元，占 93.07%；社会保障和就业(类)支出 31.96 万元，占 4.81%；卫生健康(类)支出 10.12 万元，占 1.52%；住房保障(类)支出 3.98 万元，占 0.60%。',
      '完成年初预算的 95.76%',
      '执行数为 7.00 万元，完成预算的 58.33%',
    ])
      expect(p3).toContain(norm(s));
  });

  it('says 增加/减少 for amounts and percentages alike (十: 增加…增长, as 000)', () => {
    const p3 = norm(parts.get(3)!);
    expect(p3).toContain(norm('各减少 0.50 万元，减少 0.01%'));
    expect(p3).not.toMatch(/下降\d/u);
    expect(p3).toContain(norm('比 2019 年度增加 22.55 万元，增长 215.17%'));
  });

  it('prints table amounts with thousands separators and running text without', () => {
    expect(md).toContain('| 年初结转和结余 | 29 | 3,411.33 |');
    expect(md).toContain('收、支总计 4076.24 万元');
  });

  it('has the five parts of 000 and its cover', () => {
    const toc = doc.sections[0]!.blocks[0]!;
    if (toc.type !== 'toc') throw new Error('no 目录');
    expect(toc.entries.map((e) => e.text).filter((t) => t.startsWith('第'))).toEqual([
      '第一部分 东西湖区总工会概况',
      '第二部分 东西湖区总工会 2020 年度部门决算表',
      '第三部分 东西湖区总工会 2020 年度部门决算情况说明',
      '第四部分 2020 年重点工作完成情况',
      '第五部分 名词解释',
    ]);
    expect(doc.cover.title).toBe('2020 年度东西湖区总工会部门决算');
  });

  it('名词解释 follows 000’s list, with the level of the data (区级, not 000’s copied 市级)', () => {
    const p5 = norm(parts.get(5)!);
    expect(p5).toContain(norm('(一)一般公共预算财政拨款收入：指区级财政一般公共预算当年拨付的资金。'));
    expect(p5).toContain(norm('(七)用事业基金弥补收支差额：'));
    expect(p5).toContain(norm('(九)本部门使用的支出功能分类科目(到项级)1. 一般公共服务支出(类)群众团体事务(款)行政运行(项)：'));
    expect(p5).toContain(norm('是指区直部门用一般公共预算财政拨款安排的因公出国(境)费'));
    expect(p5).toContain(norm('(十八)各单位其他专用名词解释。'));
    expect(p5).not.toContain('市级');
  });
});
