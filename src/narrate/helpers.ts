// Narrative stage, wording: the Handlebars helpers the booklet templates use to print figures.
// Helpers compute no new figures (sums, shares, changes and execution rates arrive as exact Dec
// values from the derive stage); they only round half up on the exact value and choose words.
// Every helper is also exported as a plain function for reuse and unit tests.
//
// Conventions (the template API):
// - Numbers only: `amount`, `cell`, `yuan`, `percent`, `absAmount`, `absPercent` return the bare figure
//   ("933.96", "22.7%"); the template writes the spaces and units around them, so
//   `收、支总计 {{amount x}} 万元` and `总额{{amount x}}万元` are both possible.
// - Composed phrases (`wan`, `changeSentence`, `completion`, `cnDate`, `cnYearEnd`) put a space
//   between Arabic figures and Chinese words when the `spaced` option is on (default: on, the
//   habit of the reference booklets: "减少 287.27 万元，下降 23.5%"); `spaced=false` on a call
//   overrides it ("2021年4月12日").
// - A required value that is undefined throws (with the helper name and template line:column):
//   Handlebars strict mode does not catch a missing helper argument, so a typo would otherwise
//   print "占本年收入 %". Optional figures are tested in the template with {{#if x.percent}} —
//   a Dec is an object, so it is truthy even when zero.
// - Helpers returning "" when there is nothing to say (`noneOf`, `changeWord` and `growthWord`
//   on a flat change, `execWord` on an equal execution, `completion` on a zero budget) can be
//   used as conditions: {{#if (noneOf parts labels)}}本年度无{{noneOf parts labels}}。{{/if}}
// - Per-call overrides go in the hash, e.g. {{changeSentence c decline="降低"}}; an unknown hash
//   key throws.
import type Handlebars from 'handlebars';
import dayjs from 'dayjs';
import { Dec, roundHalfUp, formatFixed, parseDecimalText, wanToYuan, type Change } from '../money/decimal.ts';
import {
  WordingError,
  describe,
  toOrdinal,
  chineseNumber,
  chineseSection,
  chineseParen,
  arabicDot,
  arabicParen,
  circled,
  type ParenStyle,
} from './chinese-numbers.ts';

export { WordingError, chineseNumber, chineseSection, chineseParen, arabicDot, arabicParen, circled, type ParenStyle };

/** The profile's wording settings. */
export interface WordingOptions {
  /** decimals of percentages: 1 (2024 format) or 2 (2020 format) */
  percentPlaces: number;
  /**
   * Print a percentage whose exact value is an integer without decimals: "100%" rather than
   * "100.0%" (both references: "占本年收入 100%", "完成年初预算的100%"). Only exact integers are
   * trimmed: 99.96 prints "100.0%" and 0.04 prints "0.0%", so a rounded figure never reads as exact.
   */
  trimIntegerPercent: boolean;
  /** thousands separators in running-text amounts (001: no, "1329.82 万元") */
  thousands: boolean;
  /** thousands separators in table cells (000: "3,411.33") */
  tableThousands: boolean;
  /** amount change words: 增加 / 减少 */
  increase: string;
  decrease: string;
  /** percent change words: 增长 / 下降 (2020: 增加 / 减少; 001 section 十 uses 降低 — override per call) */
  growth: string;
  decline: string;
  /** what a flat change says: 与上年持平 */
  flat: string;
  /** a space between Arabic figures and Chinese words in composed phrases; default true */
  spaced?: boolean;
  /** bracket style of cnParen / arabicParen: 'full' （一） or 'half' (一); default 'full' */
  parenStyle?: ParenStyle;
  /**
   * Text printed by `amount` / `wan` for an amount that is exactly zero, e.g. "0" (both references
   * write "全年预算为 0 万元"); default: no special case ("0.00").
   */
  zeroAmount?: string;
}

/** Options of registerHelpers: the profile's wording settings. */
export type HelperOptions = WordingOptions;

// ---------------------------------------------------------------------------------------------
// Values

/**
 * An exact decimal from a template argument: a Dec (any decimal.js clone), decimal text ("933.96",
 * "3,411.33") or a safe integer. Binary fractions (0.1) are refused: amounts never pass through
 * floats. undefined / null throw — guard optional figures with {{#if}}.
 */
export function toDec(x: unknown): Dec {
  if (x instanceof Dec) return x;
  if (Dec.isDecimal(x)) return new Dec((x as { toString(): string }).toString());
  if (typeof x === 'string') {
    const parsed = parseDecimalText(x);
    if (parsed) return parsed.value;
  }
  if (typeof x === 'number' && Number.isSafeInteger(x)) return new Dec(x);
  if (x === undefined || x === null) throw new WordingError(`value is ${describe(x)} (guard optional figures with {{#if …}})`);
  if (typeof x === 'number') throw new WordingError(`${x} is a binary float; pass an exact Dec`);
  throw new WordingError(`expected a decimal, got ${describe(x)}`);
}

/** Round half up and print with fixed places; a value that rounds to zero never prints as "-0.00". */
function fixed(x: Dec, places: number, thousands = false): string {
  return formatFixed(roundHalfUp(x, places).isZero() ? x.abs() : x, places, thousands);
}

/** Running-text amount in 万元, 2 decimals: 933.96 → "933.96" (separators per `thousands`). */
export function formatAmount(x: unknown, opts: Pick<WordingOptions, 'thousands' | 'zeroAmount'>): string {
  const d = toDec(x);
  if (d.isZero() && opts.zeroAmount !== undefined) return opts.zeroAmount;
  return fixed(d, 2, opts.thousands);
}

/** Table cell: "" for zero or absent, else 2 decimals (separators per `tableThousands`): "3,411.33". */
export function formatCell(x: unknown, opts: Pick<WordingOptions, 'tableThousands'>): string {
  if (x === undefined || x === null || x === '') return '';
  const d = toDec(x);
  return d.isZero() ? '' : fixed(d, 2, opts.tableThousands);
}

/** Amount with its unit: "933.96 万元" (spaced) or "933.96万元". */
export function formatWan(x: unknown, opts: Pick<WordingOptions, 'thousands' | 'zeroAmount' | 'spaced'>, unit = '万元'): string {
  return formatAmount(x, opts) + sp(opts) + unit;
}

/**
 * An amount (an exact Dec in 万元, as every amount is held) printed in 元, 2 decimals, with
 * thousands separators unless `thousands` is false: 478.5799996 → "4,785,799.96" (002 writes its
 * 元 amounts so: "4,785,799.96元"). Exactly zero prints `zeroAmount` when set.
 */
export function formatYuan(x: unknown, opts: Pick<WordingOptions, 'zeroAmount'> & { thousands?: boolean }): string {
  const d = toDec(x);
  if (d.isZero() && opts.zeroAmount !== undefined) return opts.zeroAmount;
  return fixed(wanToYuan(d), 2, opts.thousands ?? true);
}

/**
 * A percentage from an exact percent Dec (already × 100): 22.65 → "22.7%" (1 place), 0.045 →
 * "0.05%" (2 places); exact integers print "100%" when trimIntegerPercent. Throws on undefined.
 */
export function formatPercent(p: unknown, opts: Pick<WordingOptions, 'percentPlaces' | 'trimIntegerPercent'>): string {
  const d = toDec(p);
  if (opts.trimIntegerPercent && d.isInteger()) return fixed(d, 0) + '%';
  return fixed(d, opts.percentPlaces) + '%';
}

// ---------------------------------------------------------------------------------------------
// Year-on-year changes (Comparison / Change from the derive stage)

type Direction = Change['direction'];
type ChangeWords = Pick<WordingOptions, 'increase' | 'decrease' | 'growth' | 'decline' | 'flat'>;

function asChange(c: unknown): Change {
  if (typeof c !== 'object' || c === null) throw new WordingError(`expected a change (delta, percent, direction), got ${describe(c)} (guard a missing previous year with {{#if …}})`);
  const o = c as Record<string, unknown>;
  const direction = o['direction'];
  if (direction !== 'up' && direction !== 'down' && direction !== 'flat') throw new WordingError(`not a change: direction is ${describe(direction)}`);
  if (!Dec.isDecimal(o['delta'])) throw new WordingError('not a change: delta is not a decimal');
  return c as Change;
}

/** 增加 / 减少 by direction; "" for a flat change. */
export function changeWord(c: unknown, words: Pick<ChangeWords, 'increase' | 'decrease'>): string {
  const dir: Direction = asChange(c).direction;
  return dir === 'up' ? words.increase : dir === 'down' ? words.decrease : '';
}

/** 增长 / 下降 by direction; "" for a flat change. */
export function growthWord(c: unknown, words: Pick<ChangeWords, 'growth' | 'decline'>): string {
  const dir: Direction = asChange(c).direction;
  return dir === 'up' ? words.growth : dir === 'down' ? words.decline : '';
}

/** |delta| as a running-text amount: "287.27". */
export function absAmount(c: unknown, opts: Pick<WordingOptions, 'thousands' | 'zeroAmount'>): string {
  return formatAmount(toDec(asChange(c).delta).abs(), opts);
}

/** |percent| of a change: "23.5%"; throws when the previous year is zero (no percentage). */
export function absPercent(c: unknown, opts: Pick<WordingOptions, 'percentPlaces' | 'trimIntegerPercent'>): string {
  const ch = asChange(c);
  if (ch.percent === undefined) throw new WordingError('the change has no percentage (previous value is zero); guard with {{#if c.percent}}');
  return formatPercent(toDec(ch.percent).abs(), opts);
}

/**
 * "减少 287.27 万元，下降 23.5%"; a flat change says `flat` ("与上年持平"); a zero previous value
 * gives the amount part only ("增加 12.00 万元").
 */
export function changeSentence(c: unknown, opts: WordingOptions, unit = '万元'): string {
  const ch = asChange(c);
  if (ch.direction === 'flat') return opts.flat;
  const s = sp(opts);
  const amountPart = `${changeWord(ch, opts)}${s}${absAmount(ch, opts)}${s}${unit}`;
  return ch.percent === undefined ? amountPart : `${amountPart}，${growthWord(ch, opts)}${s}${absPercent(ch, opts)}`;
}

// ---------------------------------------------------------------------------------------------
// Budget execution (Execution from the derive stage)

export interface ExecutionWords {
  over: string;
  under: string;
  equal: string;
}

export const DEFAULT_EXECUTION_WORDS: ExecutionWords = { over: '大于', under: '小于', equal: '' };

function asExecution(e: unknown): { direction: 'over' | 'under' | 'equal'; percent: unknown } {
  if (typeof e !== 'object' || e === null) throw new WordingError(`expected an execution (budget, actual, percent, direction), got ${describe(e)}`);
  const o = e as Record<string, unknown>;
  const direction = o['direction'];
  if (direction !== 'over' && direction !== 'under' && direction !== 'equal') throw new WordingError(`not an execution: direction is ${describe(direction)}`);
  return { direction, percent: o['percent'] };
}

/** 大于 / 小于 by actual vs budget; "" when equal (so the reason clause can be skipped with #if). */
export function execWord(e: unknown, words: ExecutionWords = DEFAULT_EXECUTION_WORDS): string {
  return words[asExecution(e).direction];
}

/** "完成年初预算的 136.1%"; "" for a zero budget (no percentage). `basis`: 年初预算 / 全年预算 / 预算. */
export function completion(e: unknown, opts: WordingOptions, basis = '年初预算'): string {
  const { percent } = asExecution(e);
  if (percent === undefined) return '';
  return `完成${basis}的${sp(opts)}${formatPercent(percent, opts)}`;
}

// ---------------------------------------------------------------------------------------------
// Enumerations

function asList(list: unknown): string[] {
  if (!Array.isArray(list)) throw new WordingError(`expected a list, got ${describe(list)}`);
  return list.map((item, i) => {
    if (typeof item === 'number' || (typeof item === 'string' && item.trim() !== '')) return String(item);
    throw new WordingError(`item ${i + 1} of the list is ${describe(item)}`);
  });
}

/** ["A","B","C"] → "A、B、C" (or with another separator, e.g. "；"); [] → "". */
export function joinList(list: unknown, sep = '、'): string {
  return asList(list).join(sep);
}

/** ["A","B","C"] → "A、B及C"; two items use `pair` (default `last`): "A和B"; [] → "". */
export function joinWithLast(list: unknown, last = '及', pair: string = last): string {
  const items = asList(list);
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return items[0]! + pair + items[1]!;
  return items.slice(0, -1).join('、') + last + items[items.length - 1]!;
}

interface Keyed {
  key: string;
  amount: unknown;
}

function asParts(parts: unknown): Keyed[] {
  if (!Array.isArray(parts)) throw new WordingError(`expected a list of parts, got ${describe(parts)}`);
  return parts.map((p, i) => {
    if (typeof p !== 'object' || p === null || !('amount' in p)) throw new WordingError(`item ${i + 1} is not a part (key, amount)`);
    return p as Keyed;
  });
}

/** The label of a key: labelOf({basic:"基本支出"}, "basic") → "基本支出"; a missing label throws. */
export function labelOf(labels: unknown, key: unknown): string {
  if (typeof labels !== 'object' || labels === null) throw new WordingError(`expected a label map, got ${describe(labels)}`);
  const k = String(key);
  const label = Object.prototype.hasOwnProperty.call(labels, k) ? (labels as Record<string, unknown>)[k] : undefined;
  if (typeof label !== 'string' || label === '') throw new WordingError(`no label for "${k}"`);
  return label;
}

/** The parts whose amount is not exactly zero, in order. */
export function nonZero<T>(parts: readonly T[]): T[] {
  return asParts(parts).filter((p) => !toDec(p.amount).isZero()) as T[];
}

/**
 * The "本年度无…" list: the labels of the zero items joined with "、", "" when there are none.
 * Either a list of labels, or a list of parts plus a key → label map (the parts whose amount is
 * exactly zero are named).
 */
export function noneOf(labelsOrParts: unknown, labels?: unknown): string {
  if (labels === undefined) return joinList(labelsOrParts);
  return joinList(asParts(labelsOrParts).filter((p) => toDec(p.amount).isZero()).map((p) => labelOf(labels, p.key)));
}

// ---------------------------------------------------------------------------------------------
// Dates

const ISO_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;

/**
 * "2025-04-21" (or a Date, read in local time) → "2025年4月21日", spaced "2025 年 4 月 21 日";
 * invalid dates throw. (The cnDate / cnYearEnd helpers follow the profile's `spaced` instead.)
 */
export function chineseDate(d: unknown, spaced = false): string {
  let day: dayjs.Dayjs;
  if (typeof d === 'string' && ISO_DATE.test(d.trim())) {
    const [y, m, dd] = d.trim().split('-').map(Number) as [number, number, number];
    day = dayjs(new Date(y, m - 1, dd));
    if (day.year() !== y || day.month() !== m - 1 || day.date() !== dd) throw new WordingError(`${JSON.stringify(d)} is not a calendar date`);
  } else if (d instanceof Date && !Number.isNaN(d.getTime())) {
    day = dayjs(d);
  } else {
    throw new WordingError(`expected a date "YYYY-MM-DD", got ${describe(d)}`);
  }
  return day.format(spaced ? 'YYYY 年 M 月 D 日' : 'YYYY年M月D日');
}

/** 2024 → "2024 年 12 月 31 日" (spaced, as in "截至 2024 年 12 月 31 日") or "2024年12月31日". */
export function yearEnd(year: unknown, spaced = false): string {
  return chineseDate(`${toOrdinal(year, 1000, 9999)}-12-31`, spaced);
}

// ---------------------------------------------------------------------------------------------
// Handlebars registration

/** What Handlebars passes as the last argument of a helper call. */
interface CallOptions {
  name?: string;
  hash?: Record<string, unknown>;
  loc?: { start: { line: number; column: number } };
}

type HashSpec = Record<string, 'string' | 'boolean'>;

const WORD_HASH: HashSpec = { increase: 'string', decrease: 'string', growth: 'string', decline: 'string', flat: 'string' };

/** Every helper registered by registerHelpers (the template API). */
export const HELPER_NAMES = [
  'amount', 'cell', 'wan', 'yuan', 'percent',
  'changeWord', 'growthWord', 'absAmount', 'absPercent', 'changeSentence',
  'execWord', 'completion',
  'join', 'joinLast', 'semicolonJoin', 'noneOf', 'zeroLabels', 'nonZero', 'labelOf', 'isZero',
  'cnNum', 'cnSection', 'cnParen', 'arabicDot', 'arabicParen', 'circled',
  'cnDate', 'cnYearEnd',
  'eq', 'add', 'inc',
] as const;

function validateOptions(o: WordingOptions): void {
  if (!Number.isInteger(o.percentPlaces) || o.percentPlaces < 0 || o.percentPlaces > 6) throw new WordingError(`percentPlaces must be an integer 0–6, got ${describe(o.percentPlaces)}`);
  for (const k of ['trimIntegerPercent', 'thousands', 'tableThousands'] as const) {
    if (typeof o[k] !== 'boolean') throw new WordingError(`${k} must be true or false`);
  }
  for (const k of ['increase', 'decrease', 'growth', 'decline', 'flat'] as const) {
    if (typeof o[k] !== 'string' || o[k] === '') throw new WordingError(`${k} must be a non-empty string`);
  }
  if (o.spaced !== undefined && typeof o.spaced !== 'boolean') throw new WordingError('spaced must be true or false');
  if (o.parenStyle !== undefined && o.parenStyle !== 'full' && o.parenStyle !== 'half') throw new WordingError('parenStyle must be "full" or "half"');
  if (o.zeroAmount !== undefined && typeof o.zeroAmount !== 'string') throw new WordingError('zeroAmount must be a string');
}

function sp(o: Pick<WordingOptions, 'spaced'>): string {
  return o.spaced === false ? '' : ' ';
}

/**
 * Register the wording helpers on an isolated Handlebars instance (Handlebars.create()).
 * Errors carry the helper name and the template position: `{{percent}} at 3:12: value is undefined …`.
 */
export function registerHelpers(hb: typeof Handlebars, options: HelperOptions): void {
  validateOptions(options);
  const base: WordingOptions & { spaced: boolean; parenStyle: ParenStyle } = {
    ...options,
    spaced: options.spaced ?? true,
    parenStyle: options.parenStyle ?? 'full',
  };

  /** Define a helper taking `min`–`max` positional arguments and the given hash keys. */
  const define = (
    name: (typeof HELPER_NAMES)[number],
    min: number,
    max: number,
    hashSpec: HashSpec,
    body: (args: unknown[], hash: Record<string, unknown>) => unknown,
  ): void => {
    hb.registerHelper(name, (...all: unknown[]) => {
      const call = (all.pop() ?? {}) as CallOptions;
      const where = call.loc ? ` at ${call.loc.start.line}:${call.loc.start.column}` : '';
      try {
        if (all.length < min || all.length > max) {
          const n = min === max ? `${min}` : `${min}–${max}`;
          throw new WordingError(`expects ${n} argument(s), got ${all.length}`);
        }
        const hash = call.hash ?? {};
        for (const [k, v] of Object.entries(hash)) {
          const type = hashSpec[k];
          if (!type) throw new WordingError(`unknown option ${k}= (known: ${Object.keys(hashSpec).join(', ') || 'none'})`);
          if (typeof v !== type) throw new WordingError(`option ${k}= must be a ${type}`);
          if (v === '' && k !== 'equal') throw new WordingError(`option ${k}= must not be empty`);
        }
        return body(all, hash);
      } catch (e) {
        if (e instanceof WordingError) throw new WordingError(`{{${name}}}${where}: ${e.message}`);
        throw e;
      }
    });
  };
  /** The profile options with the call's hash overrides. */
  const withHash = (hash: Record<string, unknown>): WordingOptions => ({ ...base, ...(hash as Partial<WordingOptions>) });
  const paren = (hash: Record<string, unknown>): ParenStyle => (hash['style'] as ParenStyle | undefined) ?? base.parenStyle;

  // Figures
  /** {{amount x}} → "933.96" */
  define('amount', 1, 1, {}, ([x]) => formatAmount(x, base));
  /** {{cell x}} → "3,411.33", "" for zero or absent */
  define('cell', 1, 1, {}, ([x]) => formatCell(x, base));
  /** {{wan x}} → "933.96 万元"; {{wan x spaced=false}} → "933.96万元" */
  define('wan', 1, 1, { spaced: 'boolean', unit: 'string' }, ([x], h) => formatWan(x, withHash(h), (h['unit'] as string | undefined) ?? '万元'));
  /** {{yuan x}} → "4,785,799.96" (x in 万元, printed in 元); {{yuan x thousands=false}} → "4785799.96" */
  define('yuan', 1, 1, { thousands: 'boolean' }, ([x], h) => formatYuan(x, { zeroAmount: base.zeroAmount, thousands: h['thousands'] as boolean | undefined }));
  /** {{percent p}} → "22.7%" (throws on undefined: guard with {{#if p}}) */
  define('percent', 1, 1, {}, ([p]) => formatPercent(p, base));

  // Changes
  /** {{changeWord c}} → "减少"; "" when flat */
  define('changeWord', 1, 1, { increase: 'string', decrease: 'string' }, ([c], h) => changeWord(c, withHash(h)));
  /** {{growthWord c}} → "下降"; {{growthWord c decline="降低"}} → "降低"; "" when flat */
  define('growthWord', 1, 1, { growth: 'string', decline: 'string' }, ([c], h) => growthWord(c, withHash(h)));
  /** {{absAmount c}} → "287.27" */
  define('absAmount', 1, 1, {}, ([c]) => absAmount(c, base));
  /** {{absPercent c}} → "23.5%" (throws when the previous value is zero: guard with {{#if c.percent}}) */
  define('absPercent', 1, 1, {}, ([c]) => absPercent(c, base));
  /** {{changeSentence c}} → "减少 287.27 万元，下降 23.5%" / "与上年持平" / "增加 12.00 万元" */
  define('changeSentence', 1, 1, { ...WORD_HASH, spaced: 'boolean', unit: 'string' }, ([c], h) =>
    changeSentence(c, withHash(h), (h['unit'] as string | undefined) ?? '万元'),
  );

  // Execution
  /** {{execWord e}} → "大于" / "小于" / "" (equal); words overridable: over= under= equal= */
  define('execWord', 1, 1, { over: 'string', under: 'string', equal: 'string' }, ([e], h) =>
    execWord(e, { ...DEFAULT_EXECUTION_WORDS, ...(h as Partial<ExecutionWords>) }),
  );
  /** {{completion e}} → "完成年初预算的 136.1%"; {{completion e basis="全年预算"}}; "" for a zero budget */
  define('completion', 1, 1, { basis: 'string', spaced: 'boolean' }, ([e], h) =>
    completion(e, withHash(h), (h['basis'] as string | undefined) ?? '年初预算'),
  );

  // Enumerations
  /** {{join list}} → "A、B、C"; {{join list "，"}} */
  define('join', 1, 2, {}, ([list, sep]) => joinList(list, sep === undefined ? '、' : String(sep)));
  /** {{joinLast list "及"}} → "A、B及C", "A及B"; {{joinLast list "及" "和"}} → "A、B及C", "A和B" */
  define('joinLast', 1, 3, {}, ([list, last, pair]) => {
    const l = last === undefined ? '及' : String(last);
    return joinWithLast(list, l, pair === undefined ? l : String(pair));
  });
  /** {{semicolonJoin list}} → "A；B；C" */
  define('semicolonJoin', 1, 1, {}, ([list]) => joinList(list, '；'));
  /** {{noneOf labels}} or {{noneOf parts labelMap}} → "上缴上级支出、经营支出"; "" when none */
  define('noneOf', 1, 2, {}, (args) => {
    if (args.length === 2 && args[1] === undefined) throw new WordingError('the label map is undefined');
    return noneOf(args[0], args[1]);
  });
  /** {{joinLast (zeroLabels parts labelMap) "及" "和"}} → the labels of the zero parts, as a list */
  define('zeroLabels', 2, 2, {}, ([parts, labels]) => asParts(parts).filter((p) => toDec(p.amount).isZero()).map((p) => labelOf(labels, p.key)));
  /** {{#each (nonZero parts)}} → the parts with a non-zero amount */
  define('nonZero', 1, 1, {}, ([parts]) => nonZero(parts as unknown[]));
  /** {{labelOf labels key}} → "基本支出"; a missing label throws (unlike the built-in lookup) */
  define('labelOf', 2, 2, {}, ([labels, key]) => labelOf(labels, key));
  /** {{#if (isZero x)}} → true when x is exactly zero */
  define('isZero', 1, 1, {}, ([x]) => toDec(x).isZero());

  // Numbering
  /** {{cnNum 26}} → "二十六" (1–99) */
  define('cnNum', 1, 1, {}, ([n]) => chineseNumber(n));
  /** {{cnSection 1}} → "一、" */
  define('cnSection', 1, 1, {}, ([n]) => chineseSection(n));
  /** {{cnParen 1}} → "（一）"; {{cnParen 1 style="half"}} → "(一)" */
  define('cnParen', 1, 1, { style: 'string' }, ([n], h) => chineseParen(n, paren(h)));
  /** {{arabicDot 1}} → "1." */
  define('arabicDot', 1, 1, {}, ([n]) => arabicDot(n));
  /** {{arabicParen 1}} → "（1）"; {{arabicParen 1 style="half"}} → "(1)" */
  define('arabicParen', 1, 1, { style: 'string' }, ([n], h) => arabicParen(n, paren(h)));
  /** {{circled 1}} → "①" (1–20) */
  define('circled', 1, 1, {}, ([n]) => circled(n));

  // Dates
  /** {{cnDate "2025-04-21"}} → "2025 年 4 月 21 日"; spaced=false → "2025年4月21日" */
  define('cnDate', 1, 1, { spaced: 'boolean' }, ([d], h) => chineseDate(d, withHash(h).spaced !== false));
  /** {{cnYearEnd 2024}} → "2024 年 12 月 31 日"; spaced=false → "2024年12月31日" */
  define('cnYearEnd', 1, 1, { spaced: 'boolean' }, ([y], h) => yearEnd(y, withHash(h).spaced !== false));

  // Small template utilities
  /** {{#if (eq c.direction "flat")}} → strict equality of two plain values */
  define('eq', 2, 2, {}, ([a, b]) => a === b);
  /** {{add year -1}} → 2023 (integers only: years, indexes) */
  define('add', 2, 2, {}, ([a, b]) => toOrdinal(a, -1e9, 1e9) + toOrdinal(b, -1e9, 1e9));
  /** {{cnSection (inc @index)}} → @index + 1 */
  define('inc', 1, 1, {}, ([n]) => toOrdinal(n, 0, Number.MAX_SAFE_INTEGER) + 1);
}
