import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { compileRebateDeals } from '../../../src/pricing/rebates/compileRebateDeals.js';
import { forecastRebate } from '../../../src/pricing/rebates/forecastRebate.js';
import { freeGoodsQuantity } from '../../../src/pricing/rebates/freeGoodsQuantity.js';
import { royaltyGuarantee } from '../../../src/pricing/rebates/royaltyGuarantee.js';
import { formatMoney } from '../../../src/money/formatMoney.js';
import { formatScaled } from '../../../src/money/formatScaled.js';
import { parseMoney } from '../../../src/money/parseMoney.js';
import { scaledOf } from '../../../src/money/Scaled.js';
import { dealInput } from './_fixtures.js';

const program = compileRebateDeals([dealInput({ tierMethod: 'cumulative' })]);
const usd = (s: string) => parseMoney(s, 'USD');

describe('forecastRebate', () => {
  test.prop([fc.bigInt({ min: 0n, max: 500_000n })])('the next tier is reached with exactly the additional volume, and earns at least as much', (cents) => {
    const f = forecastRebate(program, { dealId: 'D1', volume: scaledOf(cents, 2) }, { rounding: 'halfUp' });
    if (f.next === undefined) {
      expect(f.tier).toBe(1);
      return;
    }
    const at = forecastRebate(program, { dealId: 'D1', volume: f.next.from }, { rounding: 'halfUp' });
    expect(at.tier).toBe(f.next.tier);
    expect(f.next.rebateAtNextTier.minor).toBeGreaterThanOrEqual(f.earned.minor);
  });

  test('800 of 1,000 for the 25 % tier: 200 more earns 250 instead of 80', () => {
    const f = forecastRebate(program, { dealId: 'D1', volume: '800' }, { rounding: 'halfUp' });
    expect([formatMoney(f.earned), f.next && formatScaled(f.next.additionalVolume), f.next && formatMoney(f.next.rebateAtNextTier)]).toEqual([
      'USD 80.00',
      '200',
      'USD 250.00',
    ]);
  });

  test('refuses an unknown deal', () => {
    expect(() => forecastRebate(program, { dealId: 'NOPE', volume: '1' }, { rounding: 'halfUp' })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: input.dealId: no deal "NOPE" in the program]`);
  });
});

describe('royaltyGuarantee', () => {
  test('reference §2.5 cumulative: Q1 12,000 carries 2,000; Q2 5,000 tops up 3,000', () => {
    const out = royaltyGuarantee([usd('12000'), usd('5000')], { guarantee: usd('10000'), cumulative: true });
    expect(out.map((p) => [formatMoney(p.topUp), formatMoney(p.carry)])).toEqual([
      ['USD 0.00', 'USD 2,000.00'],
      ['USD 3,000.00', 'USD 0.00'],
    ]);
  });

  test('reference §2.5 not cumulative: the Q2 shortfall is 5,000', () => {
    const out = royaltyGuarantee([usd('12000'), usd('5000')], { guarantee: usd('10000'), cumulative: false });
    expect(out.map((p) => formatMoney(p.topUp))).toEqual(['USD 0.00', 'USD 5,000.00']);
  });
});

describe('freeGoodsQuantity', () => {
  test.prop([fc.bigInt({ min: 0n, max: 10_000n }), fc.bigInt({ min: 1n, max: 500n }), fc.bigInt({ min: 0n, max: 500n })])(
    'never decreases with the total',
    (total, multiple, extra) => {
      const at = (t: bigint) => freeGoodsQuantity({ total: scaledOf(t, 0), multiple: scaledOf(multiple, 0), quantity: '2' }).units;
      expect(at(total + extra)).toBeGreaterThanOrEqual(at(total));
    },
  );

  test('reference §2.1: quantity 2 per multiple 100 with a total of 150 → 2 free units', () => {
    expect(formatScaled(freeGoodsQuantity({ total: '150', multiple: '100', quantity: '2' }))).toBe('2');
  });

  test('refuses a zero multiple', () => {
    expect(() => freeGoodsQuantity({ total: '150', multiple: '0', quantity: '2' })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: input.multiple: must be positive]`);
  });
});
