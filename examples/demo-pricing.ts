// Demo: price a sample order against a small trade agreement book and print why each line
// costs what it costs. Run: npx tsx examples/demo-pricing.ts
import { formatMoney } from '../src/money/formatMoney.js';
import { formatScaled } from '../src/money/formatScaled.js';
import { analysePriceBook } from '../src/pricing/analysePriceBook.js';
import { compilePriceBook } from '../src/pricing/compilePriceBook.js';
import { explain } from '../src/pricing/explain.js';
import { priceOrder } from '../src/pricing/priceOrder.js';
import { heading, note, table } from './_print.js';

/** Prices a sample order (price, line, multiline and total discounts) and prints the explanations. */
export function demoPricing(): void {
  const book = compilePriceBook({
    agreements: [
      { id: 'P-CHAIR', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'CHAIR', currency: 'EUR', unit: 'pcs', amount: '100', priceUnit: '5' },
      { id: 'P-DESK-C1', relation: 'price', accountCode: 'table', accountRelation: 'C-100', itemCode: 'table', itemRelation: 'DESK', currency: 'EUR', unit: 'pcs', amount: '240', findNext: false },
      { id: 'P-DESK', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'DESK', currency: 'EUR', unit: 'pcs', amount: '220' },
      { id: 'LD-CHAIR', relation: 'lineDiscount', accountCode: 'group', accountRelation: 'RETAIL', itemCode: 'table', itemRelation: 'CHAIR', currency: 'EUR', unit: 'pcs', amount: '10', percent1: '15' },
      { id: 'ML-OFFICE', relation: 'multilineDiscount', accountCode: 'all', itemCode: 'group', itemRelation: 'OFFICE', currency: 'EUR', fromQty: '10', percent1: '5' },
      { id: 'TD-ALL', relation: 'totalDiscount', accountCode: 'all', itemCode: 'all', currency: 'EUR', fromQty: '1000', percent1: '2' },
    ],
    basePrices: [{ itemId: 'LAMP', currency: 'EUR', unit: 'pcs', price: '35.90' }],
    items: [
      { itemId: 'CHAIR', multilineDiscountGroup: 'OFFICE' },
      { itemId: 'DESK', multilineDiscountGroup: 'OFFICE' },
      { itemId: 'LAMP', totalDiscountEligible: false },
    ],
  });
  const order = priceOrder(
    book,
    {
      customer: { customerId: 'C-100', lineDiscountGroup: 'RETAIL' },
      currency: 'EUR',
      lines: [
        { itemId: 'CHAIR', quantity: '8', unit: 'pcs' },
        { itemId: 'DESK', quantity: '4', unit: 'pcs' },
        { itemId: 'LAMP', quantity: '3', unit: 'pcs' },
        { itemId: 'SOFA', quantity: '1', unit: 'pcs' },
      ],
    },
    { asOf: '2026-03-01', rounding: 'halfUp', combination: 'compound' },
  );
  heading('Priced order (combination: compound, rounding: halfUp)');
  table(
    ['Line', 'Item', '>Qty', '>Price', '>Per', '>Amount', '>Total disc.', '>Net'],
    order.lines.map((l) =>
      l.kind === 'priced'
        ? [String(l.lineIndex + 1), l.itemId, formatScaled(l.quantity), formatScaled(l.unitPrice), formatScaled(l.priceUnit), formatMoney(l.lineAmount), formatMoney(l.totalDiscountShare), formatMoney(l.netAmount)]
        : [String(l.lineIndex + 1), l.itemId, '', 'no price', '', '', '', ''],
    ),
  );
  note(`Subtotal ${formatMoney(order.subtotal)}, total discount ${formatMoney(order.totalDiscount.amount)}, total ${formatMoney(order.total)}`);
  for (const l of order.lines) {
    heading(`Why line ${l.lineIndex + 1} (${l.itemId})`);
    note(explain(l.trace));
  }
  heading('Total discount search');
  note(explain(order.trace));
  heading('Book diagnostics');
  for (const d of analysePriceBook(book, { orderCurrency: 'EUR' })) note(JSON.stringify(d));
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) demoPricing();
