import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { assembleInvoice } from '../../src/invoicing/_internal/assembleInvoice.js';
import { fastParts } from '../../src/invoicing/_internal/fastParts.js';
import { generalParts } from '../../src/invoicing/_internal/generalParts.js';
import { calculateParsedInvoice } from '../../src/invoicing/calculateInvoice.js';
import type { Invoice } from '../../src/invoicing/Invoice.js';
import { type InvoiceDocument, InvoiceDocumentSchema } from '../../src/invoicing/InvoiceDocument.js';
import { invoiceDocumentArb } from '../../src/testkit/index.js';

// The fast path must give the general path's invoice byte for byte: same amounts, same order,
// same trace, same JSON.
function expectSameAsGeneral(doc: InvoiceDocument): Invoice {
  const fast = fastParts(doc);
  expect(fast).not.toBeNull();
  const a = assembleInvoice(doc, fast ?? generalParts(doc));
  const b = assembleInvoice(doc, generalParts(doc));
  expect(a).toStrictEqual(b);
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  return a;
}

const levels = fc.constantFrom('perLine', 'perCode', 'perDocument');

// Tax-exclusive percent-only documents, rounded per line, per code or per document; optionally a third code D with a rate of scale 3 that
// taxes the two others (a three-deep tax-on-tax chain with mixed scales), and exempt and
// reverse-charge percent codes.
const fastDocumentArb = fc
  .tuple(invoiceDocumentArb({ taxIncluded: false, exoticCodes: false, maxLines: 12 }), levels, fc.boolean(), fc.boolean(), fc.constantFrom('0.125', '7', '19.875'))
  .map(([raw, level, deep, treatments, rateD]) => {
    const doc = raw as { taxCodes: unknown[]; customerTaxGroup: string[]; lines: { itemTaxGroup: string[] }[]; rounding: Record<string, unknown> };
    const extra = [
      ...(deep ? [{ id: 'D', calculation: { kind: 'percent', rate: rateD }, baseIncludes: ['B', 'A'] }] : []),
      ...(treatments
        ? [
            { id: 'X', calculation: { kind: 'percent', rate: '0' }, treatment: 'exempt' },
            { id: 'R', calculation: { kind: 'percent', rate: '20' }, treatment: 'reverseCharge', baseIncludes: ['A'] },
          ]
        : []),
    ];
    const ids = extra.map((c) => c.id);
    return InvoiceDocumentSchema.parse({
      ...doc,
      taxCodes: [...doc.taxCodes, ...extra],
      customerTaxGroup: [...doc.customerTaxGroup, ...ids],
      lines: doc.lines.map((l, i) => ({ ...l, itemTaxGroup: [...l.itemTaxGroup, ...ids.filter((_, j) => (i + j) % 3 !== 0)] })),
      rounding: { ...doc.rounding, level },
    });
  });

describe('fastParts', () => {
  test.prop([fastDocumentArb])('gives the general path’s invoice byte for byte on percent-only tax-exclusive documents', (doc) => {
    expectSameAsGeneral(doc);
  });

  test.prop([invoiceDocumentArb({ maxLines: 4 })])('whenever it takes a document, it agrees with the general path', (raw) => {
    const doc = InvoiceDocumentSchema.parse(raw);
    const fast = fastParts(doc);
    const general = assembleInvoice(doc, generalParts(doc));
    if (fast !== null) expect(JSON.stringify(assembleInvoice(doc, fast))).toBe(JSON.stringify(general));
    expect(JSON.stringify(calculateParsedInvoice(doc))).toBe(JSON.stringify(general));
  });

  test('declines what it does not compute: tax-included prices, brackets, per-unit codes, other levels', () => {
    const base = {
      currency: 'EUR',
      invoiceDate: '2026-01-31',
      customerTaxGroup: ['T'],
      taxCodes: [{ id: 'T', calculation: { kind: 'percent', rate: '10' } }],
      priceMode: 'taxExcluded',
      rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' },
      lines: [{ id: '1', item: 'A', itemTaxGroup: ['T'], quantity: '1', unitPrice: '42.42' }],
    };
    const parse = (d: unknown): InvoiceDocument => InvoiceDocumentSchema.parse(d);
    expect(fastParts(parse(base))).not.toBeNull();
    expect(fastParts(parse({ ...base, priceMode: 'taxIncluded' }))).toBeNull();
    expect(fastParts(parse({ ...base, rounding: { ...base.rounding, level: 'perCodeCombination' } }))).toBeNull();
    expect(fastParts(parse({ ...base, rounding: { ...base.rounding, level: 'perUnit' } }))).toBeNull();
    expect(fastParts(parse({ ...base, taxCodes: [{ id: 'T', calculation: { kind: 'amountPerUnit', amount: '0.15' } }] }))).toBeNull();
    // a code that applies nowhere does not matter
    expect(fastParts(parse({ ...base, taxCodes: [...base.taxCodes, { id: 'K', calculation: { kind: 'amountPerLine', amount: '1' } }] }))).not.toBeNull();
  });

  test('D365 §3.1: two lines of 42.42 at 10 % rounded up per line, per code and per document', () => {
    const doc = (level: string): InvoiceDocument =>
      InvoiceDocumentSchema.parse({
        currency: 'EUR',
        invoiceDate: '2026-01-31',
        customerTaxGroup: ['T'],
        taxCodes: [{ id: 'T', calculation: { kind: 'percent', rate: '10' } }],
        priceMode: 'taxExcluded',
        rounding: { level, mode: 'up', taxIncluded: 'keepTotal' },
        lines: [
          { id: '1', item: 'A', itemTaxGroup: ['T'], quantity: '1', unitPrice: '42.42' },
          { id: '2', item: 'A', itemTaxGroup: ['T'], quantity: '1', unitPrice: '42.42' },
        ],
      });
    expect(expectSameAsGeneral(doc('perLine')).lines.map((l) => l.taxes[0]?.amount.minor)).toEqual([425n, 425n]);
    expect(expectSameAsGeneral(doc('perCode')).lines.map((l) => l.taxes[0]?.amount.minor)).toEqual([425n, 424n]);
    expect(expectSameAsGeneral(doc('perDocument')).lines.map((l) => l.taxes[0]?.amount.minor)).toEqual([425n, 424n]);
  });
});
