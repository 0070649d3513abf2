// Invoicing demo: an order delivered in two parts, each delivery invoiced with its tax
// breakdown (VAT 19 % and an eco levy taxed on top of VAT), a freight charge, per-code
// rounding, and payment in two instalments. Run: npx tsx -e "import('./examples/demo-invoicing.ts').then(m => m.demoInvoicing())"
import { formatScaled } from '../src/money/formatScaled.js';
import { moneyToJSON } from '../src/money/moneyJSON.js';
import type { Money } from '../src/money/Money.js';
import { calculateInvoice } from '../src/invoicing/calculateInvoice.js';
import { heading, note, table } from './_print.js';

const text = (m: Money): string => `${m.currency} ${moneyToJSON(m).amount}`;

const orderLines = [
  { id: '10', item: 'Desk lamp', itemTaxGroup: ['VAT', 'ECO'], unitPrice: '39.99', discountPercent: '5' },
  { id: '20', item: 'LED bulb', itemTaxGroup: ['VAT', 'ECO'], unitPrice: '3.35', discountPercent: '0' },
  { id: '30', item: 'Manual', itemTaxGroup: ['BOOK'], unitPrice: '12.00', discountPercent: '0' },
];
const deliveries: readonly (readonly [string, readonly string[]])[] = [
  ['2026-03-10', ['3', '12', '1']],
  ['2026-03-24', ['2', '8', '0']],
];

/** Prints two partial invoices of one order with their tax breakdown and instalments. */
export function demoInvoicing(): void {
  deliveries.forEach(([date, quantities], n) => {
    const invoice = calculateInvoice({
      currency: 'EUR',
      invoiceDate: date,
      customerTaxGroup: ['VAT', 'ECO', 'BOOK'],
      taxCodes: [
        { id: 'VAT', calculation: { kind: 'percent', rate: '19' } },
        { id: 'ECO', calculation: { kind: 'percent', rate: '0.5' }, baseIncludes: ['VAT'] },
        { id: 'BOOK', calculation: { kind: 'percent', rate: '7' } },
      ],
      priceMode: 'taxExcluded',
      rounding: { level: 'perCode', mode: 'halfUp', taxIncluded: 'keepTotal' },
      lines: orderLines
        .map((l, i) => ({ ...l, quantity: quantities[i] ?? '0' }))
        .filter((l) => l.quantity !== '0'),
      headerCharges: [{ id: 'freight', kind: 'fixed', value: '6.90', taxGroup: ['VAT'], spread: 'byAmount' }],
      paymentTerms: {
        method: 'currentMonth',
        days: 15,
        schedule: { allocation: 'percent', parts: [{ value: '50', days: 0 }, { value: '50', days: 30 }], tax: 'first', mode: 'halfUp' },
        cashDiscounts: [{ percent: '2', days: 10 }],
      },
    });
    heading(`Invoice ${n + 1} of the order, ${date}`);
    table(
      ['Line', 'Item', '>Qty', '>Net', 'Taxes'],
      invoice.lines.map((l) => [l.id, l.item, formatScaled(l.quantity), text(l.net), l.taxes.map((t) => `${t.code} ${text(t.amount)}`).join(', ')]),
    );
    note('');
    table(
      ['Tax code', '>Base', '>Tax'],
      invoice.taxes.map((t) => [t.code, text(t.base), text(t.amount)]),
    );
    note(`\nNet ${text(invoice.totals.net)} + charges ${text(invoice.totals.charges)} + tax ${text(invoice.totals.tax)} = total ${text(invoice.totals.total)}`);
    note(`Freight spread over the lines: ${invoice.headerCharges[0]?.spread.map(text).join(' + ') ?? '-'}\n`);
    table(
      ['Instalment due', '>Amount', '>of which tax'],
      invoice.instalments.map((i) => [i.dueDate, text(i.amount), text(i.tax)]),
    );
    for (const c of invoice.cashDiscounts) note(`Cash discount ${formatScaled(c.percent)} % (${text(c.amount)}) if paid by ${c.until}`);
  });
}
