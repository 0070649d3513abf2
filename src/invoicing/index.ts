// order-to-cash/invoicing: invoices and credit notes — taxes, charges, rounding, payment terms.
export { type CalculateInvoiceOptions, calculateInvoice, calculateParsedInvoice } from './calculateInvoice.js';
export type {
  AccountingAmounts,
  CashDiscount,
  ChargeAmount,
  HeaderChargeAmount,
  Instalment,
  Invoice,
  InvoiceLine,
  InvoiceTotals,
  InvoiceTraceStep,
  TaxAmount,
  TaxTotal,
} from './Invoice.js';
export {
  type AccountingCurrency,
  type CashRounding,
  type ChargeInput,
  type HeaderChargeInput,
  type InvoiceDocument,
  InvoiceDocumentSchema,
  type InvoiceLineInput,
  type RoundingPolicy,
  RoundingPolicySchema,
  type TaxRoundingLevel,
} from './InvoiceDocument.js';
export {
  type CashDiscountStep,
  dueDate,
  type InstalmentPart,
  type InstalmentSchedule,
  nextPaymentDay,
  type PaymentDays,
  type PaymentTerms,
  PaymentTermsSchema,
} from './paymentTerms.js';
export { type TaxBracket, type TaxCalculation, type TaxCode, TaxCodeSchema, type TaxTreatment } from './taxCode.js';
export { type CreditNoteRequest, creditNote } from './creditNote.js';
export { type PostedInvoice, type PostInvoiceOptions, postInvoice } from './postInvoice.js';
export type { InvoiceNumberSequence } from './ports.js';
export { postWithSequence } from './postWithSequence.js';
export { type OrderInvoiceSpec, orderInvoiceDocument } from './orderInvoiceDocument.js';
export { type InvoiceSalesOrderOutcome, type InvoiceSalesOrderPorts, invoiceSalesOrder } from './invoiceSalesOrder.js';
export { type ReturnCreditNote, returnCreditNote } from './returnCreditNote.js';
