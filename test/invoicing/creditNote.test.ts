import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { calculateInvoice } from '../../src/invoicing/calculateInvoice.js';
import { creditNote } from '../../src/invoicing/creditNote.js';
import { postInvoice } from '../../src/invoicing/postInvoice.js';
import { postWithSequence } from '../../src/invoicing/postWithSequence.js';
import { invoiceDocumentArb } from '../../src/testkit/index.js';

describe('credit notes and posting', () => {
  test.prop([invoiceDocumentArb({ maxLines: 4 })])('an invoice and its full credit note net to zero in both currencies', (doc) => {
    const posted = postInvoice(calculateInvoice(doc), { number: 'INV-1' });
    const credit = creditNote(posted, { kind: 'full' });
    const inv = posted.invoice;
    expect(credit.kind).toBe('creditNote');
    expect(credit.creditOf).toBe('INV-1');
    for (const key of ['net', 'charges', 'tax', 'cashRounding', 'total'] as const) expect(inv.totals[key].minor + credit.totals[key].minor).toBe(0n);
    inv.taxes.forEach((t, i) => expect(t.amount.minor + (credit.taxes[i]?.amount.minor ?? 0n)).toBe(0n));
    if (inv.accounting !== null) expect(inv.accounting.totals.total.minor + (credit.accounting?.totals.total.minor ?? 0n)).toBe(0n);
  });

  test.prop([invoiceDocumentArb({ maxLines: 3 })])('a posted invoice is frozen, keeps its snapshot and leaves the computed invoice alone', (doc) => {
    const inv = calculateInvoice(doc);
    const posted = postInvoice(inv, { number: 'INV-2' });
    expect(Object.isFrozen(posted.invoice.totals)).toBe(true);
    expect(Object.isFrozen(posted.invoice.document.rounding)).toBe(true);
    expect(Object.isFrozen(inv.totals)).toBe(false);
    expect(JSON.stringify(posted.invoice)).toBe(JSON.stringify(inv));
  });

  const doc = {
    currency: 'EUR',
    invoiceDate: '2026-02-02',
    customerTaxGroup: ['VAT'],
    taxCodes: [{ id: 'VAT', calculation: { kind: 'percent', rate: '19' } }],
    priceMode: 'taxExcluded',
    rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' },
    lines: [
      { id: '1', item: 'A', itemTaxGroup: ['VAT'], quantity: '3', unitPrice: '9.99' },
      { id: '2', item: 'B', itemTaxGroup: ['VAT'], quantity: '1', unitPrice: '100' },
    ],
  };
  test('credit by lines and by amount, linked to the original', () => {
    const posted = postInvoice(calculateInvoice(doc), { number: 'INV-3' });
    const byLines = creditNote(posted, { kind: 'lines', lines: [{ id: '1', quantity: '1' }] });
    expect([byLines.totals.net.minor, byLines.totals.tax.minor, byLines.creditOf]).toEqual([-999n, -190n, 'INV-3']);
    const byAmount = creditNote(posted, { kind: 'amount', amount: '10', itemTaxGroup: ['VAT'] });
    expect(byAmount.totals.total.minor).toBe(-1190n);
  });
  test('cannot credit more than was invoiced', () => {
    const posted = postInvoice(calculateInvoice(doc), { number: 'INV-4' });
    expect(() => creditNote(posted, { kind: 'lines', lines: [{ id: '1', quantity: '4' }] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: request.lines[0].quantity: exceeds the invoiced quantity 3]`);
  });
});

describe('postWithSequence', () => {
  test('numbers invoices and credit notes from the host sequence', async () => {
    let n = 0;
    const sequence = { next: (kind: 'invoice' | 'creditNote') => Promise.resolve(`${kind === 'invoice' ? 'INV' : 'CN'}-${String(++n)}`) };
    const doc = {
      currency: 'EUR',
      invoiceDate: '2026-02-02',
      customerTaxGroup: [],
      taxCodes: [],
      priceMode: 'taxExcluded',
      rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' },
      lines: [{ id: '1', item: 'A', itemTaxGroup: [], quantity: '1', unitPrice: '5' }],
    };
    const posted = await postWithSequence(calculateInvoice(doc), sequence);
    const credit = await postWithSequence(creditNote(posted, { kind: 'full' }), sequence);
    expect([posted.number, credit.number, credit.invoice.creditOf]).toEqual(['INV-1', 'CN-2', 'INV-1']);
  });
});
