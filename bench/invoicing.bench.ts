// Suite `invoicing`: calculateInvoice on documents of 10, 100 and 10 000 lines with two
// percent taxes (the second tax on tax), one header charge, a total discount and per-line
// rounding. The document is parsed once up front (calculateParsedInvoice): the cases measure
// the calculation, not zod. `invoice-100-lines-with-parse` calls calculateInvoice on the host's
// JSON-like input, zod included, to show what parsing once saves.
import { calculateInvoice, calculateParsedInvoice } from '../src/invoicing/calculateInvoice.js';
import { type InvoiceDocument, InvoiceDocumentSchema } from '../src/invoicing/InvoiceDocument.js';
import { type BenchResult, measure, seededRandom } from './_lib.js';

function documentOf(lines: number): InvoiceDocument {
  return InvoiceDocumentSchema.parse(inputOf(lines));
}

function inputOf(lines: number): Record<string, unknown> {
  const random = seededRandom(lines);
  return {
    currency: 'EUR',
    invoiceDate: '2026-06-30',
    customerTaxGroup: ['VAT', 'ECO'],
    taxCodes: [
      { id: 'VAT', calculation: { kind: 'percent', rate: '19' } },
      { id: 'ECO', calculation: { kind: 'percent', rate: '2.5' }, baseIncludes: ['VAT'] },
    ],
    priceMode: 'taxExcluded',
    rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' },
    totalDiscountPercent: '3',
    lines: Array.from({ length: lines }, (_, i) => ({
      id: `L${i}`,
      item: `I${i % 50}`,
      itemTaxGroup: ['VAT', 'ECO'],
      quantity: String(1 + Math.floor(random() * 20)),
      unitPrice: (1 + Math.floor(random() * 99_999) / 100).toFixed(2),
      discountPercent: random() < 0.3 ? '5' : '0',
    })),
    headerCharges: [{ id: 'freight', kind: 'fixed', value: '25.00', taxGroup: ['VAT'], spread: 'byAmount' }],
  };
}

export function* run(): Generator<BenchResult> {
  for (const [name, lines, invoices] of [
    ['invoice-10-lines', 10, 5_000],
    ['invoice-100-lines', 100, 500],
    ['invoice-10k-lines', 10_000, 5],
  ] as const) {
    const doc = documentOf(lines);
    const r = measure(() => {
      let total = 0n;
      for (let i = 0; i < invoices; i++) total += calculateParsedInvoice(doc).totals.total.minor;
      return total;
    }, 3);
    yield { suite: 'invoicing', case: name, metric: 'lines/s', value: Math.round((lines * invoices) / r.seconds), target: name === 'invoice-100-lines' ? 1_000_000 : undefined };
  }
  const input = inputOf(100);
  const r = measure(() => {
    let total = 0n;
    for (let i = 0; i < 200; i++) total += calculateInvoice(input).totals.total.minor;
    return total;
  }, 3);
  yield { suite: 'invoicing', case: 'invoice-100-lines-with-parse', metric: 'lines/s', value: Math.round((100 * 200) / r.seconds) };
}
