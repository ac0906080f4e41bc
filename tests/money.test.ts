// Property tests of the money arithmetic: exact sums, half-up rounding on exact values,
// shares, changes, 万元/元 conversion, formatting.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec, sum, roundHalfUp, percentOf, changeOf, yuanToWan, wanToYuan, formatFixed, parseDecimalText } from '../src/money/decimal.ts';

/** Amounts as exact cents (integers), the smallest unit of a 2-decimal figure. */
const cents = fc.bigInt({ min: 0n, max: 10n ** 13n });
const toDec = (c: bigint) => new Dec(c.toString()).dividedBy(100);
const text2 = (c: bigint) => `${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`;

describe('money', () => {
  it('sums are exact: Σ of 2-decimal amounts equals the integer sum of cents', () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 60 }), (cs) => {
        const expected = cs.reduce((a, b) => a + b, 0n);
        expect(sum(cs.map(toDec)).times(100).toFixed()).toBe(expected.toString());
      }),
    );
  });

  it('parses what it prints: text → Dec → text is the identity, with or without thousands separators', () => {
    fc.assert(
      fc.property(cents, fc.boolean(), (c, grouped) => {
        const d = toDec(c);
        const t = formatFixed(d, 2, grouped);
        const parsed = parseDecimalText(t)!;
        expect(parsed.places).toBe(2);
        expect(parsed.value.eq(d)).toBe(true);
        expect(formatFixed(d, 2)).toBe(text2(c));
      }),
    );
  });

  it('rounds half up on the exact value, at any number of places', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 6 }), (n, places, extra) => {
        // n / 10^(places+extra): compute the expected half-up result with integer arithmetic
        const scale = 10n ** BigInt(extra);
        const x = new Dec(n.toString()).dividedBy(new Dec(10).pow(places + extra));
        const q = n / scale;
        const r = n % scale;
        const up = r * 2n >= scale ? 1n : 0n;
        const expected = new Dec((q + up).toString()).dividedBy(new Dec(10).pow(places));
        expect(roundHalfUp(x, places).eq(expected)).toBe(true);
      }),
    );
  });

  it('rounds the classic float traps correctly', () => {
    expect(roundHalfUp(new Dec('1.005'), 2).toFixed(2)).toBe('1.01');
    expect(roundHalfUp(new Dec('2.675'), 2).toFixed(2)).toBe('2.68');
    expect(roundHalfUp(new Dec('0.045'), 2).toFixed(2)).toBe('0.05');
    expect(formatFixed(new Dec('1234567.005'), 2, true)).toBe('1,234,567.01');
    expect(roundHalfUp(new Dec('-1.005'), 2).toFixed(2)).toBe('-1.01');
  });

  it('shares of a whole add up to 100% exactly before rounding', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 20 }), (cs) => {
        const parts = cs.map(toDec);
        const whole = sum(parts);
        fc.pre(!whole.isZero());
        const total = sum(parts.map((p) => percentOf(p, whole)!));
        expect(total.minus(100).abs().lt(new Dec('1e-40'))).toBe(true);
      }),
    );
  });

  it('a share of a zero whole is undefined, never NaN or Infinity', () => {
    expect(percentOf(new Dec(5), new Dec(0))).toBeUndefined();
  });

  it('changes: delta = current − previous, percent = delta / previous, direction matches the sign', () => {
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const c = changeOf(toDec(a), toDec(b));
        expect(c.delta.eq(toDec(a).minus(toDec(b)))).toBe(true);
        expect(c.direction).toBe(a === b ? 'flat' : a > b ? 'up' : 'down');
        if (b === 0n) expect(c.percent).toBeUndefined();
        else expect(c.percent!.times(toDec(b)).dividedBy(100).minus(c.delta).abs().lt(new Dec('1e-30'))).toBe(true);
      }),
    );
  });

  it('元 → 万元 → 元 is exact for any amount in 分', () => {
    fc.assert(
      fc.property(cents, (c) => {
        const yuan = toDec(c);
        expect(wanToYuan(yuanToWan(yuan)).eq(yuan)).toBe(true);
        // 万元 with 6 decimals holds every 元 amount exactly
        expect(yuanToWan(yuan).decimalPlaces()).toBeLessThanOrEqual(6);
      }),
    );
  });

  it('rejects text that is not a plain number', () => {
    for (const bad of ['', '1.2.3', '1,23', '12,34.5', 'abc', '１２', '1e5', '.5', '5.']) expect(parseDecimalText(bad)).toBeUndefined();
    expect(parseDecimalText('3,411.33')!.value.toFixed(2)).toBe('3411.33');
    expect(parseDecimalText('-0.10')!.places).toBe(2);
  });
});
