// Section and item numbering used in the booklet: 一、 （一） 1. (1) ①. Pure functions; the
// Handlebars wrappers live in helpers.ts.

/** Thrown by the wording functions on a value they cannot word (out of range, missing, wrong type). */
export class WordingError extends Error {
  override name = 'WordingError';
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Parenthesis style: 'full' （一）（1） as in formal documents, 'half' (一)(1). */
export type ParenStyle = 'full' | 'half';

/** Accepts an integer, or a string of digits (values read from data or template literals). */
export function toOrdinal(n: unknown, min: number, max: number): number {
  const v = typeof n === 'string' && /^\d+$/.test(n.trim()) ? Number(n.trim()) : n;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new WordingError(`expected an integer ${min}–${max}, got ${describe(n)}`);
  if (v < min || v > max) throw new WordingError(`${v} is out of range ${min}–${max}`);
  return v;
}

export function describe(x: unknown): string {
  if (x === undefined) return 'undefined';
  if (x === null) return 'null';
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'object') return Array.isArray(x) ? 'an array' : 'an object';
  return String(x);
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 26 → 二十六, 99 → 九十九 (range 1–99). */
export function chineseNumber(n: unknown): string {
  const v = toOrdinal(n, 1, 99);
  const tens = Math.floor(v / 10);
  const ones = v % 10;
  if (tens === 0) return DIGITS[ones]!;
  return (tens === 1 ? '' : DIGITS[tens]!) + '十' + (ones === 0 ? '' : DIGITS[ones]!);
}

/** 1 → 一、 (first-level heading). */
export function chineseSection(n: unknown): string {
  return chineseNumber(n) + '、';
}

/** 1 → （一） or (一) (second-level heading). */
export function chineseParen(n: unknown, style: ParenStyle = 'full'): string {
  return paren(chineseNumber(n), style);
}

/** 1 → 1. (third-level item; the template adds any space after the dot). */
export function arabicDot(n: unknown): string {
  return `${toOrdinal(n, 1, Number.MAX_SAFE_INTEGER)}.`;
}

/** 1 → （1） or (1) (fourth-level item). */
export function arabicParen(n: unknown, style: ParenStyle = 'full'): string {
  return paren(String(toOrdinal(n, 1, Number.MAX_SAFE_INTEGER)), style);
}

/** 1 → ①, 20 → ⑳ (U+2460–U+2473; range 1–20, the range the booklet fonts cover). */
export function circled(n: unknown): string {
  return String.fromCodePoint(0x2460 + toOrdinal(n, 1, 20) - 1);
}

function paren(text: string, style: ParenStyle): string {
  if (style === 'full') return `（${text}）`;
  if (style === 'half') return `(${text})`;
  throw new WordingError(`paren style must be "full" or "half", got ${describe(style)}`);
}
