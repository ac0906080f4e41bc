// Exact decimal arithmetic for money, shares and scores. Never use binary floats for amounts:
// every value is a decimal.js Decimal configured to round half up.
import { Decimal as DecimalLib } from 'decimal.js';

export const Dec = DecimalLib.clone({ precision: 60, rounding: DecimalLib.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const HUNDRED = new Dec(100);
export const TEN_THOUSAND = new Dec(10000);

/** Plain number, optionally with "," thousands separators grouped by three, optional sign. */
const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export interface ParsedNumber {
  readonly value: Dec;
  /** digits after the decimal point as written ("3.10" → 2) */
  readonly places: number;
}

/** Parse a number as the user wrote it; returns undefined when the text is not a number. */
export function parseDecimalText(text: string): ParsedNumber | undefined {
  const t = text.trim();
  if (!NUMBER_TEXT.test(t)) return undefined;
  const plain = t.replace(/,/g, '');
  const dot = plain.indexOf('.');
  return { value: new Dec(plain), places: dot < 0 ? 0 : plain.length - dot - 1 };
}

export function sum(values: readonly (Dec | undefined)[]): Dec {
  let s = ZERO;
  for (const v of values) if (v) s = s.plus(v);
  return s;
}

/** Round half up to `places` decimals on the exact value. */
export function roundHalfUp(x: Dec, places: number): Dec {
  return x.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
}

/** 元 → 万元, exact. */
export function yuanToWan(x: Dec): Dec {
  return x.dividedBy(TEN_THOUSAND);
}

/** 万元 → 元, exact. */
export function wanToYuan(x: Dec): Dec {
  return x.times(TEN_THOUSAND);
}

/** part / whole as a percentage (exact, unrounded); undefined when whole is zero. */
export function percentOf(part: Dec, whole: Dec): Dec | undefined {
  if (whole.isZero()) return undefined;
  return part.dividedBy(whole).times(HUNDRED);
}

export interface Change {
  readonly current: Dec;
  readonly previous: Dec;
  /** current − previous */
  readonly delta: Dec;
  /** delta / previous × 100, undefined when previous is zero */
  readonly percent: Dec | undefined;
  readonly direction: 'up' | 'down' | 'flat';
}

export function changeOf(current: Dec, previous: Dec): Change {
  const delta = current.minus(previous);
  return {
    current,
    previous,
    delta,
    percent: percentOf(delta, previous),
    direction: delta.isZero() ? 'flat' : delta.isPositive() ? 'up' : 'down',
  };
}

/** Fixed decimals, half up, optional thousands separators. */
export function formatFixed(x: Dec, places: number, thousands = false): string {
  const s = roundHalfUp(x, places).toFixed(places);
  if (!thousands) return s;
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [int, frac] = body.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
}
