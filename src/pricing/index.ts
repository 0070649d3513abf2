// order-to-cash/pricing: trade agreements, compiled price books and explained prices.
export { type AnalysePriceBookOptions, analysePriceBook, type PriceBookDiagnostic } from './analysePriceBook.js';
export { byRecordOrder, compilePriceBook, type PriceBook, type PriceBookIndex, type PriceBookInput } from './compilePriceBook.js';
export { explain } from './explain.js';
export { type NearMiss, nearMiss } from './nearMiss.js';
export { type PreparedOrder, prepareOrder } from './prepareOrder.js';
export {
  type FoundDiscount,
  type BlockedLine,
  type LineOutcome,
  type NoPriceLine,
  type OrderLine,
  type PricedLine,
  type PricedOrder,
  type PriceOrderOptions,
  type PricingOrder,
  priceLine,
  priceOrder,
  type UnitConversion,
} from './priceOrder.js';
export type { CombinationMode, PricingTrace, RecordOutcome, TraceEntry } from './PricingTrace.js';
export { type TotalDiscountNearMiss, totalDiscountNearMiss } from './totalDiscountNearMiss.js';
export {
  type ActivationMatrix,
  ActivationMatrixSchema,
  type BasePrice,
  BasePriceSchema,
  type CustomerContext,
  CustomerContextSchema,
  type ItemAttributes,
  ItemAttributesSchema,
  type Relation,
  type RelationCode,
  type TradeAgreement,
  type TradeAgreementInput,
  TradeAgreementSchema,
} from './schemas.js';
