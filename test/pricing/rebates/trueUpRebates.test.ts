import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { accrueRebates } from '../../../src/pricing/rebates/accrueRebates.js';
import { compileRebateDeals } from '../../../src/pricing/rebates/compileRebateDeals.js';
import { trueUpRebates } from '../../../src/pricing/rebates/trueUpRebates.js';
import { calendarDate } from '../../../src/calendar/CalendarDate.js';
import { formatMoney } from '../../../src/money/formatMoney.js';
import { parseMoney } from '../../../src/money/parseMoney.js';
import { rebateSourceLinesArb } from '../../../src/testkit/index.js';
import { dealInput, legacyDeal, line } from './_fixtures.js';

const fmt = (m: { minor: bigint; currency: string }) => formatMoney(m, { grouping: false });

const program = compileRebateDeals([
  dealInput({ id: 'STEP', tierMethod: 'stepped', tiers: [{ from: '0', rate: '1' }, { from: '300', rate: '2.5' }, { from: '2000', rate: '4' }] }),
  dealInput({ id: 'ROLL', tierMethod: 'rolling', customers: { kind: 'group', groups: ['G-C1', 'G-C2'] }, processingOrder: 2 }),
  { ...legacyDeal(), id: 'QTY', tierMethod: 'cumulative', processingOrder: 3 },
  dealInput({ id: 'LUMP', programType: 'promotionAllowance', calculation: 'fixedAmount', tierMethod: 'cumulative', tiers: [{ from: '100', rate: '50' }, { from: '1000', rate: '250' }], processingOrder: 4 }),
]);
const periodEnd = calendarDate('2026-01-31');

describe('trueUpRebates', () => {
  test.prop([rebateSourceLinesArb({ days: 31 })])('after the true-up, provisions + adjustments = earned, and a rerun books nothing', (lines) => {
    const { state } = accrueRebates(program, lines, { rounding: 'halfUp' });
    const first = trueUpRebates(program, state, { periodEnd, rounding: 'halfUp' });
    for (const s of first.settlements) {
      const booked = first.adjustments.filter((a) => a.dealId === s.dealId && a.customerId === s.customerId).reduce((t, a) => t + a.amount.minor, 0n);
      expect(s.provided.minor + booked).toBe(s.earned.minor);
      expect(s.writeOffs.reduce((t, w) => t + w.amount.minor, 0n)).toBe(s.delta.minor);
    }
    const again = trueUpRebates(program, state, { periodEnd, rounding: 'halfUp', adjustments: first.adjustments });
    expect(again.adjustments).toEqual([]);
    expect(again.settlements.map((s) => s.earned)).toEqual(first.settlements.map((s) => s.earned));
  });

  test('reference §2.6: 800 + 2,400 provided, the period of 100 units earns 4,000, adjustment +800', () => {
    const legacy = compileRebateDeals([legacyDeal()]);
    const { state } = accrueRebates(legacy, [line({ qty: '40' }), line({ documentId: 'INV-2', qty: '60' })], { rounding: 'halfUp' });
    const { settlements, adjustments } = trueUpRebates(legacy, state, { periodEnd, rounding: 'halfUp' });
    const s = settlements[0];
    expect([s?.provided, s?.earned, s?.delta].map((m) => (m === undefined ? '' : fmt(m)))).toEqual(['USD 3200.00', 'USD 4000.00', 'USD 800.00']);
    expect(adjustments.map((a) => [a.key, fmt(a.amount)])).toEqual([['trueup|LEGACY|C1|2026-01-31|0', 'USD 800.00']]);
    // write-offs per source line: the 800 spread by units, 40 : 60
    expect(s?.writeOffs.map((w) => [w.key, fmt(w.amount)])).toEqual([
      ['LEGACY|invoice|INV-1|1', 'USD 320.00'],
      ['LEGACY|invoice|INV-2|1', 'USD 480.00'],
    ]);
    expect(s?.tier).toBe(1);
    expect(s?.claimPeriodEnd).toBe('2026-03-31');
  });

  test.prop([rebateSourceLinesArb({ days: 31 }), fc.bigInt({ min: -50_000n, max: 50_000n })])(
    'a minimum amount per period floors what is earned (it may be negative), and the true-up still balances',
    (lines, minimum) => {
      const plain = compileRebateDeals([dealInput({ id: 'MIN' })]);
      const floored = compileRebateDeals([dealInput({ id: 'MIN', minimumAmount: { currency: 'USD', amount: (Number(minimum) / 100).toFixed(2) } })]);
      const { state } = accrueRebates(plain, lines, { rounding: 'halfUp' });
      const a = trueUpRebates(plain, state, { periodEnd, rounding: 'halfUp' }).settlements;
      const b = trueUpRebates(floored, state, { periodEnd, rounding: 'halfUp' });
      expect(b.settlements.map((s) => s.earned.minor)).toEqual(a.map((s) => (s.earned.minor < minimum ? minimum : s.earned.minor)));
      expect(b.settlements.map((s) => s.minimumApplied)).toEqual(a.map((s) => s.earned.minor < minimum));
      for (const s of b.settlements) expect(s.provided.minor + s.delta.minor).toBe(s.earned.minor);
    },
  );

  test('a minimum of 0 keeps returns from earning a negative rebate', () => {
    const deal = { ...legacyDeal(), minimumAmount: { currency: 'USD', amount: '0' } };
    const p = compileRebateDeals([deal]);
    const { state } = accrueRebates(p, [line({ kind: 'creditNote', qty: '10' })], { rounding: 'halfUp' });
    const [s] = trueUpRebates(p, state, { periodEnd, rounding: 'halfUp' }).settlements;
    expect(s && [fmt(s.provided), fmt(s.earned), fmt(s.delta), s.minimumApplied]).toEqual(['USD -200.00', 'USD 0.00', 'USD 200.00', true]);
    expect(() => compileRebateDeals([{ ...deal, minimumAmount: { currency: 'EUR', amount: '1' } }])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: deals[0].minimumAmount.currency: must be the deal currency USD]`);
  });

  test('claims already paid reduce what is still to claim', () => {
    const legacy = compileRebateDeals([legacyDeal()]);
    const { state } = accrueRebates(legacy, [line({ qty: '40' }), line({ documentId: 'INV-2', qty: '60' })], { rounding: 'halfUp' });
    const claims = [{ dealId: 'LEGACY', customerId: 'C1', periodEnd, amount: parseMoney('3200', 'USD') }];
    const [s] = trueUpRebates(legacy, state, { periodEnd, rounding: 'halfUp', claims }).settlements;
    expect(s && fmt(s.toClaim)).toBe('USD 800.00');
  });

  test('a lump-sum allowance is booked entirely by the true-up', () => {
    const { state } = accrueRebates(program, [line({ amount: '1200' })], { rounding: 'halfUp' });
    const lump = trueUpRebates(program, state, { periodEnd, rounding: 'halfUp' }).settlements.find((s) => s.dealId === 'LUMP');
    expect(lump && [fmt(lump.provided), fmt(lump.earned)]).toEqual(['USD 0.00', 'USD 250.00']);
  });

  test('refuses a bad period end', () => {
    const { state } = accrueRebates(program, [], { rounding: 'halfUp' });
    expect(() => trueUpRebates(program, state, { periodEnd: '2026-02-30' as never, rounding: 'halfUp' })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.periodEnd: 2026-02-30 does not exist: that month has 28 days]`);
  });
});
