import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { type Figures, fastProvision, provisionOf } from '../../../../src/pricing/rebates/_internal/lineProvision.js';
import { compileRebateDeals } from '../../../../src/pricing/rebates/compileRebateDeals.js';
import { ROUNDING_MODES } from '../../../../src/money/rounding.js';
import { dealInput } from '../_fixtures.js';

// Decimal text of units / 10^scale.
const text = (units: bigint, scale: number): string => {
  const s = units.toString().padStart(scale + 1, '0');
  return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
};

// Deals of every method and calculation, tier starts and rates at scales 0–4, in currencies
// with 0, 2 and 3 decimals; a few with tier figures large enough to leave the doubles' range.
const dealArb = fc
  .record({
    method: fc.constantFrom('stepped', 'cumulative', 'rolling', 'total'),
    calculation: fc.constantFrom('percent', 'amountPerUnit', 'fixedAmount'),
    currency: fc.constantFrom('USD', 'JPY', 'KWD'),
    steps: fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 7n }), fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.nat(4), fc.nat(4)), { minLength: 1, maxLength: 4 }),
    huge: fc.boolean(),
  })
  .map(({ method, calculation, currency, steps, huge }) => {
    let from = 0n;
    const tiers = steps.map(([df, rate, fs, rs], i) => {
      if (i > 0) from += df * (huge ? 10n ** 9n : 1n);
      return { from: text(from * 10n ** BigInt(fs), fs), rate: text(rate * (huge ? 10n ** 8n : 1n), rs) };
    });
    const measure = calculation === 'percent' ? 'value' : calculation === 'amountPerUnit' ? 'quantity' : 'value';
    return compileRebateDeals([dealInput({ id: 'D', currency, tierMethod: method, calculation, tiers, basis: { measure, stage: 'invoiced', includeCreditNotes: true } })]).deals[0];
  });

// Signed bases from small to near and beyond 2^53 (credit notes are negative).
const basisArb = fc
  .oneof(
    fc.bigInt({ min: 0n, max: 10n ** 6n }),
    fc.bigInt({ min: 0n, max: 10n ** 12n }),
    fc.bigInt({ min: 2n ** 52n - 10n ** 6n, max: 2n ** 53n + 10n ** 6n }),
  )
  .chain((b) => fc.boolean().map((negative) => (negative ? -b : b)));

describe('fastProvision', () => {
  test.prop([dealArb, basisArb, fc.constantFrom(...ROUNDING_MODES)])(
    'the integer-double path equals the bigint path whenever it answers, for every rounding mode',
    (deal, basis, rounding) => {
      if (deal === undefined || deal.doubles === undefined) return;
      const f: Figures = { basisD: Number(basis), minorD: Number.NaN, basisB: 0n, minorB: 0n, tier: -2, reductions: undefined };
      const slow = provisionOf(deal, basis, rounding);
      const answered = fastProvision(f, deal.deal.calculation, deal.doubles, rounding);
      if (answered) {
        expect(Number.isSafeInteger(Number(basis))).toBe(true);
        expect([BigInt(f.minorD), f.tier]).toEqual([slow.minor, slow.tier]);
      }
      // Figures whose every intermediate stays within 2^52 always take the fast path (a basis
      // of 10^6 and a slope of 10^12 do not: 958 213 × 4.7 × 10^9 is just above 2^52).
      const within = (x: bigint): boolean => (x < 0n ? -x : x) <= 2n ** 52n;
      const t = slow.tier;
      const abs = basis < 0n ? -basis : basis;
      const product = t < 0 ? 0n : (deal.tierSlope[t] as bigint) * abs;
      const n = t < 0 ? 0n : product + (deal.tierOffset[t] as bigint);
      const small =
        within(abs) &&
        (t < 0 ||
          deal.deal.calculation === 'fixedAmount' ||
          (within(product) && within(n) && (deal.minorDenominator !== 0n ? within(deal.minorDenominator) : within(n * deal.minorFactor) && within(deal.denominator))));
      if (small) expect(answered).toBe(true);
    },
  );
});
