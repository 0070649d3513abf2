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

describe('allocateShares', () => {
  test.prop([minorArb, fc.array(minorArb, { minLength: 1, maxLength: 120 }).filter((ws) => ws.some((w) => w > 0n))])(
    'gives the parts allocateMoney gives, in doubles or through it',
    (amount, weights) => {
      const shares = allocateShares(amount, weights, EUR);
      expect(shares).toEqual(allocateMoney(sameCurrencyMoney(amount, EUR), weights).map((m) => m.minor));
      expect(shares.reduce((a, b) => a + b, 0n)).toBe(amount);
    },
  );

  test('ties go to the larger weight, then to the earlier line', () => {
    expect(allocateShares(2n, [1n, 2n, 1n, 2n], EUR)).toEqual([0n, 1n, 0n, 1n]);
    expect(allocateShares(1n, [1n, 1n, 1n], EUR)).toEqual([1n, 0n, 0n]);
  });
});
