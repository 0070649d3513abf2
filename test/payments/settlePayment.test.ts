import { describe, expect, test } from 'vitest';
import { parseMoney } from '../../src/money/parseMoney.js';
import { scaled } from '../../src/money/Scaled.js';
import { applySettlement } from '../../src/payments/applySettlement.js';
import { reverseSettlement } from '../../src/payments/reverseSettlement.js';
import { settleParsed, settlePayment } from '../../src/payments/settlePayment.js';
import { eur } from '../helpers.js';
import { d, item, pay, settledOn, total } from './_fixtures.js';

const fti = () => [
  item('FTI-10040', '1000.00', '2026-06-14', { doc: '2026-05-15' }),
  item('FTI-10041', '1000.00', '2026-07-25', { doc: '2026-06-25', discounts: [['1', '2026-07-09']] }),
  item('FTI-10042', '1000.00', '2026-07-25', { doc: '2026-06-25', discounts: [['2', '2026-06-30'], ['1', '2026-07-09']] }),
];

describe('settlePayment — D365 worked examples (d365-semantics §4.3–4.5)', () => {
  const d700 = () => [
    item('INV-1', '100.00', '2026-09-14', { doc: '2026-08-15' }),
    item('INV-2', '250.00', '2026-10-01', { doc: '2026-09-01' }),
    item('INV-3', '500.00', '2026-11-14', { doc: '2026-10-15' }),
    item('INT-1', '7.00', '2026-11-15', { doc: '2026-10-15', kind: 'interestNote' }),
  ];
  test('700.00 by attribute priority: interest 7.00, 100.00, 250.00, 343.00', () => {
    const s = settleParsed(pay('700.00', '2026-10-25'), d700(), 'k', {
      rounding: 'halfUp',
      asOf: d('2026-10-25'),
      priority: [{ by: 'kind', order: ['fee', 'interestNote', 'invoice'] }, { by: 'documentDate', direction: 'asc' }, { by: 'documentNumber', direction: 'asc' }],
    });
    expect(['INT-1', 'INV-1', 'INV-2', 'INV-3'].map((id) => settledOn(s, id))).toEqual([700n, 10000n, 25000n, 34300n]);
    expect(s.onAccount.minor).toBe(0n);
  });
  test('700.00 by due date: 100.00, 250.00, 350.00, interest note 0', () => {
    const s = settleParsed(pay('700.00', '2026-10-25'), d700(), 'k', { rounding: 'halfUp', asOf: d('2026-10-25') });
    expect(['INV-1', 'INV-2', 'INV-3', 'INT-1'].map((id) => settledOn(s, id))).toEqual([10000n, 25000n, 35000n, 0n]);
  });
  test('multiple discount periods: 2 970.00 on 29 June, 2 980.00 on 1 July', () => {
    const a = settleParsed(pay('2970.00', '2026-06-29'), fti(), 'k', { rounding: 'halfUp', asOf: d('2026-06-29') });
    expect(total(a, 'applied')).toBe(297000n);
    expect(total(a, 'cashDiscount')).toBe(3000n);
    expect(a.onAccount.minor).toBe(0n);
    const b = settleParsed(pay('2980.00', '2026-07-01'), fti(), 'k', { rounding: 'halfUp', asOf: d('2026-07-01') });
    expect(total(b, 'cashDiscount')).toBe(2000n);
    expect(b.onAccount.minor).toBe(0n);
  });
  test('1 485.00 on 29 June: 10040 in full, 485.00 + 9.90 on 10042 (better discount first), 10041 untouched', () => {
    const s = settleParsed(pay('1485.00', '2026-06-29'), fti(), 'k', { rounding: 'halfUp', asOf: d('2026-06-29'), partialPaymentDiscount: true });
    expect(settledOn(s, 'FTI-10040')).toBe(100000n);
    expect(total(s, 'applied', 'FTI-10042')).toBe(48500n);
    expect(total(s, 'cashDiscount', 'FTI-10042')).toBe(990n);
    expect(100000n - settledOn(s, 'FTI-10042')).toBe(50510n);
    expect(settledOn(s, 'FTI-10041')).toBe(0n);
  });
  test('partial 49.00 on a 2 % invoice of 100.00 → discount 1.00; full 98.00 → 2.00', () => {
    const inv = [item('I', '100.00', '2026-02-01', { discounts: [['2', '2026-01-10']] })];
    const o = { rounding: 'halfUp', asOf: d('2026-01-05'), partialPaymentDiscount: true } as const;
    expect(total(settleParsed(pay('49.00', '2026-01-05'), inv, 'k', o), 'cashDiscount')).toBe(100n);
    const full = settleParsed(pay('98.00', '2026-01-05'), inv, 'k', o);
    expect([total(full, 'applied'), total(full, 'cashDiscount'), full.onAccount.minor]).toEqual([9800n, 200n, 0n]);
  });
  test('grace days extend the discount date', () => {
    const inv = [item('I', '100.00', '2026-02-01', { discounts: [['2', '2026-01-10']] })];
    expect(total(settleParsed(pay('98.00', '2026-01-12'), inv, 'k', { rounding: 'halfUp', asOf: d('2026-01-12') }), 'cashDiscount')).toBe(0n);
    expect(total(settleParsed(pay('98.00', '2026-01-12'), inv, 'k', { rounding: 'halfUp', asOf: d('2026-01-12'), graceDays: 2 }), 'cashDiscount')).toBe(200n);
  });
  test('999.90 on 1 000.00, limit 0.10: written off in the earlier edition, left open in the 2026 edition', () => {
    const inv = [item('I', '1000.00', '2026-02-01')];
    const base = { rounding: 'halfUp', asOf: d('2026-01-05'), tolerance: { maxOverUnderPayment: eur('0.10') } } as const;
    const older = settleParsed(pay('999.90', '2026-01-05'), inv, 'k', { ...base, underpayment: 'withinTolerance' });
    expect(total(older, 'writeOff')).toBe(10n);
    expect(older.entries.find((e) => e.kind === 'writeOff')?.reasonCode).toBe('TOLERANCE');
    expect(total(settleParsed(pay('999.90', '2026-01-05'), inv, 'k', base), 'writeOff')).toBe(0n);
    const strict = settleParsed(pay('999.90', '2026-01-05'), inv, 'k', { ...base, underpayment: 'withinTolerance', tolerance: { maxOverUnderPayment: eur('0.10'), inclusive: false } });
    expect(total(strict, 'writeOff')).toBe(0n);
  });
  test('overpayment with a discount: unspecific reduces the discount (10.00), specific keeps 10.50 and treats 0.50 by tolerance', () => {
    const inv = [item('I', '105.00', '2026-02-01', { discounts: [['10', '2026-01-10']] })];
    const o = { rounding: 'halfUp', asOf: d('2026-01-05') } as const;
    const u = settleParsed(pay('95.00', '2026-01-05'), inv, 'k', { ...o, cashDiscountAdministration: 'unspecific' });
    expect([total(u, 'applied'), total(u, 'cashDiscount'), u.onAccount.minor]).toEqual([9500n, 1000n, 0n]);
    const sIn = settleParsed(pay('95.00', '2026-01-05'), inv, 'k', { ...o, tolerance: { maxOverUnderPayment: eur('1.00') } });
    expect([total(sIn, 'cashDiscount'), total(sIn, 'overpaymentWriteOff'), sIn.onAccount.minor]).toEqual([1050n, 50n, 0n]);
    const sOut = settleParsed(pay('95.00', '2026-01-05'), inv, 'k', { ...o, tolerance: { maxOverUnderPayment: eur('0.10') } });
    expect([total(sOut, 'cashDiscount'), sOut.onAccount.minor]).toEqual([1050n, 50n]);
  });
  test('penny difference closes the item', () => {
    const s = settleParsed(pay('99.99', '2026-01-05'), [item('I', '100.00', '2026-02-01')], 'k', { rounding: 'halfUp', asOf: d('2026-01-05'), tolerance: { pennyDifference: eur('0.01') } });
    expect(total(s, 'pennyDifference')).toBe(1n);
  });
  test('OCA/Odoo: 1 185.80 on 1 210.00 with a 2 % tolerance is accepted (exact, inclusive); the lower limit wins', () => {
    const inv = [item('I', '1210.00', '2026-02-01')];
    const o = { rounding: 'halfUp', asOf: d('2026-01-05'), underpayment: 'withinTolerance' } as const;
    expect(total(settleParsed(pay('1185.80', '2026-01-05'), inv, 'k', { ...o, tolerance: { maxOverUnderPercent: scaled('2') } }), 'writeOff')).toBe(2420n);
    expect(total(settleParsed(pay('1185.80', '2026-01-05'), inv, 'k', { ...o, tolerance: { maxOverUnderPercent: scaled('2'), maxOverUnderPayment: eur('20') } }), 'writeOff')).toBe(0n);
  });
  test('short pay beyond tolerance with a reason code becomes a deduction', () => {
    const s = settleParsed(pay('900.00', '2026-01-05'), [item('I', '1000.00', '2026-02-01')], 'k', { rounding: 'halfUp', asOf: d('2026-01-05'), deductionReasonCode: 'SS' });
    expect(s.entries.find((e) => e.kind === 'deduction')).toMatchObject({ reasonCode: 'SS', amount: eur('100.00') });
  });
  test('overpayment stays on account; credit note settles against the invoice first', () => {
    const s = settleParsed(pay('150.00', '2026-01-05'), [item('I', '200.00', '2026-02-01'), item('CN', '100.00', '2026-01-01', { kind: 'creditNote' })], 'k', { rounding: 'halfUp', asOf: d('2026-01-05') });
    expect(settledOn(s, 'I')).toBe(20000n);
    expect(settledOn(s, 'CN')).toBe(-10000n);
    expect(s.onAccount).toEqual(eur('50.00'));
  });
  test('realised FX gain when the payment rate is above the invoice rate, loss below', () => {
    const inv = [item('I', '100.00', '2026-02-01', { currency: 'USD', exchangeRate: scaled('0.90') })];
    const o = { rounding: 'halfUp', asOf: d('2026-01-05'), accountingCurrency: 'EUR' } as const;
    const gain = settleParsed(pay('100.00', '2026-01-05', { currency: 'USD', exchangeRate: scaled('0.95') }), inv, 'k', o);
    expect(gain.entries.find((e) => e.kind === 'exchangeGain')?.amount).toEqual(eur('5.00'));
    const loss = settleParsed(pay('100.00', '2026-01-05', { currency: 'USD', exchangeRate: scaled('0.8512') }), inv, 'k', o);
    expect(loss.entries.find((e) => e.kind === 'exchangeLoss')?.amount).toEqual(eur('4.88'));
  });
  test('idempotency: same key and content is a duplicate, other content throws; reversal restores', () => {
    const items = [item('I', '100.00', '2026-02-01')];
    const s = settleParsed(pay('60.00', '2026-01-05'), items, 'key-1', { rounding: 'halfUp', asOf: d('2026-01-05') });
    const a = applySettlement({ items, applied: new Map() }, s);
    expect(a.kind).toBe('applied');
    expect(applySettlement(a.state, s).kind).toBe('duplicate');
    const other = settleParsed(pay('61.00', '2026-01-05'), items, 'key-1', { rounding: 'halfUp', asOf: d('2026-01-05') });
    expect(() => applySettlement(a.state, other)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Idempotency key "key-1" was already used for a different settlement: use a new key for new content]`);
    const back = applySettlement(a.state, reverseSettlement(s, 'rev-1'));
    expect(back.state.items).toEqual(items);
  });
});

describe('settlePayment — input errors', () => {
  test('names the bad field', () => {
    const input = { payment: { id: 'P', currency: 'EUR', amount: { currency: 'EUR', amount: '-1' }, valueDate: '2026-01-01' }, items: [], idempotencyKey: 'k' };
    expect(() => settlePayment(input as never, { rounding: 'halfUp', asOf: d('2026-01-01') })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: input.payment.amount.amount: must be greater than zero]`);
  });
  test('rejects an item in another currency', () => {
    expect(() => settleParsed(pay('1.00', '2026-01-01'), [item('I', '1.00', '2026-01-01', { currency: 'USD' })], 'k', { rounding: 'halfUp', asOf: d('2026-01-01') })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: items[0].currency is in USD but EUR was expected: convert it with convertMoney() first]`);
  });
  test('parses host input', () => {
    const s = settlePayment(
      {
        payment: { id: 'P', currency: 'EUR', amount: { currency: 'EUR', amount: '485.00' }, valueDate: '2026-06-29' },
        items: [{ id: 'I', kind: 'invoice', customerId: 'C', currency: 'EUR', residual: { currency: 'EUR', amount: '1000.00' }, documentNumber: 'I', documentDate: '2026-06-25', dueDate: '2026-07-25', cashDiscounts: [{ percent: '2', until: '2026-06-30' }] }],
        idempotencyKey: 'k',
      } as never,
      { rounding: 'halfUp', asOf: d('2026-06-29'), partialPaymentDiscount: true },
    );
    expect(total(s, 'cashDiscount')).toBe(990n);
    expect(parseMoney('9.90', 'EUR')).toEqual(s.entries[1]?.amount);
  });
});
