import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { accrueRebates } from '../../../src/pricing/rebates/accrueRebates.js';
import { claimRebates, type RebatePeriodClaim } from '../../../src/pricing/rebates/claimRebates.js';
import { compileRebateDeals } from '../../../src/pricing/rebates/compileRebateDeals.js';
import { type RebateSettlement, trueUpRebates } from '../../../src/pricing/rebates/trueUpRebates.js';
import { calendarDate, type CalendarDate } from '../../../src/calendar/CalendarDate.js';
import { formatMoney } from '../../../src/money/formatMoney.js';
import type { RebateSourceLine } from '../../../src/pricing/rebates/RebateDeal.js';
import { rebateSourceLinesArb } from '../../../src/testkit/index.js';
import { dealInput, legacyDeal, line } from './_fixtures.js';

const fmt = (m: { minor: bigint; currency: string }) => formatMoney(m, { grouping: false });

// Monthly calculation, quarterly claim (the fixtures' default), and one deal claimed monthly.
const program = compileRebateDeals([
  dealInput({ id: 'STEP', tierMethod: 'stepped', tiers: [{ from: '0', rate: '1' }, { from: '300', rate: '2.5' }, { from: '2000', rate: '4' }] }),
  { ...legacyDeal(), id: 'QTY', processingOrder: 2 },
  dealInput({ id: 'MONTHLY', claimPeriod: 'month', customers: { kind: 'group', groups: ['G-C1', 'G-C2'] }, processingOrder: 3 }),
]);
const q1 = calendarDate('2026-03-31');
const monthEnds = ['2026-01-31', '2026-02-28', '2026-03-31'].map((d) => calendarDate(d));

function settle(lines: readonly RebateSourceLine[]): RebateSettlement[] {
  const { state } = accrueRebates(program, lines, { rounding: 'halfUp' });
  return monthEnds.flatMap((periodEnd) => [...trueUpRebates(program, state, { periodEnd, rounding: 'halfUp' }).settlements]);
}
const inQ1 = (s: RebateSettlement): boolean => s.claimPeriodEnd === q1;
const sum = (xs: readonly { amount: { minor: bigint } }[]): bigint => xs.reduce((t, x) => t + x.amount.minor, 0n);
const settlementsArb = rebateSourceLinesArb({ days: 90 }).map(settle);

describe('claimRebates', () => {
  test.prop([settlementsArb])('the claims of a claim period sum exactly to the earned rebates of its calculation periods, each claim to its parts', (settlements) => {
    const { claims } = claimRebates(program, settlements, { claimPeriodEnd: q1 });
    expect(sum(claims)).toBe(settlements.filter(inQ1).reduce((t, s) => t + s.earned.minor, 0n));
    for (const c of claims) {
      expect(c.amount.minor).toBe(sum(c.parts));
      expect(c.key).toBe(`claim|${c.dealId}|${c.customerId}|2026-03-31|0`);
      for (const p of c.parts) expect([p.dealId, p.customerId]).toEqual([c.dealId, c.customerId]);
    }
    // one claim per deal × customer × claim period
    expect(new Set(claims.map((c) => `${c.dealId}|${c.customerId}`)).size).toBe(claims.length);
  });

  test.prop([settlementsArb])('idempotent: claiming again with the posted claims adds nothing', (settlements) => {
    const first = claimRebates(program, settlements, { claimPeriodEnd: q1 });
    const claimed = [...first.claims, ...first.claims];
    expect(claimRebates(program, settlements, { claimPeriodEnd: q1, claimed }).claims).toEqual([]);
  });

  test.prop([settlementsArb.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length })))])(
    'order independence of settlements',
    ([settlements, shuffled]) => {
      expect(claimRebates(program, shuffled, { claimPeriodEnd: q1 })).toEqual(claimRebates(program, settlements, { claimPeriodEnd: q1 }));
    },
  );

  test.prop([settlementsArb, fc.nat()])('a claim made before the last period is settled leaves the rest to the next claim, which takes the next key', (settlements, cut) => {
    const early = settlements.slice(0, cut % (settlements.length + 1));
    const first = claimRebates(program, early, { claimPeriodEnd: q1 });
    const second = claimRebates(program, settlements, { claimPeriodEnd: q1, claimed: first.claims });
    expect(sum(first.claims) + sum(second.claims)).toBe(settlements.filter(inQ1).reduce((t, s) => t + s.earned.minor, 0n));
    const earlier = new Set(first.claims.map((c) => `${c.dealId}|${c.customerId}`));
    for (const c of second.claims) expect(c.key.endsWith(earlier.has(`${c.dealId}|${c.customerId}`) ? '|1' : '|0')).toBe(true);
  });

  test('monthly calculation, quarterly claim: January 4,000 and February 800 make one Q1 claim of 4,800 (reference §2.1, §2.6 tiers)', () => {
    const legacy = compileRebateDeals([legacyDeal()]);
    const lines = [
      line({ qty: '40' }),
      line({ documentId: 'INV-2', qty: '60' }),
      line({ documentId: 'INV-3', qty: '40', date: '2026-02-03' as CalendarDate }),
    ];
    const { state } = accrueRebates(legacy, lines, { rounding: 'halfUp' });
    const settlements = monthEnds.flatMap((periodEnd) => [...trueUpRebates(legacy, state, { periodEnd, rounding: 'halfUp' }).settlements]);
    const { claims } = claimRebates(legacy, settlements, { claimPeriodEnd: q1 });
    expect(claims.map((c) => [c.key, fmt(c.amount), c.parts.map((p) => [p.settlementKey, fmt(p.amount)])])).toEqual([
      [
        'claim|LEGACY|C1|2026-03-31|0',
        'USD 4800.00',
        [
          ['LEGACY|C1|2026-01-31', 'USD 4000.00'],
          ['LEGACY|C1|2026-02-28', 'USD 800.00'],
        ],
      ],
    ]);
    // The parts are RebateClaims: the next true-up of January sees it claimed.
    const jan = trueUpRebates(legacy, state, { periodEnd: calendarDate('2026-01-31'), rounding: 'halfUp', claims: claims[0]?.parts });
    expect(fmt(jan.settlements[0]?.toClaim ?? { minor: 1n, currency: 'USD' })).toBe('USD 0.00');
    // A monthly claim period is claimed on its own: nothing of a Q1 claim at the end of January.
    expect(claimRebates(legacy, settlements, { claimPeriodEnd: calendarDate('2026-01-31') }).claims).toEqual([]);
  });

  test('a settlement rerun with another earned rebate is refused; a claim given twice with other parts too', () => {
    const legacy = compileRebateDeals([legacyDeal()]);
    const { state } = accrueRebates(legacy, [line({ qty: '40' })], { rounding: 'halfUp' });
    const [s] = trueUpRebates(legacy, state, { periodEnd: calendarDate('2026-01-31'), rounding: 'halfUp' }).settlements as [RebateSettlement];
    const other = { ...s, earned: { ...s.earned, minor: s.earned.minor + 1n } } as RebateSettlement;
    expect(() => claimRebates(legacy, [s, other], { claimPeriodEnd: q1 })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Two settlements of "LEGACY|C1|2026-01-31" earn different rebates: pass only the latest true-up of each period]`);
    const [claim] = claimRebates(legacy, [s], { claimPeriodEnd: q1 }).claims as [RebatePeriodClaim];
    const changed = { ...claim, amount: { ...claim.amount, minor: 1n } } as RebatePeriodClaim;
    expect(() => claimRebates(legacy, [s], { claimPeriodEnd: q1, claimed: [claim, changed] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Claim "claim|LEGACY|C1|2026-03-31|0" was given twice with other parts: pass each posted claim once, as claimRebates returned it]`);
    expect(() => claimRebates(legacy, [s], { claimPeriodEnd: '2026-02-30' as CalendarDate })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.claimPeriodEnd: 2026-02-30 does not exist: that month has 28 days]`);
  });
});
