// One test per rounding pain point of reference/peers.md §7.2 that belongs to invoicing,
// showing it cannot happen here.
import { describe, expect, test } from 'vitest';
import { calculateInvoice } from '../../src/invoicing/calculateInvoice.js';

const vat = (rate: string) => ({ id: 'VAT', calculation: { kind: 'percent', rate } });
const doc = (over: Record<string, unknown>) => ({
  currency: 'EUR',
  invoiceDate: '2026-03-31',
  customerTaxGroup: ['VAT'],
  taxCodes: [vat('21')],
  priceMode: 'taxIncluded',
  rounding: { level: 'perCode', mode: 'halfUp', taxIncluded: 'keepTotal' },
  lines: Array.from({ length: 7 }, (_, i) => ({ id: String(i + 1), item: 'X', itemTaxGroup: ['VAT'], quantity: '1', unitPrice: '0.99' })),
  ...over,
});

describe('peers.md §7.2 rounding bugs', () => {
  test('#1 penny gaps: tax-included lines rounded globally still add up to the document total', () => {
    for (const level of ['perUnit', 'perLine', 'perCode', 'perCodeCombination', 'perDocument'])
      for (const keep of ['keepTotal', 'keepNet']) {
        const inv = calculateInvoice(doc({ rounding: { level, mode: 'halfUp', taxIncluded: keep } }));
        const lineSum = inv.lines.reduce((a, l) => a + l.net.minor + l.taxes.reduce((b, t) => b + t.amount.minor, 0n), 0n);
        expect(lineSum).toBe(inv.totals.total.minor);
        if (keep === 'keepTotal') expect(inv.totals.total.minor).toBe(693n); // 7 × 0.99, as the customer saw it
      }
  });
  test('#2 totals are in minor units: the amount charged is the total, cash-rounded when asked', () => {
    const inv = calculateInvoice(doc({ priceMode: 'taxExcluded', lines: [{ id: '1', item: 'X', itemTaxGroup: ['VAT'], quantity: '3', unitPrice: '0.3333' }], cashRounding: { increment: '0.05', mode: 'halfUp', method: 'roundingLine' } }));
    expect(typeof inv.totals.total.minor).toBe('bigint');
    expect(inv.totals.total.minor % 5n).toBe(0n);
    expect(inv.instalments).toEqual([]);
  });
  test('#3 no float artefacts: 1.005 rounds half up to 1.01 and 317.715 to 317.72; floats are refused', () => {
    const one = calculateInvoice(doc({ priceMode: 'taxExcluded', taxCodes: [vat('0')], lines: [{ id: '1', item: 'X', itemTaxGroup: [], quantity: '1', unitPrice: '1.005' }, { id: '2', item: 'X', itemTaxGroup: [], quantity: '3', unitPrice: '105.905' }] }));
    expect(one.lines.map((l) => l.net.minor)).toEqual([101n, 31772n]);
    expect(() => calculateInvoice(doc({ totalDiscountPercent: 2.5 }))).toThrow(/binary float 2.5/);
  });
  test('#4 client and server agree: the same document, sent as JSON, gives the same invoice', () => {
    const d = doc({ accounting: { currency: 'USD', rate: '1.0837', mode: 'halfEven' } });
    expect(JSON.stringify(calculateInvoice(JSON.parse(JSON.stringify(d)) as unknown))).toBe(JSON.stringify(calculateInvoice(d)));
  });
  test('#9 instalments stay in sync with cash rounding: they add up to the rounded total', () => {
    const inv = calculateInvoice(
      doc({
        cashRounding: { increment: '0.10', mode: 'halfUp', method: 'adjustLargestTax' },
        paymentTerms: { method: 'net', days: 30, schedule: { allocation: 'percent', parts: [{ value: '33.33', days: 0 }, { value: '33.33', days: 30 }, { value: '33.34', days: 60 }], tax: 'proportional', mode: 'halfEven' } },
      }),
    );
    expect(inv.instalments.reduce((a, i) => a + i.amount.minor, 0n)).toBe(inv.totals.total.minor);
    expect(inv.instalments.reduce((a, i) => a + i.tax.minor, 0n)).toBe(inv.totals.tax.minor);
  });
});
