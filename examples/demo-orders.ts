// Orders demo: on the in-memory adapter, quotes two items for a customer, sends and accepts
// the quotation, converts it to a sales order keeping the quoted prices, confirms it through
// the (permissive) credit policy and records a first delivery.
// Run: npx tsx -e "import('./examples/demo-orders.ts').then((m) => m.demoOrders())"
import { memoryOrderPorts } from '../src/adapters/memory/index.js';
import { formatMoney } from '../src/money/formatMoney.js';
import { formatScaled } from '../src/money/formatScaled.js';
import {
  acceptQuotation,
  confirmOrder,
  convertQuotation,
  createQuotation,
  orderLineView,
  permissiveCreditPolicy,
  recordDelivery,
  SALES_ORDER_TRANSITIONS,
  sendQuotation,
  updateQuotation,
} from '../src/orders/index.js';
import { heading, note, table } from './_print.js';

/** Prints the orders walkthrough: quotation → sales order → confirmed → partly delivered. */
export async function demoOrders(): Promise<void> {
  const ports = memoryOrderPorts({
    customers: [{ customerId: 'C-100', name: 'Fabrikam', currency: 'EUR', lineDiscountGroup: 'WHOLESALE' }],
    items: [
      { itemId: 'CHAIR', name: 'Office chair', salesUnit: 'pcs' },
      { itemId: 'DESK', name: 'Standing desk', salesUnit: 'pcs' },
    ],
    priceBook: {
      agreements: [
        { id: 'P-CHAIR', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'CHAIR', currency: 'EUR', unit: 'pcs', amount: '149.00' },
        { id: 'P-CHAIR-10', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'CHAIR', currency: 'EUR', unit: 'pcs', fromQty: '10', amount: '139.00' },
        { id: 'LD-WHOLESALE', relation: 'lineDiscount', accountCode: 'group', accountRelation: 'WHOLESALE', itemCode: 'all', currency: 'EUR', unit: 'pcs', percent1: '5' },
      ],
      basePrices: [{ itemId: 'DESK', currency: 'EUR', unit: 'pcs', price: '489.00' }],
    },
  });
  const pricing = { asOf: '2026-03-02', rounding: 'halfUp', combination: 'sum' } as const;

  heading('Orders: quotation → sales order on the in-memory adapter');
  const created = await createQuotation(
    ports,
    { customerId: 'C-100', expiresOn: '2026-03-31', lines: [{ itemId: 'CHAIR', quantity: '12' }, { itemId: 'DESK', quantity: '2', requestedDate: '2026-03-20' }] },
    pricing,
  );
  if (created.kind !== 'saved') throw new Error(`quotation not created: ${created.kind}`);
  const q = created.quotation;
  note(`Quotation ${q.number} for ${q.customer.customerId}, priced as of ${q.quotedOn}, valid until ${q.expiresOn}:\n`);
  table(
    ['Line', 'Item', '>Qty', '>Unit price', 'Price from', '>Disc %', '>Amount'],
    q.lines.map((l) => [
      l.lineId,
      l.itemId,
      formatScaled(l.quantity),
      formatScaled(l.price.unitPrice),
      l.price.priceSource.kind === 'agreement' ? l.price.priceSource.recordId : 'base price',
      l.price.discountPercents.map(formatScaled).filter((p) => p !== '0').join(' + ') || '0',
      formatMoney(l.price.netAmount),
    ]),
  );
  note(`\n  Total ${formatMoney(q.totals.total)} = the sum of the lines.`);

  await updateQuotation(ports, q.number, sendQuotation);
  await updateQuotation(ports, q.number, (x) => acceptQuotation(x, '2026-03-04'));
  const converted = await convertQuotation(ports, { quotationNumber: q.number, asOf: '2026-03-05', policy: 'keepQuotedPrices' });
  if (converted.kind !== 'saved') throw new Error(`not converted: ${converted.kind}`);
  const confirmed = await confirmOrder({ ...ports, creditPolicy: permissiveCreditPolicy }, { orderNumber: converted.order.number, asOf: '2026-03-05' });
  if (confirmed.kind !== 'saved') throw new Error(`not confirmed: ${confirmed.kind}`);
  note(
    `\n  Sent, accepted, converted (keeping the quoted prices) into ${confirmed.order.number}; the credit policy said ` +
      `${confirmed.verdict.kind}: ${confirmed.order.status}, version ${confirmed.version}. Prices are frozen from here on.`,
  );

  const delivered = await recordDelivery(ports, { orderNumber: confirmed.order.number, lines: [{ lineId: '1', quantity: '8' }] });
  if (delivered.kind !== 'saved') throw new Error(`delivery not recorded: ${delivered.kind}`);
  note(`\nAfter a first delivery the order is ${delivered.order.status}:\n`);
  table(
    ['Line', '>Ordered', '>Delivered', '>Invoiced', '>Returned', '>Remaining'],
    orderLineView(delivered.order).map((l) => [l.lineId, ...[l.ordered, l.delivered, l.invoiced, l.returned, l.remaining].map(formatScaled)]),
  );
  note(`\n  From ${delivered.order.status} the order can: ${Object.keys(SALES_ORDER_TRANSITIONS[delivered.order.status]).join(', ')}.`);
  const stale = await ports.salesOrders.save(confirmed.order, confirmed.version);
  note(`  Saving the order as loaded before the delivery: ${stale.kind} (expected version ${confirmed.version}, stored ${stale.kind === 'conflict' ? stale.actualVersion : '?'}).\n`);
}
