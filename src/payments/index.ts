// order-to-cash/payments: open items, settlement and the matching pipeline.
export { type ApplySettlementOutcome, applySettlement, type SettlementState } from './applySettlement.js';
export { availableCashDiscount, comparePercent } from './cashDiscount.js';
export { canonicalJson, contentHash } from './contentHash.js';
export {
  type CashDiscountStep,
  CashDiscountStepSchema,
  type CustomerId,
  CustomerIdSchema,
  isCreditKind,
  type OpenItem,
  type OpenItemId,
  OpenItemIdSchema,
  type OpenItemInput,
  type OpenItemKind,
  OpenItemSchema,
  type Payment,
  type PaymentInput,
  PaymentSchema,
} from './OpenItem.js';
export { type CombinationResult, findCombination } from './findCombination.js';
export { type OpenItemsFromInvoiceOptions, openItemsFromInvoice } from './openItemsFromInvoice.js';
export {
  confidenceOf,
  type MatchDecision,
  type MatchProposal,
  type MatchRule,
  type MatchSignal,
  type MatchStatementInput,
  type MatchStatementOptions,
  type MatchStatementResult,
  matchStatement,
  type SignalName,
} from './matchStatement.js';
export { payerNameKey } from './payerNameKey.js';
export { isValidRfReference, referenceKeys, textReferenceKeys } from './references.js';
export { reverseSettlement } from './reverseSettlement.js';
export type { Settlement, SettlementEntry, SettlementEntryKind } from './Settlement.js';
export { type PriorityCriterion, type SettlementPriority, SettlementPrioritySchema, sortBySettlementPriority } from './settlementPriority.js';
export {
  type SettlePaymentInput,
  type SettlePaymentOptions,
  type SettlementTolerance,
  settlePayment,
  type UnderpaymentPolicy,
} from './settlePayment.js';
export type { ApplyOutcome, IdempotencyKey, OpenItemQuery, OpenItemRepository } from './ports.js';
