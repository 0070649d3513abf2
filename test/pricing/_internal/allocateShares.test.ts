import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { allocateShares } from '../../../src/pricing/_internal/allocateShares.js';
import { allocateMoney } from '../../../src/money/allocateMoney.js';
import { sameCurrencyMoney } from '../../../src/money/Money.js';

const EUR = 'EUR';
// Line amounts and discounts from cents to beyond exact doubles; many equal weights and
// remainders, so that the tie-breaks (larger weight, then earlier line) decide.
const minorArb = fc.oneof(fc.bigInt({ min: 0n, max: 50n }), fc.bigInt({ min: 0n, max: 10n ** 7n }), fc.bigInt({ min: 0n, max: 2n ** 60n }));
const weightsArb = (arb: fc.Arbitrary<bigint>) => fc.array(arb, { minLength: 1, maxLength: 120 }).filter((ws) => ws.some((w) => w > 0n));

describe('allocateShares', () => {
  test.prop([minorArb, weightsArb(minorArb)])('gives the parts allocateMoney gives, or declines', (amount, weights) => {
    const shares = allocateShares(Number(amount), weights.map(Number));
    const expected = allocateMoney(sameCurrencyMoney(amount, EUR), weights).map((m) => m.minor);
    if (shares !== undefined) {
      expect(shares.map(BigInt)).toEqual(expected);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(Number(amount));
    }
    // It declines only where a figure or a product leaves the safe integers.
    const total = weights.reduce((a, b) => a + b, 0n);
    const safe = (x: bigint): boolean => x <= 2n ** 52n;
    if (safe(total) && weights.every((w) => safe(amount * w))) expect(shares).toBeDefined();
  });

  test.prop([fc.bigInt({ min: 0n, max: 10n ** 6n }), weightsArb(fc.bigInt({ min: 0n, max: 10n ** 7n }))])(
    'takes the doubles for an order of cents (discounts to 10 000.00, lines to 100 000.00)',
    (amount, weights) => {
      expect(allocateShares(Number(amount), weights.map(Number))?.map(BigInt)).toEqual(allocateMoney(sameCurrencyMoney(amount, EUR), weights).map((m) => m.minor));
    },
  );

  test('declines what a double cannot hold exactly', () => {
    expect(allocateShares(2 ** 53, [1, 1])).toBeUndefined();
    expect(allocateShares(10, [Number.NaN, 1])).toBeUndefined();
    expect(allocateShares(2 ** 30, [2 ** 30, 1])).toBeUndefined();
  });

  test('ties go to the larger weight, then to the earlier line', () => {
    expect(allocateShares(2, [1, 2, 1, 2])).toEqual([0, 1, 0, 1]);
    expect(allocateShares(1, [1, 1, 1])).toEqual([1, 0, 0]);
  });
});
