// Wording helpers of the narrative stage: rounding (half up on exact decimals), change and
// execution wording, enumerations, Chinese numbering, dates, and sentences of the reference
// booklets rendered through an isolated strict Handlebars instance.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal as PlainDecimal } from 'decimal.js';
import Handlebars from 'handlebars';
import { Dec, changeOf, percentOf } from '../src/money/decimal.ts';
import { execution, type Comparison, type Part } from '../src/derive/figures.ts';
import {
  HELPER_NAMES,
  WordingError,
  registerHelpers,
  formatAmount,
  formatCell,
  formatWan,
  formatPercent,
  changeWord,
  growthWord,
  absAmount,
  absPercent,
  changeSentence,
  execWord,
  completion,
  joinList,
  joinWithLast,
  noneOf,
  nonZero,
  labelOf,
  chineseNumber,
  chineseSection,
  chineseParen,
  arabicDot,
  arabicParen,
  circled,
  chineseDate,
  yearEnd,
  toDec,
  type WordingOptions,
} from '../src/narrate/helpers.ts';

/** 2024 format (reference 001): 1-decimal percentages, 增长/下降, "0 万元" for zero amounts. */
const W2024: WordingOptions = {
  percentPlaces: 1,
  trimIntegerPercent: true,
  thousands: false,
  tableThousands: false,
  increase: '增加',
  decrease: '减少',
  growth: '增长',
  decline: '下降',
  flat: '与上年持平',
  zeroAmount: '0',
};

/** 2020 format (reference 000): 2-decimal percentages, 增加/减少 for both, separators in tables. */
const W2020: WordingOptions = {
  percentPlaces: 2,
  trimIntegerPercent: true,
  thousands: false,
  tableThousands: true,
  increase: '增加',
  decrease: '减少',
  growth: '增加',
  decline: '减少',
  flat: '与上年持平',
};

const d = (s: string) => new Dec(s);
const cmp = (current: string, previous: string, reason?: string): Comparison => ({ ...changeOf(d(current), d(previous)), reason });

function engine(opts: WordingOptions = W2024) {
  const hb = Handlebars.create();
  registerHelpers(hb, opts);
  return (src: string, data: object = {}) => hb.compile(src, { strict: true, noEscape: true })(data);
}

describe('amounts', () => {
  it('prints 2 decimals, half up on the exact value', () => {
    expect(formatAmount(d('933.96'), W2024)).toBe('933.96');
    expect(formatAmount(d('12'), W2024)).toBe('12.00');
    expect(formatAmount(d('1.005'), W2024)).toBe('1.01');
    expect(formatAmount(d('1.00499999'), W2024)).toBe('1.00');
    expect(formatAmount(d('-3.5'), W2024)).toBe('-3.50');
  });
  it('never prints -0.00', () => {
    expect(formatAmount(d('-0.004'), W2020)).toBe('0.00');
    expect(formatCell(d('-0.004'), W2020)).toBe('0.00');
  });
  it('zero: zeroAmount text when configured, else 0.00', () => {
    expect(formatAmount(d('0'), W2024)).toBe('0');
    expect(formatAmount(d('0.00'), W2020)).toBe('0.00');
    expect(formatWan(d('0'), W2024)).toBe('0 万元');
  });
  it('thousands separators per option', () => {
    expect(formatAmount(d('4076.24'), W2020)).toBe('4076.24');
    expect(formatAmount(d('4076.24'), { ...W2020, thousands: true })).toBe('4,076.24');
    expect(formatCell(d('3411.33'), W2020)).toBe('3,411.33');
    expect(formatCell(d('3411.33'), W2024)).toBe('3411.33');
    expect(formatCell(d('-1234567.891'), W2020)).toBe('-1,234,567.89');
  });
  it('table cell: empty for zero or absent', () => {
    expect(formatCell(d('0'), W2024)).toBe('');
    expect(formatCell(undefined, W2024)).toBe('');
    expect(formatCell(d('0.004'), W2024)).toBe('0.00');
    expect(formatCell(d('0.74'), W2024)).toBe('0.74');
  });
  it('wan: with unit, spaced by default', () => {
    expect(formatWan(d('933.96'), W2024)).toBe('933.96 万元');
    expect(formatWan(d('933.96'), { ...W2024, spaced: false })).toBe('933.96万元');
  });
  it('accepts exact inputs only', () => {
    expect(toDec('3,411.33').toString()).toBe('3411.33');
    expect(toDec(12).toString()).toBe('12');
    expect(formatAmount(new PlainDecimal('1.005'), W2024)).toBe('1.01'); // another decimal.js clone
    expect(() => toDec(0.1)).toThrow(/binary float/);
    expect(() => toDec(undefined)).toThrow(/undefined/);
    expect(() => toDec('12 万元')).toThrow(WordingError);
    expect(() => toDec({})).toThrow(WordingError);
  });
});

describe('percentages', () => {
  it('1 place (2024)', () => {
    expect(formatPercent(d('22.69'), W2024)).toBe('22.7%');
    expect(formatPercent(percentOf(d('211.93'), d('933.96')), W2024)).toBe('22.7%');
    expect(formatPercent(percentOf(d('722.02'), d('933.96')), W2024)).toBe('77.3%');
  });
  it('2 places (2020)', () => {
    expect(formatPercent(percentOf(d('269.71'), d('664.91')), W2020)).toBe('40.56%');
    expect(formatPercent(percentOf(d('395.20'), d('664.91')), W2020)).toBe('59.44%');
    expect(formatPercent(d('0.07'), W2020)).toBe('0.07%');
  });
  it('half up at the boundary, on the exact decimal', () => {
    expect(formatPercent(d('22.65'), W2024)).toBe('22.7%');
    expect(formatPercent(d('22.64999999999999999'), W2024)).toBe('22.6%');
    expect(formatPercent(d('0.045'), W2020)).toBe('0.05%');
    expect(formatPercent(d('1.005'), W2020)).toBe('1.01%');
    expect(formatPercent(d('-22.65'), W2024)).toBe('-22.7%');
  });
  it('exact integers are trimmed when trimIntegerPercent: 100%', () => {
    expect(formatPercent(d('100'), W2024)).toBe('100%');
    expect(formatPercent(percentOf(d('933.96'), d('933.96')), W2024)).toBe('100%');
    expect(formatPercent(percentOf(d('664.91'), d('664.91')), W2020)).toBe('100%');
    expect(formatPercent(d('50'), W2024)).toBe('50%');
    expect(formatPercent(d('0'), W2024)).toBe('0%');
    expect(formatPercent(d('100'), { ...W2024, trimIntegerPercent: false })).toBe('100.0%');
    expect(formatPercent(d('100'), { ...W2020, trimIntegerPercent: false })).toBe('100.00%');
  });
  it('values that only round to an integer keep their decimals', () => {
    expect(formatPercent(d('0.04'), W2024)).toBe('0.0%');
    expect(formatPercent(d('99.96'), W2024)).toBe('100.0%');
    expect(formatPercent(d('0.004'), W2020)).toBe('0.00%');
    expect(formatPercent(d('-0.04'), W2024)).toBe('0.0%');
  });
  it('undefined (zero whole) throws', () => {
    expect(() => formatPercent(undefined, W2024)).toThrow(WordingError);
  });
  it('matches an integer reference implementation of half-up rounding', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }), (n, k, places) => {
        const expected = referencePercent(n, k, places);
        const value = new Dec(n.toString()).dividedBy(new Dec(10).pow(k));
        expect(formatPercent(value, { percentPlaces: places, trimIntegerPercent: false })).toBe(expected);
      }),
    );
  });
});

/** n / 10^k rounded half away from zero to `places`, by integer arithmetic only. */
function referencePercent(n: bigint, k: number, places: number): string {
  const neg = n < 0n;
  let a = neg ? -n : n;
  if (k <= places) a *= 10n ** BigInt(places - k);
  else {
    const div = 10n ** BigInt(k - places);
    const r = a % div;
    a = a / div + (2n * r >= div ? 1n : 0n);
  }
  const digits = a.toString().padStart(places + 1, '0');
  const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return (neg && a !== 0n ? '-' : '') + body + '%';
}

describe('changes', () => {
  const down = cmp('933.96', '1221.23', '缩减开支');
  const up = cmp('33.03', '10.48');
  const flat = cmp('100.00', '100.00');
  const fromZero = cmp('12.00', '0');

  it('words by direction', () => {
    expect(changeWord(down, W2024)).toBe('减少');
    expect(changeWord(up, W2024)).toBe('增加');
    expect(growthWord(down, W2024)).toBe('下降');
    expect(growthWord(up, W2024)).toBe('增长');
    expect(growthWord(down, W2020)).toBe('减少');
    expect(changeWord(flat, W2024)).toBe('');
    expect(growthWord(flat, W2024)).toBe('');
  });
  it('absolute amount and percent', () => {
    expect(absAmount(down, W2024)).toBe('287.27');
    expect(absPercent(down, W2024)).toBe('23.5%');
    expect(absPercent(up, W2020)).toBe('215.17%');
    expect(() => absPercent(fromZero, W2024)).toThrow(/previous value is zero/);
  });
  it('sentence: both parts, flat, previous zero', () => {
    expect(changeSentence(down, W2024)).toBe('减少 287.27 万元，下降 23.5%');
    expect(changeSentence(down, { ...W2024, spaced: false })).toBe('减少287.27万元，下降23.5%');
    expect(changeSentence(cmp('1329.82', '1330.32'), W2020)).toBe('减少 0.50 万元，减少 0.04%');
    expect(changeSentence(flat, W2024)).toBe('与上年持平');
    expect(changeSentence(fromZero, W2024)).toBe('增加 12.00 万元');
  });
  it('half-up on a negative change rounds the magnitude', () => {
    // delta −0.15 on 2.00 is −7.5% exactly
    const c = cmp('1.85', '2.00');
    expect(changeSentence(c, W2024)).toBe('减少 0.15 万元，下降 7.5%');
    const c2 = cmp('1.7735', '2.00'); // −11.325% exactly
    expect(changeSentence(c2, W2020)).toBe('减少 0.23 万元，减少 11.33%');
  });
  it('missing previous year: undefined comparison throws, so templates guard it', () => {
    expect(() => changeSentence(undefined, W2024)).toThrow(/missing previous year|guard/);
    expect(() => changeWord({ direction: 'sideways', delta: d('1') }, W2024)).toThrow(WordingError);
  });
});

describe('execution', () => {
  const over = execution(d('686.23'), d('933.96'));
  const under = execution(d('108.59'), d('98.60'));
  const equal = execution(d('0.74'), d('0.74'));
  const zeroBudget = execution(d('0'), d('5.00'));

  it('over / under words, empty when equal', () => {
    expect(execWord(over)).toBe('大于');
    expect(execWord(under)).toBe('小于');
    expect(execWord(equal)).toBe('');
    expect(execWord(zeroBudget)).toBe('大于');
  });
  it('completion clause, none for a zero budget', () => {
    expect(completion(over, W2024)).toBe('完成年初预算的 136.1%');
    expect(completion(under, W2024)).toBe('完成年初预算的 90.8%');
    expect(completion(equal, { ...W2024, spaced: false })).toBe('完成年初预算的100%');
    expect(completion(execution(d('694.34'), d('664.91')), W2020)).toBe('完成年初预算的 95.76%');
    expect(completion(execution(d('12'), d('7')), W2020, '预算数')).toBe('完成预算数的 58.33%');
    expect(completion(zeroBudget, W2024)).toBe('');
  });
});

describe('enumerations', () => {
  it('join with 、 or another separator', () => {
    expect(joinList(['基本工资', '津贴补贴', '奖金'])).toBe('基本工资、津贴补贴、奖金');
    expect(joinList(['A', 'B'], '；')).toBe('A；B');
    expect(joinList([])).toBe('');
    expect(() => joinList(['A', ''])).toThrow(/item 2/);
    expect(() => joinList(undefined)).toThrow(WordingError);
  });
  it('join with a last word', () => {
    const items = ['行政单位离退休', '机关事业单位基本养老保险缴费支出', '机关事业单位职业年金缴费支出', '其他行政事业单位养老支出'];
    expect(joinWithLast(items, '及')).toBe('行政单位离退休、机关事业单位基本养老保险缴费支出、机关事业单位职业年金缴费支出及其他行政事业单位养老支出');
    expect(joinWithLast(['行政单位医疗', '公务员医疗补助'], '及')).toBe('行政单位医疗及公务员医疗补助');
    expect(joinWithLast(['住房公积金', '提租补贴'], '及', '和')).toBe('住房公积金和提租补贴');
    expect(joinWithLast(['A', 'B', 'C'], '及', '和')).toBe('A、B及C');
    expect(joinWithLast(['A'], '及')).toBe('A');
    expect(joinWithLast([], '及')).toBe('');
  });
  const labels = { fiscal: '财政拨款收入', superior: '上级补助收入', business: '事业收入', operating: '经营收入', affiliated: '附属单位上缴收入', other: '其他收入' };
  const income: Part[] = [
    { key: 'fiscal', amount: d('933.96'), percent: d('100') },
    ...['superior', 'business', 'operating', 'affiliated', 'other'].map((key) => ({ key, amount: d('0'), percent: d('0') })),
  ];
  it('noneOf: the labels of the zero items, "" when none', () => {
    expect(noneOf(income, labels)).toBe('上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入');
    expect(noneOf(['上缴上级支出', '经营支出'])).toBe('上缴上级支出、经营支出');
    expect(noneOf([])).toBe('');
    expect(noneOf(income.slice(0, 1), labels)).toBe('');
    expect(() => noneOf(income, { fiscal: '财政拨款收入' })).toThrow(/no label for "superior"/);
  });
  it('nonZero and labelOf', () => {
    expect(nonZero(income).map((p) => p.key)).toEqual(['fiscal']);
    expect(labelOf(labels, 'business')).toBe('事业收入');
    expect(() => labelOf(labels, 'toString')).toThrow(/no label/);
  });
});

describe('numbering', () => {
  it('Chinese numbers 1–26 and 99', () => {
    const expected = '一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 二十一 二十二 二十三 二十四 二十五 二十六'.split(' ');
    expect(Array.from({ length: 26 }, (_, i) => chineseNumber(i + 1))).toEqual(expected);
    expect(chineseNumber(30)).toBe('三十');
    expect(chineseNumber(99)).toBe('九十九');
    expect(chineseNumber('13')).toBe('十三');
    for (const bad of [0, 100, 1.5, -1, '一', undefined]) expect(() => chineseNumber(bad)).toThrow(WordingError);
  });
  it('headings and items', () => {
    expect(chineseSection(13)).toBe('十三、');
    expect(chineseParen(1)).toBe('（一）');
    expect(chineseParen(3, 'half')).toBe('(三)');
    expect(arabicDot(10)).toBe('10.');
    expect(arabicParen(2)).toBe('（2）');
    expect(arabicParen(2, 'half')).toBe('(2)');
    expect(() => arabicDot(0)).toThrow(WordingError);
  });
  it('circled ①–⑳', () => {
    expect(circled(1)).toBe('①');
    expect(circled(4)).toBe('④');
    expect(circled(20)).toBe('⑳');
    expect(() => circled(21)).toThrow(WordingError);
  });
});

describe('dates', () => {
  it('Chinese dates without leading zeros', () => {
    expect(chineseDate('2025-04-21')).toBe('2025年4月21日');
    expect(chineseDate('2021-11-05', true)).toBe('2021 年 11 月 5 日');
    expect(chineseDate('2024-2-29')).toBe('2024年2月29日');
    expect(chineseDate(new Date(2021, 3, 12))).toBe('2021年4月12日');
  });
  it('rejects what is not a calendar date', () => {
    expect(() => chineseDate('2025-02-30')).toThrow(/not a calendar date/);
    expect(() => chineseDate('2025/04/21')).toThrow(WordingError);
    expect(() => chineseDate(undefined)).toThrow(WordingError);
  });
  it('year end', () => {
    expect(yearEnd(2024, true)).toBe('2024 年 12 月 31 日');
    expect(yearEnd(2020)).toBe('2020年12月31日');
    expect(() => yearEnd(24)).toThrow(WordingError);
  });
});

describe('Handlebars helpers', () => {
  it('registers every helper of the template API', () => {
    const hb = Handlebars.create();
    registerHelpers(hb, W2024);
    for (const name of HELPER_NAMES) expect(typeof hb.helpers[name], name).toBe('function');
    expect(Handlebars.helpers['percent']).toBeUndefined();
  });

  it('refuses invalid options', () => {
    expect(() => registerHelpers(Handlebars.create(), { ...W2024, percentPlaces: 1.5 })).toThrow(/percentPlaces/);
    expect(() => registerHelpers(Handlebars.create(), { ...W2024, decline: '' })).toThrow(/decline/);
  });

  it('each helper through a template', () => {
    const r = engine();
    const c = cmp('933.96', '1221.23');
    const e = execution(d('686.23'), d('933.96'));
    const data = { x: d('933.96'), big: d('3411.33'), z: d('0'), p: d('22.65'), c, e, list: ['A', 'B', 'C'], date: '2025-04-21' };
    expect(r('{{amount x}}|{{amount z}}|{{cell big}}|{{cell z}}|{{wan x}}|{{wan x spaced=false}}|{{percent p}}', data)).toBe('933.96|0|3411.33||933.96 万元|933.96万元|22.7%');
    expect(r('{{changeWord c}}|{{growthWord c}}|{{growthWord c decline="降低"}}|{{absAmount c}}|{{absPercent c}}', data)).toBe('减少|下降|降低|287.27|23.5%');
    expect(r('{{changeSentence c}}|{{changeSentence c decline="降低" spaced=false}}', data)).toBe('减少 287.27 万元，下降 23.5%|减少287.27万元，降低23.5%');
    expect(r('{{execWord e}}|{{completion e}}|{{completion e basis="全年预算"}}', data)).toBe('大于|完成年初预算的 136.1%|完成全年预算的 136.1%');
    expect(r('{{join list}}|{{join list "，"}}|{{joinLast list}}|{{joinLast list "和"}}|{{semicolonJoin list}}', data)).toBe('A、B、C|A，B，C|A、B及C|A、B和C|A；B；C');
    expect(r('{{cnNum 26}}|{{cnSection 9}}|{{cnParen 2}}|{{cnParen 2 style="half"}}|{{arabicDot 3}}|{{arabicParen 1 style="half"}}|{{circled 2}}', data)).toBe('二十六|九、|（二）|(二)|3.|(1)|②');
    expect(r('{{cnDate date}}|{{cnDate date spaced=false}}|{{cnYearEnd 2024}}', data)).toBe('2025 年 4 月 21 日|2025年4月21日|2024 年 12 月 31 日');
    expect(r('{{add 2024 -1}}|{{#each list}}{{cnSection (inc @index)}}{{this}}{{/each}}|{{#if (isZero z)}}zero{{/if}}|{{#if (eq c.direction "down")}}down{{/if}}', data)).toBe('2023|一、A二、B三、C|zero|down');
  });

  it('a zero Dec is truthy in #if (presence test); isZero tests the value', () => {
    expect(engine()('{{#if z}}present{{/if}}|{{#if (isZero z)}}zero{{/if}}|{{#if u}}x{{else}}absent{{/if}}', { z: d('0'), u: undefined })).toBe('present|zero|absent');
  });

  it('parenStyle option sets the default bracket', () => {
    expect(engine({ ...W2024, parenStyle: 'half' })('{{cnParen 1}}{{arabicParen 1}}')).toBe('(一)(1)');
  });

  it('errors name the helper and the template position', () => {
    const r = engine();
    expect(() => r('占 {{percent part.percnt}}', { part: { percent: d('1') } })).toThrow(/\{\{percent\}\} at 1:2: value is undefined/);
    expect(() => r('{{changeSentence c declin="降低"}}', { c: cmp('1', '2') })).toThrow(/unknown option declin=/);
    expect(() => r('{{amount}}')).toThrow(/expects 1 argument/);
    expect(() => r('{{amount 0.5}}')).toThrow(/binary float/);
    expect(() => r('{{noneOf parts labels.missing}}', { parts: [], labels: {} })).toThrow(/label map is undefined/);
  });

  it('section 一 of 001, from exact inputs', () => {
    const src =
      '{{year}} 年度收、支总计 {{wan total}}。' +
      '{{#if change}}{{#if (eq change.direction "flat")}}收、支总计{{changeSentence change}}。' +
      '{{else}}与 {{add year -1}} 年度相比，收、支总计各{{changeSentence change}}{{#if change.reason}}，主要原因是{{change.reason}}{{/if}}。{{/if}}{{/if}}';
    const r = engine();
    expect(r(src, { year: 2024, total: d('933.96'), change: cmp('933.96', '1221.23', '缩减开支') })).toBe(
      '2024 年度收、支总计 933.96 万元。与 2023 年度相比，收、支总计各减少 287.27 万元，下降 23.5%，主要原因是缩减开支。',
    );
    // no previous year: the comparison is omitted
    expect(r(src, { year: 2024, total: d('933.96'), change: undefined })).toBe('2024 年度收、支总计 933.96 万元。');
    // flat
    expect(r(src, { year: 2024, total: d('933.96'), change: cmp('933.96', '933.96') })).toBe('2024 年度收、支总计 933.96 万元。收、支总计与上年持平。');
    // 2020 wording: 减少 … ，减少 …% with 2 places
    expect(engine(W2020)(src, { year: 2020, total: d('1329.82'), change: cmp('1329.82', '1330.32', '项目经费减少') })).toBe(
      '2020 年度收、支总计 1329.82 万元。与 2019 年度相比，收、支总计各减少 0.50 万元，减少 0.04%，主要原因是项目经费减少。',
    );
  });

  const parts = (values: Record<string, string>, total: string): Part[] =>
    Object.entries(values).map(([key, v]) => ({ key, amount: d(v), percent: percentOf(d(v), d(total)) }));
  const structure =
    '其中：{{#each (nonZero parts)}}{{labelOf @root.labels key}} {{wan amount}}，占本年{{@root.what}} {{percent percent}}{{#unless @last}}；{{/unless}}{{/each}}' +
    '{{#if (noneOf parts labels)}}；本年度无{{noneOf parts labels}}{{/if}}。';

  it('section 三 of 001, from parts with labels', () => {
    const labels = { basic: '基本支出', project: '项目支出', toSuperior: '上缴上级支出', operating: '经营支出', toAffiliated: '对附属单位补助支出' };
    const data = { what: '支出', labels, parts: parts({ basic: '211.93', project: '722.02', toSuperior: '0', operating: '0', toAffiliated: '0' }, '933.96') };
    expect(engine()(structure, data)).toBe(
      '其中：基本支出 211.93 万元，占本年支出 22.7%；项目支出 722.02 万元，占本年支出 77.3%；本年度无上缴上级支出、经营支出、对附属单位补助支出。',
    );
  });

  it('section 二 of 001: 100% share; 2020 format with 2 places and nothing absent', () => {
    const labels = { fiscal: '财政拨款收入', superior: '上级补助收入', business: '事业收入', operating: '经营收入', affiliated: '附属单位上缴收入', other: '其他收入' };
    const income = parts({ fiscal: '933.96', superior: '0', business: '0', operating: '0', affiliated: '0', other: '0' }, '933.96');
    expect(engine()(structure, { what: '收入', labels, parts: income })).toBe(
      '其中：财政拨款收入 933.96 万元，占本年收入 100%；本年度无上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入。',
    );
    const exp2020 = parts({ basic: '269.71', project: '395.20' }, '664.91');
    expect(engine(W2020)(structure, { what: '支出', labels: { basic: '基本支出', project: '项目支出' }, parts: exp2020 })).toBe(
      '其中：基本支出 269.71 万元，占本年支出 40.56%；项目支出 395.20 万元，占本年支出 59.44%。',
    );
  });

  it('a budget line of section 五(三), over / equal / zero budget', () => {
    const src =
      '{{arabicDot n}} {{join names "、"}}。年初预算为 {{wan line.budget}}，支出决算为 {{wan line.actual}}' +
      '{{#if line.percent}}，{{completion line}}{{/if}}' +
      '{{#if (execWord line)}}，支出决算数{{execWord line}}年初预算数的主要原因：{{reason}}{{/if}}。';
    const r = engine();
    const names = ['一般公共服务支出(类)群众团体事务(款)行政运行(项)'];
    expect(r(src, { n: 1, names, line: execution(d('108.59'), d('98.60')), reason: '项目指标调整' })).toBe(
      '1. 一般公共服务支出(类)群众团体事务(款)行政运行(项)。年初预算为 108.59 万元，支出决算为 98.60 万元，完成年初预算的 90.8%，支出决算数小于年初预算数的主要原因：项目指标调整。',
    );
    expect(r(src, { n: 10, names: ['住房保障支出（类）住房改革支出（款）提租补贴（项）'], line: execution(d('0.74'), d('0.74')), reason: '' })).toBe(
      '10. 住房保障支出（类）住房改革支出（款）提租补贴（项）。年初预算为 0.74 万元，支出决算为 0.74 万元，完成年初预算的 100%。',
    );
    expect(r(src, { n: 2, names: ['X'], line: execution(d('0'), d('5')), reason: '年中追加预算' })).toBe(
      '2. X。年初预算为 0 万元，支出决算为 5.00 万元，支出决算数大于年初预算数的主要原因：年中追加预算。',
    );
  });

  it('section 十 of 001: 降低 as a per-call override', () => {
    const r = engine();
    expect(r('比年初预算数{{changeSentence vs decline="降低"}}。', { vs: cmp('52.91', '60.95') })).toBe('比年初预算数减少 8.04 万元，降低 13.2%。');
  });
});
