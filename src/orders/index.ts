// order-to-cash/orders: quotations, sales orders and return orders with a checked lifecycle,
// the repository ports they are stored through, and the workflows that use them.
export { acceptQuotation } from './acceptQuotation.js';
export { cancelRemainingQuantities } from './cancelRemainingQuantities.js';
export { closeSalesOrder } from './closeSalesOrder.js';
export { confirmSalesOrder } from './confirmSalesOrder.js';
export { type CreditNoteRequestFor, creditNoteRequests } from './creditNoteRequests.js';
export { creditReturn } from './creditReturn.js';
export { type DraftOutcome, draftQuotation, type QuotationInput, type QuotationOutcome } from './draftQuotation.js';
export { type DraftReturnResult, draftReturn, type ReturnInput } from './draftReturn.js';
export { draftSalesOrder, type SalesOrderInput, type SalesOrderOutcome } from './draftSalesOrder.js';
export { expireQuotation } from './expireQuotation.js';
export type { DocumentTotals, LinePrice } from './LinePrice.js';
export {
  type ConversionOutcome,
  type ConversionPolicy,
  type OrderFromQuotationOptions,
  orderFromQuotation,
  type RepriceOptions,
} from './orderFromQuotation.js';
export { type OrderLineView, orderLineView } from './orderLineView.js';
export { permissiveCreditPolicy } from './permissiveCreditPolicy.js';
export type {
  AggregateRepository,
  CreditPolicy,
  CreditVerdict,
  Customer,
  CustomerRepository,
  Item,
  ItemRepository,
  NumberSequence,
  OrderNumberKind,
  OrderPorts,
  PriceBookRepository,
  QuotationRepository,
  ReturnOrderRepository,
  SalesOrderRepository,
  SaveOutcome,
  Versioned,
} from './ports.js';
export type { Quotation, QuotationLine } from './Quotation.js';
export { receiveReturn } from './receiveReturn.js';
export { type LineQuantities, recordDelivered } from './recordDelivered.js';
export { type InvoicedLines, recordInvoiced } from './recordInvoiced.js';
export { releaseHold } from './releaseHold.js';
export { type PriceChange, type PriceFigures, type RepriceOutcome, repriceSalesOrder } from './repriceSalesOrder.js';
export type { ReturnLine, ReturnOrder } from './ReturnOrder.js';
export type { CreditReason, InvoicedPart, SalesOrder, SalesOrderLine, SalesOrderPolicy } from './SalesOrder.js';
export { sendQuotation } from './sendQuotation.js';
export {
  QUOTATION_TRANSITIONS,
  type QuotationStatus,
  type QuotationTransition,
  RETURN_ORDER_TRANSITIONS,
  type ReturnOrderStatus,
  type ReturnOrderTransition,
  SALES_ORDER_TRANSITIONS,
  type SalesOrderStatus,
  type SalesOrderTransition,
  type TransitionTable,
} from './stateMachines.js';
export { type ConfirmOrderOutcome, confirmOrder } from './workflows/confirmOrder.js';
export { type ConvertQuotationOutcome, type ConvertQuotationRequest, convertQuotation } from './workflows/convertQuotation.js';
export { cancelRemaining } from './workflows/cancelRemaining.js';
export { type CreateQuotationOutcome, type CreateQuotationRequest, createQuotation } from './workflows/createQuotation.js';
export { type CreateReturnOutcome, createReturn } from './workflows/createReturn.js';
export type { Conflict, NoPrice, NotFound, Saved } from './workflows/outcomes.js';
export { type OrderChangeOutcome, recordDelivery } from './workflows/recordDelivery.js';
export { recordInvoice } from './workflows/recordInvoice.js';
export { type RepriceOrderOutcome, repriceOrder } from './workflows/repriceOrder.js';
export { updateQuotation, updateSalesOrder } from './workflows/updateDocument.js';
