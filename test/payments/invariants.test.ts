// The 19 invariants of reference/matching-and-credit.md A.11 as properties.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { addDays } from '../../src/calendar/addDays.js';
import { money } from '../../src/money/Money.js';
import { scaled } from '../../src/money/Scaled.js';
import { applySettlement } from '../../src/payments/applySettlement.js';
import { confidenceOf, type MatchSignal, matchParsed } from '../../src/payments/matchStatement.js';
import type { OpenItem } from '../../src/payments/OpenItem.js';
import { findCombination } from '../../src/payments/findCombination.js';
import { findCombinationByHalves } from '../../src/payments/_internal/findCombinationByHalves.js';
import { findCombinationByTable } from '../../src/payments/_internal/findCombinationByTable.js';
import { reverseSettlement } from '../../src/payments/reverseSettlement.js';
import type { Settlement } from '../../src/payments/Settlement.js';
import { type SettlePaymentOptions, settleParsed } from '../../src/payments/settlePayment.js';
import { sortBySettlementPriority } from '../../src/payments/settlementPriority.js';
import { openItemsArb, paymentArb, paymentsScenarioArb } from '../../src/testkit/index.js';
import { deepFreeze, eur } from '../helpers.js';

const RESIDUAL = new Set(['applied', 'cashDiscount', 'pennyDifference', 'writeOff', 'deduction', 'residualItem']);
const sumKind = (s: Settlement, kinds: readonly string[]): bigint => s.entries.filter((e) => kinds.includes(e.kind)).reduce((a, e) => a + e.amount.minor, 0n);
const onItem = (s: Settlement, id: string): bigint => s.entries.filter((e) => e.itemId === id && RESIDUAL.has(e.kind)).reduce((a, e) => a + e.amount.minor, 0n);

const optionsArb: fc.Arbitrary<SettlePaymentOptions> = fc.record({
  rounding: fc.constantFrom('halfUp', 'halfEven', 'down', 'up'),
  asOf: fc.integer({ min: 0, max: 200 }).map((d) => addDays('2026-01-01' as never, d)),
  graceDays: fc.integer({ min: 0, max: 5 }),
  partialPaymentDiscount: fc.boolean(),
  underpayment: fc.constantFrom('withinTolerance', 'onlyWithCashDiscount'),
  accountingCurrency: fc.constant('USD'),
  cashDiscountAdministration: fc.constantFrom('specific', 'unspecific'),
  fullSettlement: fc.boolean(),
  shortPayment: fc.constantFrom('partial', 'residualItem'),
  creditNoteDiscount: fc.boolean(),
  tolerance: fc.record({
    pennyDifference: fc.integer({ min: 0, max: 5 }).map((m) => money(BigInt(m), 'EUR')),
    maxOverUnderPayment: fc.integer({ min: 0, max: 500 }).map((m) => money(BigInt(m), 'EUR')),
    maxOverUnderPercent: fc.constantFrom(scaled('0'), scaled('1'), scaled('2.5')),
  }),
});

const settleArb = fc.tuple(paymentArb(), openItemsArb({ customers: 1, creditNoteDiscounts: true }), optionsArb);

describe('settlePayment invariants', () => {
  test.prop([settleArb])('1. conservation: Σ applied + on account + overpayment write-off = payment', ([p, items, o]) => {
    const s = settleParsed(p, items, 'k', o);
    expect(sumKind(s, ['applied', 'onAccount', 'overpaymentWriteOff'])).toBe(p.amount.minor);
  });
  test.prop([settleArb])('2. never applies more than the payment; every amount ≥ 0 except consumed credits', ([p, items, o]) => {
    const s = settleParsed(p, items, 'k', o);
    const credits = items.filter((i) => i.residual.minor < 0n).reduce((a, i) => a - i.residual.minor, 0n);
    const onDebits = s.entries.filter((e) => e.kind === 'applied' && e.amount.minor > 0n).reduce((a, e) => a + e.amount.minor, 0n);
    expect(onDebits <= p.amount.minor + credits).toBe(true);
    expect(s.onAccount.minor <= p.amount.minor && s.onAccount.minor >= 0n).toBe(true);
    // Only a credit note's own cash discount is negative (it lowers a negative residual).
    for (const e of s.entries) {
      if (e.kind === 'applied') continue;
      const credit = items.find((i) => i.id === e.itemId)?.kind === 'creditNote';
      expect(e.kind === 'cashDiscount' && credit ? e.amount.minor < 0n : e.amount.minor > 0n).toBe(true);
    }
  });
  test.prop([settleArb])('3. never over-settles an item: 0 ≤ after ≤ before (credits mirrored)', ([p, items, o]) => {
    const s = settleParsed(p, items, 'k', o);
    for (const i of items) {
      const after = i.residual.minor - onItem(s, i.id);
      if (i.residual.minor >= 0n) expect(after >= 0n && after <= i.residual.minor).toBe(true);
      else expect(after <= 0n && after >= i.residual.minor).toBe(true);
    }
  });
  test.prop([settleArb])('4. one currency per entry: the payment’s, FX in the accounting currency', ([p, items, o]) => {
    for (const e of settleParsed(p, items, 'k', o).entries) expect(e.amount.currency).toBe(e.kind.startsWith('exchange') ? 'USD' : 'EUR');
  });
  test.prop([settleArb])('5. discount bounds: only by discount date + grace, never above the rate × residual', ([p, items, o]) => {
    const s = settleParsed(p, items, 'k', o);
    // Full settlement's additional discount is the documented exception (D365 §4.5).
    for (const e of s.entries.filter((x) => x.kind === 'cashDiscount' && x.reasonCode !== 'FULL_SETTLEMENT')) {
      const item = items.find((i) => i.id === e.itemId) as OpenItem;
      const abs = (x: bigint): bigint => (x < 0n ? -x : x);
      const step = item.cashDiscounts.find((c) => o.asOf <= addDays(c.until, o.graceDays ?? 0));
      expect(step).toBeDefined();
      if (step === undefined) continue;
      // discount × 100 ≤ residual × percent, rounding up by at most one minor unit.
      expect((abs(e.amount.minor) - 1n) * 100n * 10n ** BigInt(step.percent.scale) <= abs(item.residual.minor) * step.percent.units).toBe(true);
    }
  });
  test.prop([settleArb])('6. write-offs stay within every limit (the lower wins)', ([p, items, o]) => {
    const s = settleParsed(p, items, 'k', o);
    const t = o.tolerance;
    for (const e of s.entries.filter((x) => x.kind === 'writeOff' || x.kind === 'pennyDifference')) {
      const item = items.find((i) => i.id === e.itemId) as OpenItem;
      if (e.kind === 'pennyDifference') expect(e.amount.minor <= (t?.pennyDifference?.minor ?? 0n)).toBe(true);
      else {
        expect(e.amount.minor <= (t?.maxOverUnderPayment?.minor ?? 0n)).toBe(true);
        const pct = t?.maxOverUnderPercent;
        if (pct !== undefined) expect(e.amount.minor * 100n * 10n ** BigInt(pct.scale) <= pct.units * item.residual.minor).toBe(true);
      }
    }
  });
  test.prop([settleArb])('FX sign: payment rate above the item rate is a gain, below a loss', ([p, items, o]) => {
    const s = settleParsed(p, items, 'k', o);
    for (const e of s.entries.filter((x) => x.kind.startsWith('exchange'))) {
      const item = items.find((i) => i.id === e.itemId) as OpenItem;
      const up = (p.exchangeRate?.units ?? 0n) > (item.exchangeRate?.units ?? 0n);
      expect(e.kind).toBe(up ? 'exchangeGain' : 'exchangeLoss');
    }
  });
  test.prop([settleArb])('19. priority: no later item receives money while an earlier one stays open', ([p, items, o]) => {
    const s = settleParsed(p, items, 'k', o);
    const debits = sortBySettlementPriority(items.filter((i) => i.residual.minor > 0n), 'dueDate', o.asOf, o.graceDays ?? 0);
    let openBefore = false;
    for (const i of debits) {
      const paid = s.entries.some((e) => e.itemId === i.id && e.kind === 'applied');
      if (paid) expect(openBefore).toBe(false);
      if (i.residual.minor - onItem(s, i.id) > 0n) openBefore = true;
    }
  });
  test.prop([settleArb])('9. idempotence and reversal: replay is a duplicate, the reversal restores every residual', ([p, items, o]) => {
    const s = settleParsed(p, items, 'k', o);
    const a = applySettlement({ items, applied: new Map() }, s);
    expect(a.kind).toBe('applied');
    expect(applySettlement(a.state, s).kind).toBe('duplicate');
    const back = applySettlement(a.state, reverseSettlement(s, 'rev'));
    expect(back.state.items).toEqual(items);
  });
  test.prop([settleArb])('8. determinism and order independence, no input mutation', ([p, items, o]) => {
    const frozen = deepFreeze(structuredClone(items).map((i, k) => ({ ...i, residual: items[k]?.residual, ...(items[k]?.exchangeRate ? { exchangeRate: items[k]?.exchangeRate } : {}), cashDiscounts: items[k]?.cashDiscounts })) as OpenItem[]);
    const s1 = settleParsed(p, frozen, 'k', o);
    const s2 = settleParsed(p, [...items].reverse(), 'k', o);
    expect(s2).toEqual(s1);
  });
});

describe('matching invariants', () => {
  const scenario = paymentsScenarioArb({ customers: 2, maxItems: 10 });
  const opts = { rounding: 'halfUp', asOf: '2026-03-01' as never, tolerance: { maxOverUnderPayment: eur('1.00') } } as const;
  test.prop([scenario])('7. a payment appears in one proposal; an item is never settled beyond its opening residual', ({ items, payments }) => {
    const r = matchParsed({ items, payments }, opts);
    expect(r.proposals.map((x) => x.paymentId)).toEqual([...payments].sort((a, b) => (a.valueDate < b.valueDate ? -1 : a.valueDate > b.valueDate ? 1 : a.id < b.id ? -1 : 1)).map((x) => x.id));
    for (const after of r.items) {
      const before = items.find((i) => i.id === after.id) as OpenItem;
      if (before.residual.minor >= 0n) expect(after.residual.minor >= 0n && after.residual.minor <= before.residual.minor).toBe(true);
      else expect(after.residual.minor <= 0n && after.residual.minor >= before.residual.minor).toBe(true);
    }
    for (const x of r.proposals) {
      expect(x.confidence >= 0 && x.confidence <= 100).toBe(true);
      if (x.signals.some((s) => s.name === 'AMBIGUOUS')) expect(x.decision).not.toBe('autoApply');
      if (x.settlement) expect(sumKind(x.settlement, ['applied', 'onAccount', 'overpaymentWriteOff'])).toBe(payments.find((p) => p.id === x.paymentId)?.amount.minor);
    }
  });
  test.prop([scenario, fc.nat()])('8. order independence: shuffled items and payments give the same result', ({ items, payments }, seed) => {
    const shuffle = <T>(xs: readonly T[]): T[] => xs.map((x, i) => ({ x, k: (i * 7919 + seed) % 104729 })).sort((a, b) => a.k - b.k).map((e) => e.x);
    expect(matchParsed({ items: shuffle(items), payments: shuffle(payments) }, opts)).toEqual(matchParsed({ items, payments }, opts));
  });
  test.prop([scenario])('9. re-running on the post-state proposes nothing new for auto-applied items', ({ items, payments }) => {
    const r = matchParsed({ items, payments }, opts);
    const applied = new Set(r.proposals.filter((x) => x.decision === 'autoApply').flatMap((x) => x.itemIds));
    for (const i of r.items) if (applied.has(i.id) && i.residual.minor === 0n) expect(r.items.find((j) => j.id === i.id)?.residual.minor).toBe(0n);
    expect(matchParsed({ items, payments }, opts)).toEqual(r);
  });
  test.prop([scenario])('11. renaming ids by an order-preserving bijection gives isomorphic output', ({ items, payments }) => {
    const rename = (id: string): string => `X-${id}`;
    const renamed = items.map((i) => ({ ...i, id: rename(i.id) as never }));
    const a = matchParsed({ items, payments }, opts);
    const b = matchParsed({ items: renamed, payments }, opts);
    expect(b.proposals.map((x) => [x.rule, x.decision, x.itemIds])).toEqual(a.proposals.map((x) => [x.rule, x.decision, x.itemIds.map(rename)]));
  });
  test.prop([openItemsArb({ customers: 1, credits: false }), fc.integer({ min: 0, max: 11 })])(
    '16. exact dominance: a unique item with open = P named by a unique reference → one full allocation, auto-applied',
    (items, k) => {
      const target = items[k % Math.max(1, items.length)];
      fc.pre(target !== undefined && target.residual.minor > 0n);
      if (target === undefined) return;
      const p = { id: 'P', currency: 'EUR', amount: target.residual, valueDate: '2026-12-31' as never, references: [target.documentNumber] };
      const r = matchParsed({ items, payments: [p] }, opts);
      expect(r.proposals[0]).toMatchObject({ rule: 'reference', itemIds: [target.id], decision: 'autoApply' });
      expect(r.proposals[0]?.settlement?.entries.map((e) => e.kind)).toEqual(['applied']);
    },
  );
  const signalArb: fc.Arbitrary<MatchSignal> = fc.record({
    name: fc.constantFrom('CUSTOMER_BY_ID', 'RF_VALID', 'AMOUNT_EXACT', 'UNIQUE', 'AMBIGUOUS'),
    group: fc.constantFrom('customer', 'reference', 'amount', 'uniqueness'),
    points: fc.integer({ min: 0, max: 40 }),
    evidence: fc.constant('e'),
  });
  test.prop([fc.array(signalArb), signalArb])('18. confidence in [0, 100]; a confirming signal never lowers it; AMBIGUOUS stays below auto', (signals, extra) => {
    const c = confidenceOf(signals, 90);
    expect(c >= 0 && c <= 100).toBe(true);
    if (extra.name !== 'AMBIGUOUS') expect(confidenceOf([...signals, extra], 90) >= c).toBe(true);
    if (signals.some((s) => s.name === 'AMBIGUOUS')) expect(c < 90).toBe(true);
  });
  test.prop([openItemsArb({ customers: 1, credits: false, maxItems: 8 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 300_000 })])(
    '17. tolerance monotonicity for one payment: auto-matched with t stays auto-matched with a larger t',
    (items, t, amount) => {
      fc.pre(amount > 0);
      const p = { id: 'P', currency: 'EUR', amount: money(BigInt(amount), 'EUR'), valueDate: '2026-12-31' as never, references: [], customerId: 'C0' as never };
      const base = { rounding: 'halfUp', asOf: '2026-12-31' as never } as const;
      const a = matchParsed({ items, payments: [p] }, { ...base, tolerance: { maxOverUnderPayment: money(BigInt(t), 'EUR') } });
      const b = matchParsed({ items, payments: [p] }, { ...base, tolerance: { maxOverUnderPayment: money(BigInt(t + 50), 'EUR') } });
      if (a.proposals[0]?.decision === 'autoApply' && a.proposals[0].rule !== 'combination') expect(b.proposals[0]?.decision).toBe('autoApply');
    },
  );
  test.prop([openItemsArb({ customers: 1, credits: false }), fc.integer({ min: 1, max: 4 })])('10. scale invariance: ×100 amounts and limits give the same structure', (items, k) => {
    const scale = (i: OpenItem): OpenItem => ({ ...i, residual: money(i.residual.minor * 100n, 'EUR') });
    const target = items.slice(0, k).reduce((a, i) => a + i.residual.minor, 0n);
    fc.pre(target > 0n);
    const pay = (m: bigint) => ({ id: 'P', currency: 'EUR', amount: money(m, 'EUR'), valueDate: '2026-12-31' as never, references: [], customerId: 'C0' as never });
    const a = matchParsed({ items, payments: [pay(target)] }, opts).proposals[0];
    const b = matchParsed({ items: items.map(scale), payments: [pay(target * 100n)] }, { ...opts, tolerance: { maxOverUnderPayment: eur('100.00') } }).proposals[0];
    expect([b?.rule, b?.itemIds]).toEqual([a?.rule, a?.itemIds]);
  });
});

describe('combination search against brute force (12–15)', () => {
  const brute = (a: readonly bigint[], lo: bigint, hi: bigint, k: number): number[][] => {
    const out: number[][] = [];
    for (let mask = 1; mask < 1 << a.length; mask++) {
      const idx = a.map((_, i) => i).filter((i) => (mask >> i) & 1);
      if (idx.length > k) continue;
      const s = idx.reduce((t, i) => t + (a[i] ?? 0n), 0n);
      if (s >= lo && s <= hi) out.push(idx);
    }
    return out.sort((x, y) => x.length - y.length || x.map((v, i) => v - (y[i] ?? 0)).find((v) => v !== 0) || 0);
  };
  test.prop([fc.array(fc.bigInt({ min: 1n, max: 60n }), { maxLength: 10 }), fc.bigInt({ min: 1n, max: 200n }), fc.bigInt({ min: 0n, max: 3n }), fc.integer({ min: 1, max: 5 })])(
    'sound, complete, canonical, and ambiguous exactly when brute force finds two or more',
    (a, target, tol, k) => {
      const r = findCombination(a, [target, target + tol], { maxItems: k, budget: 1_000_000 });
      const all = brute(a, target, target + tol, k);
      if (all.length === 0) expect(r.kind).toBe('none');
      else {
        expect(r.kind).toBe(all.length === 1 ? 'unique' : 'ambiguous');
        if (r.kind === 'unique' || r.kind === 'ambiguous') expect(r.indices).toEqual(all[0]);
      }
    },
  );
});

describe('15. three independent searches agree: depth-first, dynamic programming, meet in the middle', () => {
  const answer = (r: ReturnType<typeof findCombination>): unknown => (r.kind === 'unique' || r.kind === 'ambiguous' ? [r.kind, r.indices] : [r.kind]);
  test.prop([
    fc.array(fc.integer({ min: 1, max: 80 }), { maxLength: 14 }),
    fc.integer({ min: 1, max: 300 }),
    fc.integer({ min: 0, max: 4 }),
    fc.integer({ min: 1, max: 6 }),
  ])('small amounts: all three give the same existence, uniqueness and canonical subset', (a, target, tol, k) => {
    const bb = findCombination(a.map(BigInt), [BigInt(target), BigInt(target + tol)], { maxItems: k, budget: 10_000_000 });
    const dp = findCombinationByTable(a, [target, target + tol], { maxItems: k, maxCells: 10_000_000 });
    const mitm = findCombinationByHalves(a, [target, target + tol], k);
    expect(answer(dp)).toEqual(answer(bb));
    expect(answer(mitm)).toEqual(answer(bb));
  });
  // Amounts like invoices (up to 10 000.00 in cents) with a payment that is a real subset sum.
  test.prop([fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 18 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.integer({ min: 2, max: 5 })])(
    'invoice-sized amounts: depth-first and meet in the middle agree (the table would be too large)',
    (a, picks, k) => {
      const target = [...new Set(picks.map((p) => p % a.length))].reduce((s, i) => s + (a[i] ?? 0), 0);
      const bb = findCombination(a.map(BigInt), [BigInt(target), BigInt(target)], { maxItems: k, budget: 10_000_000 });
      expect(answer(findCombinationByHalves(a, [target, target], k))).toEqual(answer(bb));
    },
  );
  test('Infor example: 845.00 = 333.00 + 512.00 is the only combination, in all three', () => {
    const a = [120_00, 333_00, 410_00, 512_00, 95_00];
    const expected = { kind: 'unique', indices: [1, 3] };
    expect(findCombination(a.map(BigInt), [845_00n, 845_00n], { maxItems: 5, budget: 1000 })).toMatchObject(expected);
    expect(findCombinationByTable(a, [845_00, 845_00], { maxItems: 5, maxCells: 10_000_000 })).toMatchObject(expected);
    expect(findCombinationByHalves(a, [845_00, 845_00], 5)).toMatchObject(expected);
  });
});
