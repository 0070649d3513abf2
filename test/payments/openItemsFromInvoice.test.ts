import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { calculateInvoice } from '../../src/invoicing/calculateInvoice.js';
import { creditNote } from '../../src/invoicing/creditNote.js';
import { postInvoice } from '../../src/invoicing/postInvoice.js';
import { money } from '../../src/money/Money.js';
import { OpenItemSchema } from '../../src/payments/OpenItem.js';
import { openItemsFromInvoice } from '../../src/payments/openItemsFromInvoice.js';
import { settleParsed } from '../../src/payments/settlePayment.js';
import { invoiceDocumentArb } from '../../src/testkit/index.js';
import { d, pay, total } from './_fixtures.js';

const postedArb = invoiceDocumentArb({ exoticCodes: false }).map((doc) => postInvoice(calculateInvoice(doc), { number: 'INV-9' }));

describe('openItemsFromInvoice', () => {
  test.prop([postedArb])('the items add up to the document total, one per non-zero instalment, each a valid open item', (posted) => {
    const items = openItemsFromInvoice(posted, { customerId: 'C1' });
    const inv = posted.invoice;
    expect(items.reduce((a, i) => a + i.residual.minor, 0n)).toBe(inv.totals.total.minor);
    const signed = inv.instalments.every((i) => (inv.kind === 'creditNote' ? i.amount.minor <= 0n : i.amount.minor >= 0n));
    const instalments = inv.instalments.length > 0 && signed ? inv.instalments.filter((i) => i.amount.minor !== 0n) : inv.totals.total.minor === 0n ? [] : [inv];
    expect(items).toHaveLength(instalments.length);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) {
      expect(item.documentNumber).toBe('INV-9');
      expect(item.cashDiscounts.map((c) => c.until)).toEqual(inv.cashDiscounts.map((c) => c.until));
      // What the host would store reads back through the schema unchanged.
      expect(OpenItemSchema.parse(JSON.parse(JSON.stringify(item)))).toEqual(item);
    }
  });
  test.prop([postedArb])('a full credit note gives the same items negated, as credit notes', (posted) => {
    const items = openItemsFromInvoice(posted, { customerId: 'C1' });
    const credit = openItemsFromInvoice(postInvoice(creditNote(posted, { kind: 'full' }), { number: 'CN-9' }), { customerId: 'C1' });
    expect(credit.map((i) => [i.kind, -i.residual.minor, i.dueDate])).toEqual(items.map((i) => ['creditNote', i.residual.minor, i.dueDate]));
  });

  const document = {
    currency: 'EUR',
    invoiceDate: '2026-03-31',
    customerTaxGroup: [],
    taxCodes: [],
    priceMode: 'taxExcluded',
    rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' },
    lines: [{ id: '1', item: 'X', itemTaxGroup: [], quantity: '1', unitPrice: '1000.00' }],
    paymentTerms: {
      method: 'net',
      days: 30,
      cashDiscounts: [{ percent: '2', days: 10 }],
      schedule: { allocation: 'percent', parts: [{ value: '33.33', days: 0 }, { value: '33.33', days: 30 }, { value: '33.34', days: 60 }], tax: 'proportional', mode: 'halfEven' },
    },
  };
  test('instalments 33.33 / 33.33 / 33.34 % of 1 000.00: three items (333.30, 333.30, 333.40) with their due dates and the 2 % discount', () => {
    const items = openItemsFromInvoice(postInvoice(calculateInvoice(document), { number: 'INV-100' }), { customerId: 'C1', references: ['PO-77'] });
    expect(items.map((i) => [i.id, i.residual.minor, i.dueDate, i.references])).toEqual([
      ['INV-100/1', 33330n, '2026-04-30', ['PO-77']],
      ['INV-100/2', 33330n, '2026-05-30', ['PO-77']],
      ['INV-100/3', 33340n, '2026-06-29', ['PO-77']],
    ]);
    expect(items[0]?.cashDiscounts).toMatchObject([{ until: '2026-04-10' }]);
    // Paid within the discount period: 326.63 settles the first instalment (333.30 less 2 %, 6.67).
    const s = settleParsed(pay('326.63', '2026-04-05'), items.slice(0, 1), 'k', { rounding: 'halfUp', asOf: d('2026-04-05') });
    expect([total(s, 'applied'), total(s, 'cashDiscount'), s.onAccount.minor]).toEqual([32663n, 667n, 0n]);
  });
  test('without payment terms: one item due on the invoice date', () => {
    const { paymentTerms: _, ...plain } = document;
    const items = openItemsFromInvoice(postInvoice(calculateInvoice(plain), { number: 'INV-101' }), { customerId: 'C1' });
    expect(items).toMatchObject([{ id: 'INV-101', kind: 'invoice', residual: money(100000n, 'EUR'), dueDate: '2026-03-31', cashDiscounts: [] }]);
  });
  test('cash rounding that splits a zero total as +0.001 / −0.001 gives no item rather than a negative invoice', () => {
    const posted = postInvoice(calculateInvoice({ ...document, currency: 'KWD', customerTaxGroup: ['B'], taxCodes: [{ id: 'B', calculation: { kind: 'percent', rate: '1' } }],
      lines: [{ id: '1', item: 'X', itemTaxGroup: ['B'], quantity: '1', unitPrice: '0.133' }],
      cashRounding: { increment: '1', mode: 'halfUp', method: 'roundingLine' },
      paymentTerms: { method: 'net', schedule: { allocation: 'percent', parts: [{ value: '10', days: 0 }, { value: '90', days: 0 }], tax: 'first', mode: 'halfUp' } } }), { number: 'INV-102' });
    expect(posted.invoice.instalments.map((i) => i.amount.minor)).toEqual([1n, -1n]);
    expect(openItemsFromInvoice(posted, { customerId: 'C1' })).toEqual([]);
  });
  test('names the missing customer', () => {
    const posted = postInvoice(calculateInvoice(document), { number: 'INV-100' });
    expect(() => openItemsFromInvoice(posted, {} as never)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.customerId: Invalid input: expected string, received undefined]`);
  });
});
