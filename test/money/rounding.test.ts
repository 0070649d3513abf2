import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { divideRounded, ROUNDING_MODES } from '../../src/money/rounding.js';
import { roundingModeArb } from '../../src/testkit/index.js';
import { ORACLE_MODE, Oracle } from '../helpers.js';

const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const nonZero = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).filter((d) => d !== 0n);
const oracle = (n: bigint, d: bigint, mode: (typeof ROUNDING_MODES)[number]): bigint =>
  BigInt(new Oracle(n.toString()).div(d.toString()).toDecimalPlaces(0, ORACLE_MODE[mode]).toFixed(0));

describe('divideRounded', () => {
  test.prop([big, nonZero, roundingModeArb()])('equals the decimal.js oracle', (n, d, mode) => {
    expect(divideRounded(n, d, mode)).toBe(oracle(n, d, mode));
  });

  // Exact halfway cases are where the modes differ; generate them on purpose.
  test.prop([fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), roundingModeArb()])(
    'equals the oracle on exact halves, negative ones included',
    (k, half, mode) => {
      const d = half * 2n;
      const n = k * d + half;
      expect(divideRounded(n, d, mode)).toBe(oracle(n, d, mode));
      expect(divideRounded(-n, d, mode)).toBe(oracle(-n, d, mode));
    },
  );

  test.prop([big, roundingModeArb()])('is the identity on integers (rounding is idempotent)', (n, mode) => {
    expect(divideRounded(n, 1n, mode)).toBe(n);
    expect(divideRounded(divideRounded(n, 7n, mode), 1n, mode)).toBe(divideRounded(n, 7n, mode));
  });

  test.prop([big, nonZero, roundingModeArb()])('lands within one unit of the exact quotient', (n, d, mode) => {
    const q = divideRounded(n, d, mode);
    const diff = q * d - n; // = (q − n/d) × d
    expect(diff < 0n ? -diff : diff).toBeLessThan(d < 0n ? -d : d);
  });

  test('each mode on ±2.5 and ±2.4 (the decimal.js table)', () => {
    const table = ROUNDING_MODES.map((mode) => [mode, [25n, -25n, 24n, -24n].map((n) => divideRounded(n, 10n, mode))]);
    expect(Object.fromEntries(table)).toEqual({
      halfUp: [3n, -3n, 2n, -2n],
      halfDown: [2n, -2n, 2n, -2n],
      halfEven: [2n, -2n, 2n, -2n],
      up: [3n, -3n, 3n, -3n],
      down: [2n, -2n, 2n, -2n],
      ceiling: [3n, -2n, 3n, -2n],
      floor: [2n, -3n, 2n, -3n],
    });
  });

  test('refuses to divide by zero', () => {
    expect(() => divideRounded(1n, 0n, 'halfUp')).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot divide by zero (divideRounded): check the divisor before dividing]`);
  });
});
