import { describe, expect } from 'vitest';
import { formatMoney } from '../../../src/money/formatMoney.js';
import { formatScaled } from '../../../src/money/formatScaled.js';
import { test } from '@fast-check/vitest';
import { reduceOverlappingRebates, type ReducingDeal } from '../../../src/pricing/rebates/reduceOverlappingRebates.js';
import { accrueRebates } from '../../../src/pricing/rebates/accrueRebates.js';
import { compileRebateDeals } from '../../../src/pricing/rebates/compileRebateDeals.js';
import { parseMoney } from '../../../src/money/parseMoney.js';
import { scaled } from '../../../src/money/Scaled.js';
import { dealInput, line } from './_fixtures.js';

// Reference §2.3: deal 1 no reduction; deal 2 on Rebate basis and Exclude; deals 3, 4 on Both.
const deals: Record<string, ReducingDeal> = {
  '1': { id: '1', percent: scaled('10'), apply: false, basis: 'both', excludeFromReduction: false },
  '2': { id: '2', percent: scaled('15'), apply: true, basis: 'rebate', excludeFromReduction: true },
  '3': { id: '3', percent: scaled('20'), apply: true, basis: 'both', excludeFromReduction: false },
  '4': { id: '4', percent: scaled('25'), apply: true, basis: 'both', excludeFromReduction: false },
};
const cases = [
  ['1234', [100, 150, 180, 180], 610],
  ['4321', [250, 150, 150, 100], 650],
  ['3214', [200, 150, 100, 175], 625],
  ['2413', [150, 250, 100, 130], 630],
] as const;

describe('reduceOverlappingRebates', () => {
  test.each(cases)('reference §2.3 order %s gives %j, total %i', (order, amounts, total) => {
    const out = reduceOverlappingRebates(
      parseMoney('1000', 'USD'),
      [...order].map((k) => deals[k] as ReducingDeal),
      { stage: 'provision', rounding: 'halfUp' },
    );
    expect(out.map((r) => Number(r.amount.minor / 100n))).toEqual(amounts);
    expect(out.reduce((s, r) => s + r.amount.minor, 0n)).toBe(BigInt(total) * 100n);
  });

  test.each(cases)('accrual applies the same principles in processing order %s', (order, amounts, total) => {
    const inputs = [...order].map((k, i) => {
      const d = deals[k] as ReducingDeal;
      return dealInput({
        id: `deal-${k}`,
        tiers: [{ from: '0', rate: formatScaled(d.percent) }],
        processingOrder: i,
        reduction: { apply: d.apply, basis: d.basis, excludeFromReduction: d.excludeFromReduction },
      });
    });
    const { entries } = accrueRebates(compileRebateDeals(inputs), [line({ amount: '1000' })], { rounding: 'halfUp' });
    expect(entries.map((e) => Number(e.amount.minor / 100n))).toEqual(amounts);
    expect(entries.reduce((s, e) => s + e.amount.minor, 0n)).toBe(BigInt(total) * 100n);
  });

  test('a deal on Rebate basis is reduced when rebates are computed', () => {
    const out = reduceOverlappingRebates(parseMoney('1000', 'USD'), [deals['1'] as ReducingDeal, deals['2'] as ReducingDeal], {
      stage: 'rebate',
      rounding: 'halfUp',
    });
    expect(out.map((r) => formatMoney(r.amount, { grouping: false }))).toEqual(['USD 100.00', 'USD 135.00']);
    expect(out[1]?.reducedBy.map((r) => r.dealId)).toEqual(['1']);
  });
});
