import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { accrueRebates, emptyAccrual, listProvisions, mergeAccruals, type AccrualState } from '../../../src/pricing/rebates/accrueRebates.js';
import { accrualTotals } from '../../../src/pricing/rebates/accrualTotals.js';
import { calculateTierRebate } from '../../../src/pricing/rebates/calculateTierRebate.js';
import { ROUNDING_MODES } from '../../../src/money/rounding.js';
import { compileRebateDeals } from '../../../src/pricing/rebates/compileRebateDeals.js';
import type { RebateSourceLine } from '../../../src/pricing/rebates/RebateDeal.js';
import { formatMoney } from '../../../src/money/formatMoney.js';
import { money } from '../../../src/money/Money.js';
import { rebateSourceLineArb, rebateSourceLinesArb } from '../../../src/testkit/index.js';
import { dealInput, legacyDeal, line, overlappingDeals } from './_fixtures.js';

const program = compileRebateDeals(overlappingDeals());
const rounding = 'halfEven' as const;
const accrue = (lines: Iterable<RebateSourceLine>, state?: AccrualState): AccrualState =>
  accrueRebates(program, lines, { rounding, state }).state;
const canon = (s: AccrualState) => listProvisions(s);

// Split a list at cut points into shards.
const shardsArb = (lines: RebateSourceLine[]) =>
  fc.array(fc.integer({ min: 0, max: 3 }), { minLength: lines.length, maxLength: lines.length }).map((ix) => {
    const shards: RebateSourceLine[][] = [[], [], [], []];
    lines.forEach((l, i) => shards[ix[i] ?? 0]?.push(l));
    return shards;
  });

describe('accrueRebates', () => {
  test.prop([rebateSourceLinesArb().chain((lines) => fc.tuple(fc.constant(lines), shardsArb(lines), fc.array(fc.nat(3), { minLength: 4, maxLength: 4 })))])(
    'merge equivalence: shards accrued apart and merged in any order equal the single pass',
    ([lines, shards, perm]) => {
      const single = canon(accrue(lines));
      const states = shards.map((s) => accrue(s));
      const order = [...states.keys()].sort((a, b) => (perm[a] ?? 0) - (perm[b] ?? 0) || a - b);
      const leftFold = order.reduce((acc, i) => mergeAccruals(acc, states[i] as AccrualState), emptyAccrual());
      const [a, b, c, d] = states as [AccrualState, AccrualState, AccrualState, AccrualState];
      const tree = mergeAccruals(mergeAccruals(d, b), mergeAccruals(c, a));
      expect(canon(leftFold)).toEqual(single);
      expect(canon(tree)).toEqual(single);
      expect(canon(mergeAccruals(tree, tree))).toEqual(single);
    },
  );

  test.prop([rebateSourceLinesArb(), fc.nat()])('idempotent: accruing the same lines again adds nothing', (lines, cut) => {
    const first = accrueRebates(program, lines, { rounding });
    const again = accrueRebates(program, lines.slice(0, cut % (lines.length + 1)), { rounding, state: first.state });
    expect(again.entries).toEqual([]);
    expect(again.state).toBe(first.state);
  });

  test.prop([rebateSourceLinesArb().chain((l) => fc.tuple(fc.constant(l), fc.shuffledSubarray(l, { minLength: l.length, maxLength: l.length })))])(
    'order independence of source lines',
    ([lines, shuffled]) => {
      expect(canon(accrue(shuffled))).toEqual(canon(accrue(lines)));
    },
  );

  test.prop([rebateSourceLinesArb({ maxLength: 15 })])('returns are symmetric: a credit note for every invoice line cancels every provision', (lines) => {
    const invoices = lines.filter((l) => l.kind === 'invoice');
    const credits = invoices.map((l) => ({ ...l, kind: 'creditNote' as const, documentId: `RET-${l.documentId}` }));
    const state = accrue([...invoices, ...credits]);
    const byDeal = new Map<string, bigint>();
    for (const e of state.entries.values()) byDeal.set(e.dealId, (byDeal.get(e.dealId) ?? 0n) + e.amount.minor);
    for (const total of byDeal.values()) expect(total).toBe(0n);
    const provisionOf = new Map([...state.entries.values()].map((e) => [e.key, e.amount.minor]));
    for (const e of state.entries.values())
      if (e.kind === 'invoice') expect(provisionOf.get(e.key.replace('|invoice|', '|creditNote|RET-'))).toBe(-e.amount.minor);
  });

  test.prop([rebateSourceLinesArb({ maxLength: 10 })])('never mutates its arguments', (lines) => {
    const copy = structuredClone(lines);
    accrue(lines);
    expect(lines).toEqual(copy);
  });

  const methods = ['stepped', 'cumulative', 'rolling', 'total'] as const;
  const everyMethod = compileRebateDeals(
    methods.flatMap((m, i) => [
      dealInput({ id: `V-${m}`, tierMethod: m, processingOrder: i, tiers: [{ from: '0', rate: '1.5' }, { from: '300', rate: '2.25' }, { from: '2000', rate: '4' }] }),
      { ...legacyDeal(), id: `Q-${m}`, tierMethod: m, processingOrder: 10 + i, tiers: [{ from: '0.5', rate: '0.125' }, { from: '40', rate: '1.10' }, { from: '120.25', rate: '2' }] },
    ]),
  );
  test.prop([rebateSourceLinesArb({ maxLength: 20 }), fc.constantFrom(...ROUNDING_MODES)])(
    'every provision is the tier rebate of its line alone (calculateTierRebate), for all four methods',
    (lines, mode) => {
      const byId = new Map(everyMethod.deals.map((c) => [c.deal.id, c.deal]));
      for (const e of listProvisions(accrueRebates(everyMethod, lines, { rounding: mode }).state)) {
        const d = byId.get(e.dealId);
        if (d === undefined) throw new Error(e.dealId);
        const expected = calculateTierRebate({ method: d.tierMethod, calculation: d.calculation, tiers: d.tiers, basis: e.basis, currency: d.currency }, { rounding: mode });
        expect([e.key, e.amount.minor, e.tier]).toEqual([e.key, expected.amount.minor, expected.tier]);
      }
    },
  );

  // Amounts and quantities scaled towards and past 2^53 minor units: the accrual's integer-double
  // path must give way to the bigint path without changing a figure.
  const scaledUpArb = fc.tuple(rebateSourceLinesArb({ maxLength: 12 }), fc.constantFrom(1n, 10n ** 6n, 10n ** 9n, 10n ** 11n, 10n ** 12n, 2n ** 40n, 10n ** 14n));
  test.prop([scaledUpArb, fc.constantFrom(...ROUNDING_MODES)])(
    'large and negative (credit-note) figures: every provision is still the tier rebate of its line alone',
    ([lines, factor], mode) => {
      const big = lines.map((l) => ({ ...l, netAmount: money(l.netAmount.minor * factor, 'USD'), quantity: { units: l.quantity.units * factor, scale: l.quantity.scale } }));
      const byId = new Map(everyMethod.deals.map((c) => [c.deal.id, c.deal]));
      for (const e of listProvisions(accrueRebates(everyMethod, big, { rounding: mode }).state)) {
        const d = byId.get(e.dealId);
        if (d === undefined) throw new Error(e.dealId);
        const expected = calculateTierRebate({ method: d.tierMethod, calculation: d.calculation, tiers: d.tiers, basis: e.basis, currency: d.currency }, { rounding: mode });
        expect([e.key, e.amount.minor, e.tier]).toEqual([e.key, expected.amount.minor, expected.tier]);
      }
    },
  );

  test.prop([rebateSourceLinesArb(), fc.array(fc.boolean(), { maxLength: 40 })])(
    'accrualTotals sums the provisions per deal, customer and period, and totals of disjoint shards add up',
    (lines, split) => {
      const state = accrue(lines);
      const expected = new Map<string, [bigint, bigint, number]>();
      for (const e of state.entries.values()) {
        const k = `${e.dealId}|${e.customerId}|${e.periodEnd}`;
        const t = expected.get(k) ?? [0n, 0n, 0];
        expected.set(k, [t[0] + e.amount.minor, t[1] + e.basis.units, t[2] + 1]);
      }
      const totals = accrualTotals(state);
      expect(new Map(totals.map((t) => [`${t.dealId}|${t.customerId}|${t.periodEnd}`, [t.provided.minor, t.basis.units, t.provisions]]))).toEqual(expected);
      const keys = totals.map((t) => [t.dealId, t.customerId, t.periodEnd].join('|'));
      expect(keys).toEqual([...keys].sort());
      const a = accrue(lines.filter((_, i) => split[i] === true));
      const b = accrue(lines.filter((_, i) => split[i] !== true));
      const merged = accrualTotals(mergeAccruals(a, b));
      expect(merged.reduce((s, t) => s + t.provided.minor, 0n)).toBe([...accrualTotals(a), ...accrualTotals(b)].reduce((s, t) => s + t.provided.minor, 0n));
    },
  );

  test.prop([rebateSourceLinesArb({ maxLength: 20 })])('a state that travelled by structured clone (a worker message) merges and re-accrues like the original', (lines) => {
    const state = accrue(lines);
    const travelled = structuredClone({ size: state.size, entries: state.entries }) as AccrualState;
    expect(canon(mergeAccruals(travelled, emptyAccrual())).map((e) => [e.key, e.amount.minor, e.basis.units])).toEqual(canon(state).map((e) => [e.key, e.amount.minor, e.basis.units]));
    expect(accrueRebates(program, lines, { rounding, state: travelled }).entries).toEqual([]);
  });

  // Batches past the tables' first sizes (512 rows): the resize on the first new provision,
  // the growth by doubling of iterables that are not arrays, and re-accrual over a state.
  test.prop(
    [
      fc.array(rebateSourceLineArb(), { minLength: 500, maxLength: 2500 }).map((ls) => ls.map((l, i) => ({ ...l, documentId: `${l.documentId}-${i}` }))),
      fc.nat(),
    ],
    { numRuns: 15 },
  )('large batches: one call equals two calls through the state and an iterable; re-accrual adds nothing', (lines, cut) => {
    const single = accrueRebates(program, lines, { rounding });
    const at = cut % (lines.length + 1);
    const first = accrueRebates(program, lines.slice(0, at), { rounding });
    const two = accrueRebates(program, new Set(lines.slice(at)), { rounding, state: first.state });
    expect(canon(two.state)).toEqual(canon(single.state));
    expect(accrueRebates(program, lines, { rounding, state: two.state }).entries).toEqual([]);
    expect(accrueRebates(program, lines, { rounding, state: single.state }).entries).toEqual([]);
  });

  // Regression: the first new provision of a call copies the table and resizes the copy for
  // the batch; its hash slot used to be the one found in the table before the resize, so
  // that key could not be found again and re-accrual added it a second time.
  test('re-accruing a batch larger than the table it starts from adds nothing', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => line({ documentId: `INV-${i}`, amount: String(10 + (i % 7)) }));
    const first = accrueRebates(program, lines, { rounding });
    expect(accrueRebates(program, lines, { rounding, state: first.state }).entries).toEqual([]);
    const more = Array.from({ length: 1500 }, (_, i) => line({ documentId: `INV-B${i}`, amount: '20' }));
    const second = accrueRebates(program, [...lines, ...more], { rounding, state: first.state });
    expect(second.entries.length).toBe(accrueRebates(program, more, { rounding }).entries.length);
    expect(accrueRebates(program, [...more, ...lines], { rounding, state: second.state }).entries).toEqual([]);
  });

  test('amounts beyond 64 bits are kept exactly', () => {
    const huge = line({ amount: '1' });
    const big = { ...huge, netAmount: money(10n ** 30n, 'USD') };
    const { state } = accrueRebates(compileRebateDeals([dealInput({ tierMethod: 'cumulative', tiers: [{ from: '0', rate: '10' }] })]), [big], { rounding });
    const [e] = listProvisions(state);
    expect([e?.basis.units, e?.amount.minor]).toEqual([10n ** 30n, 10n ** 29n]);
    expect(accrueRebates(compileRebateDeals([dealInput({ tierMethod: 'cumulative', tiers: [{ from: '0', rate: '10' }] })]), [big], { rounding, state }).entries).toEqual([]);
  });

  test('reference §2.6: a claim per invoiced line at the line-level tier, 40 units → 800, 60 units → 2,400', () => {
    const legacy = compileRebateDeals([legacyDeal()]);
    const { entries } = accrueRebates(legacy, [line({ qty: '40' }), line({ documentId: 'INV-2', qty: '60' })], { rounding: 'halfUp' });
    expect(entries.map((e) => [e.key, formatMoney(e.amount, { grouping: false }), e.tier])).toEqual([
      ['LEGACY|invoice|INV-1|1', 'USD 800.00', 0],
      ['LEGACY|invoice|INV-2|1', 'USD 2400.00', 1],
    ]);
  });

  test('calculation periods: month, quarter and validity ends', () => {
    const p = compileRebateDeals([
      dealInput({ id: 'M', calculationPeriod: 'month' }),
      dealInput({ id: 'Q', calculationPeriod: 'quarter' }),
      dealInput({ id: 'V', calculationPeriod: 'validity', validTo: '2026-06-30' }),
      dealInput({ id: 'Y', calculationPeriod: 'year' }),
    ]);
    const { entries } = accrueRebates(p, [line({ amount: '10', date: '2026-02-14' as never })], { rounding: 'halfUp' });
    expect(entries.map((e) => [e.dealId, e.periodEnd])).toEqual([
      ['M', '2026-02-28'],
      ['Q', '2026-03-31'],
      ['V', '2026-06-30'],
      ['Y', '2026-12-31'],
    ]);
  });

  test('credit notes are ignored when the deal does not include them', () => {
    const p = compileRebateDeals([dealInput({ basis: { measure: 'value', stage: 'invoiced', includeCreditNotes: false } })]);
    const { entries } = accrueRebates(p, [line({ kind: 'creditNote', amount: '100' })], { rounding: 'halfUp' });
    expect(entries).toEqual([]);
  });

  test('lines outside validity, stage or scope do not accrue', () => {
    const p = compileRebateDeals([dealInput({ validFrom: '2026-02-01', validTo: '2026-02-28' })]);
    const lines = [line({ amount: '10' }), line({ lineId: '2', stage: 'delivered', date: '2026-02-02' as never, amount: '10' })];
    expect(accrueRebates(p, lines, { rounding: 'halfUp' }).entries).toEqual([]);
  });

  test('a line that comes back with other figures is refused', () => {
    const first = accrueRebates(program, [line({ amount: '100' })], { rounding });
    expect(() => accrueRebates(program, [line({ amount: '101' })], { rounding, state: first.state })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Provision "ALL|invoice|INV-1|1" was accrued before with other figures: give a changed line a new line id, or post a credit note]`);
  });

  test('a value deal refuses a line in another currency', () => {
    expect(() => accrueRebates(program, [{ ...line(), netAmount: money(100n, 'EUR') }], { rounding })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: lines[0].netAmount is in EUR but USD was expected: convert it with convertMoney() first]`);
  });

  test('refuses bad deals, naming the field', () => {
    expect(() => compileRebateDeals([dealInput({ tiers: [{ from: '10', rate: '1' }, { from: '5', rate: '2' }] }), dealInput({ calculation: 'amountPerUnit' })]))
      .toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: deals[0].tiers[1].from: tiers must start at strictly ascending values; deals[1].basis.measure: an amount-per-unit deal needs a quantity basis; deals[1].id: duplicate deal id "D1"]`);
  });
});
