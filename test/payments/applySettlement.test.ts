import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { addDays } from '../../src/calendar/addDays.js';
import { money } from '../../src/money/Money.js';
import { scaled } from '../../src/money/Scaled.js';
import { applySettlement } from '../../src/payments/applySettlement.js';
import type { OpenItem } from '../../src/payments/OpenItem.js';
import { reverseSettlement } from '../../src/payments/reverseSettlement.js';
import { type SettlePaymentOptions, settleParsed } from '../../src/payments/settlePayment.js';
import { openItemsArb, paymentArb } from '../../src/testkit/index.js';
import { d, item, pay, settledOn, total } from './_fixtures.js';

const optionsArb: fc.Arbitrary<SettlePaymentOptions> = fc.record({
  rounding: fc.constantFrom('halfUp', 'halfEven'),
  asOf: fc.integer({ min: 0, max: 200 }).map((n) => addDays('2026-01-01' as never, n)),
  partialPaymentDiscount: fc.boolean(),
  fullSettlement: fc.boolean(),
  shortPayment: fc.constantFrom('partial', 'residualItem'),
  creditNoteDiscount: fc.boolean(),
  deductionReasonCode: fc.option(fc.constant('SS'), { nil: undefined }),
  tolerance: fc.record({ pennyDifference: fc.integer({ min: 0, max: 5 }).map((m) => money(BigInt(m), 'EUR')) }),
}).map((o) => {
  const { deductionReasonCode, ...rest } = o;
  return deductionReasonCode === undefined ? rest : { ...rest, deductionReasonCode };
});
const caseArb = fc.tuple(paymentArb().map((p) => ({ ...p, customerId: 'C0' as never })), openItemsArb({ customers: 1, creditNoteDiscounts: true }), optionsArb);
const sum = (items: readonly OpenItem[]): bigint => items.reduce((a, i) => a + i.residual.minor, 0n);

describe('applySettlement — the items a settlement opens', () => {
  test.prop([caseArb])('the account moves by exactly the payment and the documented closings', ([p, items, o]) => {
    const s = settleParsed(p, items, 'k', o);
    const after = applySettlement({ items, applied: new Map() }, s);
    expect(after.kind).toBe('applied');
    // Deductions and residual items move an amount to a new item: the balance keeps it.
    const closings = total(s, 'cashDiscount') + total(s, 'pennyDifference') + total(s, 'writeOff');
    expect(sum(after.state.items) + p.amount.minor - total(s, 'overpaymentWriteOff') + closings).toBe(sum(items));
  });
  test.prop([caseArb])('each new item carries exactly what its entry moved, with an id derived from the key', ([p, items, o]) => {
    const s = settleParsed(p, items, 'k', o);
    const opened = s.newItems ?? [];
    expect(new Set(opened.map((i) => i.id)).size).toBe(opened.length);
    for (const n of opened) {
      expect(n.id.startsWith('k:')).toBe(true);
      if (n.kind === 'payment') expect(n.residual.minor).toBe(-s.onAccount.minor);
      else {
        const e = s.entries.find((x) => x.itemId === n.originItemId && (x.kind === 'deduction' || x.kind === 'residualItem'));
        expect(e?.amount).toEqual(n.residual);
        expect(e?.reasonCode).toBe(n.reasonCode);
      }
    }
    expect(opened.some((n) => n.kind === 'payment')).toBe(s.onAccount.minor > 0n);
  });
  test.prop([caseArb])('the reversal restores the items exactly, removing the opened ones', ([p, items, o]) => {
    const s = settleParsed(p, items, 'k', o);
    const a = applySettlement({ items, applied: new Map() }, s);
    const back = applySettlement(a.state, reverseSettlement(s, 'rev'));
    expect(back.kind).toBe('applied');
    expect(back.state.items).toEqual(items);
  });
});

describe('settlePayment — settlement gaps, worked examples', () => {
  test('overpayment: 150.00 on a 100.00 invoice opens unapplied cash of −50.00 on the account', () => {
    const inv = item('INV-1', '100.00', '2026-03-31');
    const s = settleParsed(pay('150.00', '2026-03-01', { customerId: 'C1' as never }), [inv], 'stmt-1:3', { rounding: 'halfUp', asOf: d('2026-03-01') });
    expect(s.newItems).toMatchObject([{ id: 'stmt-1:3:onAccount', kind: 'payment', customerId: 'C1', residual: money(-5000n, 'EUR'), documentNumber: 'P1', dueDate: '2026-03-01' }]);
    const a = applySettlement({ items: [inv], applied: new Map() }, s);
    expect(a.kind === 'applied' && a.state.items.map((i) => [i.id, i.residual.minor])).toEqual([['INV-1', 0n], ['stmt-1:3:onAccount', -5000n]]);
    // Replaying opens nothing twice; a second settlement with the same opened id conflicts.
    expect(a.kind === 'applied' && applySettlement(a.state, s).kind).toBe('duplicate');
    expect(a.kind === 'applied' && applySettlement(a.state, { ...s, idempotencyKey: 'other', entries: [] })).toMatchObject({ kind: 'conflict', staleItemIds: ['stmt-1:3:onAccount'] });
  });
  test('deduction: a short payment with a reason code opens a deduction item that the invoice number still finds', () => {
    const inv = item('INV-7', '1000.00', '2026-03-31');
    const s = settleParsed(pay('940.00', '2026-03-01'), [inv], 'k', { rounding: 'halfUp', asOf: d('2026-03-01'), deductionReasonCode: 'SS' });
    expect(s.newItems).toMatchObject([{ id: 'k:deduction:INV-7', kind: 'deduction', residual: money(6000n, 'EUR'), documentNumber: 'INV-7', originItemId: 'INV-7', reasonCode: 'SS', dueDate: '2026-03-01' }]);
  });
  test('residual item (SAP): 600.00 on 1 000.00 closes the invoice and opens a 400.00 item due on the same date', () => {
    const inv = item('INV-9', '1000.00', '2026-03-31');
    const s = settleParsed(pay('600.00', '2026-03-01'), [inv], 'k', { rounding: 'halfUp', asOf: d('2026-03-01'), shortPayment: 'residualItem' });
    expect(s.entries.map((e) => [e.kind, e.amount.minor, e.reasonCode])).toEqual([['applied', 60000n, undefined], ['residualItem', 40000n, 'RESIDUAL']]);
    expect(s.newItems).toMatchObject([{ id: 'k:residual:INV-9', kind: 'invoice', residual: money(40000n, 'EUR'), dueDate: '2026-03-31', originItemId: 'INV-9' }]);
    const a = applySettlement({ items: [inv], applied: new Map() }, s);
    expect(a.kind === 'applied' && a.state.items.map((i) => [i.id, i.residual.minor])).toEqual([['INV-9', 0n], ['k:residual:INV-9', 40000n]]);
  });
  test('D365 full settlement (§4.5): 990.00 on 1 000.00 closes the invoice, 10.00 as additional cash discount', () => {
    const inv = item('INV-1', '1000.00', '2026-03-31');
    const s = settleParsed(pay('990.00', '2026-03-01'), [inv], 'k', { rounding: 'halfUp', asOf: d('2026-03-01'), fullSettlement: true });
    expect(s.entries.map((e) => [e.kind, e.amount.minor, e.reasonCode])).toEqual([['applied', 99000n, undefined], ['cashDiscount', 1000n, 'FULL_SETTLEMENT']]);
    expect(settledOn(s, 'INV-1')).toBe(100000n);
  });
  test('full settlement comes after the tolerances: a penny difference stays a penny difference', () => {
    const s = settleParsed(pay('999.99', '2026-03-01'), [item('INV-1', '1000.00', '2026-03-31')], 'k', {
      rounding: 'halfUp', asOf: d('2026-03-01'), fullSettlement: true, tolerance: { pennyDifference: money(1n, 'EUR') },
    });
    expect(s.entries.map((e) => e.kind)).toEqual(['applied', 'pennyDifference']);
  });
  test('D365 cash discount on a credit note (§4.2): −100.00 at 2 % counts 98.00, discount −2.00', () => {
    const inv = item('INV-1', '1000.00', '2026-03-31');
    const cn = item('CN-1', '100.00', '2026-03-31', { kind: 'creditNote', discounts: [['2', '2026-03-10']] });
    const s = settleParsed(pay('902.00', '2026-03-05'), [inv, cn], 'k', { rounding: 'halfUp', asOf: d('2026-03-05'), creditNoteDiscount: true });
    expect(s.entries.map((e) => [e.kind, e.itemId, e.amount.minor])).toEqual([['applied', 'INV-1', 100000n], ['applied', 'CN-1', -9800n], ['cashDiscount', 'CN-1', -200n]]);
    expect(s.onAccount.minor).toBe(0n);
    // Without the option, or after the discount date, the credit note counts in full.
    const off = settleParsed(pay('902.00', '2026-03-05'), [inv, cn], 'k', { rounding: 'halfUp', asOf: d('2026-03-05') });
    expect(total(off, 'cashDiscount')).toBe(0n);
    expect(off.onAccount.minor).toBe(200n);
    const late = settleParsed(pay('902.00', '2026-03-20'), [inv, cn], 'k', { rounding: 'halfUp', asOf: d('2026-03-20'), creditNoteDiscount: true });
    expect(total(late, 'cashDiscount')).toBe(0n);
  });
  test('a percent discount is exact: 2.5 % on a 40.00 credit note is 1.00', () => {
    const cn = item('CN-2', '40.00', '2026-03-31', { kind: 'creditNote', cashDiscounts: [{ percent: scaled('2.5'), until: d('2026-03-10') }] } as never);
    const s = settleParsed(pay('961.00', '2026-03-05'), [item('INV-1', '1000.00', '2026-03-31'), cn], 'k', { rounding: 'halfUp', asOf: d('2026-03-05'), creditNoteDiscount: true });
    expect(total(s, 'cashDiscount', 'CN-2')).toBe(-100n);
  });
});

describe('settlePayment — cross rate (D365 §4.7)', () => {
  const usd = (p: ReturnType<typeof pay>) => ({ ...p, currency: 'USD', amount: money(p.amount.minor, 'USD') });
  test.prop([paymentArb(), openItemsArb({ customers: 1 })])('at a cross rate of 1 the items settle exactly as with a payment in their currency', (p, items) => {
    const o = { rounding: 'halfUp', asOf: d('2026-03-01') } as const;
    const same = settleParsed(p, items, 'k', o);
    const cross = settleParsed(usd(p), items, 'k', { ...o, crossRate: scaled('1') });
    expect(cross.entries.filter((e) => e.kind !== 'onAccount')).toEqual(same.entries.filter((e) => e.kind !== 'onAccount'));
    expect(cross.onAccount).toEqual(money(same.onAccount.minor, 'USD'));
  });
  test.prop([paymentArb(), openItemsArb({ customers: 1 }), fc.integer({ min: 1, max: 300_000 })])(
    'never settles more than the converted payment; on account in the payment currency, between 0 and the payment',
    (p, items, rate) => {
      fc.pre(items.length > 0);
      const crossRate = scaled(`${Math.floor(rate / 10_000)}.${String(rate % 10_000).padStart(4, '0')}`);
      const s = settleParsed(usd(p), items, 'k', { rounding: 'halfEven', asOf: d('2026-03-01'), crossRate });
      const pool = (p.amount.minor * crossRate.units) / 10n ** BigInt(crossRate.scale);
      const debits = s.entries.filter((e) => e.kind === 'applied' && e.amount.minor > 0n).reduce((a, e) => a + e.amount.minor, 0n);
      const credits = items.filter((i) => i.residual.minor < 0n).reduce((a, i) => a - i.residual.minor, 0n);
      expect(debits <= pool + credits).toBe(true);
      expect(s.onAccount.currency).toBe('USD');
      expect(s.onAccount.minor >= 0n && s.onAccount.minor <= p.amount.minor).toBe(true);
      for (const e of s.entries) expect(e.amount.currency).toBe(e.kind === 'onAccount' ? 'USD' : 'EUR');
    },
  );
  test('USD 120.00 at 0.90 EUR per USD settles a EUR 99.00 invoice; USD 10.00 left on account; FX in GBP at the table rates', () => {
    const inv = { ...item('INV-1', '99.00', '2026-03-31'), exchangeRate: scaled('0.85') };
    const p = { ...usd(pay('120.00', '2026-03-01')), customerId: 'C1' as never, exchangeRate: scaled('0.80') };
    const s = settleParsed(p, [inv], 'k', { rounding: 'halfUp', asOf: d('2026-03-01'), crossRate: scaled('0.90'), accountingCurrency: 'GBP' });
    expect(s.entries.map((e) => [e.kind, e.amount.currency, e.amount.minor])).toEqual([
      ['applied', 'EUR', 9900n],
      ['onAccount', 'USD', 1000n],
      // 110.00 USD × 0.80 = 88.00 GBP of cash for 99.00 EUR × 0.85 = 84.15 GBP of invoice.
      ['exchangeGain', 'GBP', 385n],
    ]);
    expect(s.crossRate).toEqual({ from: 'USD', to: 'EUR', rate: scaled('0.90') });
    expect(s.newItems).toMatchObject([{ kind: 'payment', currency: 'USD', residual: money(-1000n, 'USD') }]);
  });
});
