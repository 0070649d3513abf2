import { describe, expect } from 'vitest';
import { formatMoney } from '../../../src/money/formatMoney.js';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { calculateTierRebate } from '../../../src/pricing/rebates/calculateTierRebate.js';
import type { TierMethod } from '../../../src/pricing/rebates/RebateDeal.js';
import { scaled, scaledOf } from '../../../src/money/Scaled.js';
import { roundingModeArb } from '../../../src/testkit/index.js';

const refTiers = [
  { from: scaled('0'), rate: scaled('10') },
  { from: scaled('1000'), rate: scaled('25') },
];
const methods: TierMethod[] = ['stepped', 'cumulative', 'rolling', 'total'];

// Non-decreasing rates at ascending starts.
const tiersArb = fc
  .array(fc.tuple(fc.bigInt({ min: 1n, max: 5_000n }), fc.bigInt({ min: 0n, max: 3_000n })), { minLength: 1, maxLength: 5 })
  .map((steps) => {
    let from = 0n;
    let rate = 0n;
    return steps.map(([df, dr], i) => {
      if (i > 0) from += df;
      rate += dr;
      return { from: scaledOf(from, 0), rate: scaledOf(rate, 2) };
    });
  });

describe('calculateTierRebate', () => {
  test.prop([
    tiersArb,
    fc.constantFrom(...methods),
    fc.constantFrom('percent' as const, 'amountPerUnit' as const, 'fixedAmount' as const),
    fc.bigInt({ min: 0n, max: 100_000n }),
    fc.bigInt({ min: 0n, max: 100_000n }),
  ])('with non-decreasing tier rates, earnings never decrease with volume', (tiers, method, calculation, a, extra) => {
    const at = (b: bigint) =>
      calculateTierRebate({ method, calculation, tiers, basis: scaledOf(b, 1), currency: 'USD' }, { rounding: 'halfUp' }).amount.minor;
    expect(at(a + extra)).toBeGreaterThanOrEqual(at(a));
  });

  test.prop([tiersArb, fc.constantFrom(...methods), fc.bigInt({ min: 0n, max: 100_000n }), roundingModeArb()])(
    'a negative basis (net returns) mirrors the positive one when the rounding is symmetric',
    (tiers, method, b, rounding) => {
      fc.pre(rounding !== 'ceiling' && rounding !== 'floor');
      const at = (x: bigint) =>
        calculateTierRebate({ method, calculation: 'percent', tiers, basis: scaledOf(x, 2), currency: 'USD' }, { rounding }).amount.minor;
      expect(at(-b)).toBe(-at(b));
    },
  );

  test.each([
    ['stepped', '350.00'],
    ['cumulative', '500.00'],
    ['rolling', '600.00'],
    ['total', '700.00'],
  ] as const)('reference §2.2: %s on a basis of 2,000 gives %s', (method, expected) => {
    const r = calculateTierRebate(
      { method, calculation: 'percent', tiers: refTiers, basis: scaled('2000'), currency: 'USD' },
      { rounding: 'halfUp' },
    );
    expect(formatMoney(r.amount, { grouping: false })).toBe(`USD ${expected}`);
    expect(r.tier).toBe(1);
  });

  test('below the first tier nothing is earned', () => {
    const tiers = [{ from: scaled('500'), rate: scaled('5') }];
    const r = calculateTierRebate({ method: 'stepped', calculation: 'percent', tiers, basis: scaled('499.99'), currency: 'USD' }, { rounding: 'halfUp' });
    expect([r.amount.minor, r.tier]).toEqual([0n, -1]);
  });

  test('refuses an unknown rounding mode', () => {
    expect(() =>
      calculateTierRebate(
        { method: 'stepped', calculation: 'percent', tiers: refTiers, basis: scaled('1'), currency: 'USD' },
        { rounding: 'nearest' as never },
      ),
    ).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.rounding: Invalid option: expected one of "halfUp"|"halfDown"|"halfEven"|"up"|"down"|"ceiling"|"floor"]`);
  });
});
