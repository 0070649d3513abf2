import { acceptQuotation } from '../../../orders/acceptQuotation.js';
import { closeSalesOrder } from '../../../orders/closeSalesOrder.js';
import { confirmSalesOrder } from '../../../orders/confirmSalesOrder.js';
import { creditReturn } from '../../../orders/creditReturn.js';
import { draftQuotation } from '../../../orders/draftQuotation.js';
import { draftReturn } from '../../../orders/draftReturn.js';
import { draftSalesOrder } from '../../../orders/draftSalesOrder.js';
import { expireQuotation } from '../../../orders/expireQuotation.js';
import type { Quotation } from '../../../orders/Quotation.js';
import { receiveReturn } from '../../../orders/receiveReturn.js';
import { recordDelivered } from '../../../orders/recordDelivered.js';
import { recordInvoiced } from '../../../orders/recordInvoiced.js';
import type { ReturnOrder } from '../../../orders/ReturnOrder.js';
import type { SalesOrder } from '../../../orders/SalesOrder.js';
import { sendQuotation } from '../../../orders/sendQuotation.js';
import { formatScaled } from '../../../money/formatScaled.js';
import { compilePriceBook } from '../../../pricing/compilePriceBook.js';
import type { AggregateSubject } from '../aggregateRepositoryContract.js';

// The documents the aggregate contracts store: priced by the library (Money, decimals and
// price traces are what must survive storage) and taken through their whole lifecycle.

const BOOK = /* @__PURE__ */ compilePriceBook({
  agreements: [{ id: 'P-X', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'X', currency: 'EUR', unit: 'pcs', amount: '19.99', priceUnit: '1' }],
  basePrices: [{ itemId: 'Y', currency: 'EUR', unit: 'kg', price: '2.345' }],
});
const PRICING = { asOf: '2026-03-01', rounding: 'halfEven', combination: 'sum' } as const;

/** Lines whose amounts depend on `variant` (1 to 999): pieces of X, kilograms of Y with three decimals. */
function linesOf(variant: number): { itemId: string; quantity: string; unit: string }[] {
  const kg = `${Math.floor(variant / 10)}.${String(((variant * 37) % 999) + 1).padStart(3, '0')}`;
  return [
    { itemId: 'X', quantity: String(variant), unit: 'pcs' },
    { itemId: 'Y', quantity: kg, unit: 'kg' },
  ];
}

function salesOrderOf(number: string, variant: number): SalesOrder {
  const outcome = draftSalesOrder({ number, customer: { customerId: 'C-1' }, currency: 'EUR', lines: linesOf(variant) }, BOOK, PRICING);
  if (outcome.kind !== 'ordered') throw new Error('the contract price book prices every line');
  return outcome.order;
}

function quotationOf(number: string, variant: number): Quotation {
  const outcome = draftQuotation({ number, customer: { customerId: 'C-1' }, currency: 'EUR', expiresOn: '2026-03-31', lines: linesOf(variant) }, BOOK, PRICING);
  if (outcome.kind !== 'quoted') throw new Error('the contract price book prices every line');
  return outcome.quotation;
}

const whole = (order: SalesOrder): { lineId: string; quantity: string }[] => order.lines.map((l) => ({ lineId: l.lineId, quantity: formatScaled(l.quantity) }));

/** Sales orders: open → confirmed → delivered → invoiced → closed. */
export function salesOrderSubject(): AggregateSubject<SalesOrder> {
  return {
    port: 'SalesOrderRepository',
    numberPrefix: 'SO-',
    keyOf: (o) => o.number,
    build: salesOrderOf,
    next(o) {
      switch (o.status) {
        case 'open':
          return confirmSalesOrder(o, { kind: 'pass', reasons: [] }, '2026-03-02');
        case 'confirmed':
          return recordDelivered(o, whole(o));
        case 'delivered':
          return recordInvoiced(o, { invoiceNumber: 'INV-1', lines: whole(o) });
        case 'invoiced':
          return closeSalesOrder(o);
        default:
          return undefined;
      }
    },
  };
}

/** Quotations: draft → sent → accepted → expired. */
export function quotationSubject(): AggregateSubject<Quotation> {
  return {
    port: 'QuotationRepository',
    numberPrefix: 'SQ-',
    keyOf: (q) => q.number,
    build: quotationOf,
    next(q) {
      switch (q.status) {
        case 'draft':
          return sendQuotation(q);
        case 'sent':
          return acceptQuotation(q, '2026-03-05');
        case 'accepted':
          return expireQuotation(q, '2026-04-01');
        default:
          return undefined;
      }
    },
  };
}

/** Return orders of `variant` pieces of an invoiced order of 999: created → received → credited. */
export function returnOrderSubject(): AggregateSubject<ReturnOrder> {
  const full = salesOrderOf('SO-R', 999);
  const confirmed = confirmSalesOrder(full, { kind: 'pass', reasons: [] }, '2026-03-02');
  const invoiced = recordInvoiced(recordDelivered(confirmed, whole(confirmed)), { invoiceNumber: 'INV-R', lines: whole(confirmed) });
  return {
    port: 'ReturnOrderRepository',
    numberPrefix: 'RMA-',
    keyOf: (r) => r.number,
    build: (number, variant) =>
      draftReturn(invoiced, { number, asOf: '2026-04-01', reason: 'damaged', lines: [{ orderLineId: '1', invoiceNumber: 'INV-R', quantity: String(variant) }] }).returnOrder,
    next(r) {
      switch (r.status) {
        case 'created':
          return receiveReturn(r);
        case 'received':
          return creditReturn(r, 'CN-R');
        default:
          return undefined;
      }
    },
  };
}
