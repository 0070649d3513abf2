import { describe, expect, test } from 'vitest';
import { parseInput } from '../../src/errors/parseInput.js';
import { OpenItemSchema, PaymentSchema } from '../../src/payments/OpenItem.js';
import { applySettlement } from '../../src/payments/applySettlement.js';
import { settleParsed } from '../../src/payments/settlePayment.js';
import { d, item, pay } from './_fixtures.js';

const valid = {
  id: 'I1',
  kind: 'invoice' as const,
  customerId: 'C1',
  currency: 'EUR',
  residual: { currency: 'EUR', amount: '100.00' },
  documentNumber: 'INV-1',
  documentDate: '2026-01-01',
  dueDate: '2026-01-31',
  cashDiscounts: [{ percent: '2', until: '2026-01-10' }, { percent: '1', until: '2026-01-20' }],
};

describe('OpenItemSchema and PaymentSchema', () => {
  test('parses host input into exact values', () => {
    const parsed = parseInput(OpenItemSchema, valid);
    expect(parsed.residual.minor).toBe(10000n);
    expect(parsed.cashDiscounts.map((c) => c.until)).toEqual(['2026-01-10', '2026-01-20']);
    expect(parsed.references).toEqual([]);
  });
  test('a credit note must not carry a positive residual', () => {
    expect(() => parseInput(OpenItemSchema, { ...valid, kind: 'creditNote' }, ['items', 0])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: items[0].residual.amount: must not be positive for a credit item]`);
  });
  test('discount steps must be in date order and below 100 %', () => {
    const bad = { ...valid, cashDiscounts: [{ percent: '100', until: '2026-01-20' }, { percent: '1', until: '2026-01-10' }] };
    expect(() => parseInput(OpenItemSchema, bad)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: cashDiscounts[0].percent: must be below 100; cashDiscounts[1].until: discount steps must be in increasing date order]`);
  });
  test('a payment amount in another currency is named', () => {
    const p = { id: 'P', currency: 'EUR', amount: { currency: 'USD', amount: '1' }, valueDate: '2026-01-01' };
    expect(() => parseInput(PaymentSchema, p, ['payment'])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: payment.amount.currency: must be the payment currency EUR]`);
  });
});

describe('applySettlement', () => {
  test('a stale settlement (the item changed meanwhile) is a conflict and changes nothing', () => {
    const items = [item('I', '100.00', '2026-02-01')];
    const s = settleParsed(pay('100.00', '2026-01-05'), items, 'k1', { rounding: 'halfUp', asOf: d('2026-01-05') });
    const changed = [{ ...items[0], residual: pay('40.00', '2026-01-05').amount } as (typeof items)[0]];
    const out = applySettlement({ items: changed, applied: new Map() }, s);
    expect(out).toMatchObject({ kind: 'conflict', staleItemIds: ['I'] });
    expect(out.state.items).toBe(changed);
  });
});
