// order-to-cash/testkit: fast-check arbitraries for the library's inputs, for hosts' tests.
// Requires fast-check (an optional peer dependency).
export { type CalendarDateArbOptions, calendarDateArb } from './calendarArbitraries.js';
export {
  currencyCodeArb,
  type MoneyArbOptions,
  moneyArb,
  roundingModeArb,
  type ScaledArbOptions,
  scaledArb,
} from './moneyArbitraries.js';
export { openItemsArb, type PaymentsArbOptions, paymentArb, paymentsScenarioArb } from './paymentsArbitraries.js';
export { agingBucketsArb, agingItemArb, paymentExperienceArb, type DateNearArbOptions, dateNearArb, exposureInputArb } from './creditArbitraries.js';
export { type PricingScenario, type PricingScenarioArbOptions, pricingScenarioArb } from './pricingArbitraries.js';
export { type InvoiceDocumentArbOptions, invoiceDocumentArb } from './invoicingArbitraries.js';
export { type RebateSourceLineArbOptions, rebateSourceLineArb, rebateSourceLinesArb } from './rebatesArbitraries.js';
export { changedBookArb, type OrderScenario, type OrderScenarioArbOptions, orderScenarioArb } from './orders.js';
export { type ContractRunner, type InvoiceNumberSequenceContractOptions, invoiceNumberSequenceContract, type MakeInvoiceNumberSequence, type MakeOpenItemRepository, type OpenItemRepositoryContractOptions, openItemRepositoryContract } from './conformance/index.js';
export { type MakeSalesOrderRepository, type SalesOrderRepositoryContractOptions, salesOrderRepositoryContract } from './conformance/index.js';
export { type AggregateRepositoryContractOptions, aggregateRepositoryContract, type AggregateSubject, type MakeAggregateRepository } from './conformance/index.js';
export { type MakeQuotationRepository, type QuotationRepositoryContractOptions, quotationRepositoryContract } from './conformance/index.js';
export { type MakeReturnOrderRepository, type ReturnOrderRepositoryContractOptions, returnOrderRepositoryContract } from './conformance/index.js';
export { type MakeOrderNumberSequence, type OrderNumberSequenceContractOptions, orderNumberSequenceContract } from './conformance/index.js';
export { type MakeCustomerRepository, type MasterDataContractOptions, customerRepositoryContract } from './conformance/index.js';
export { type MakeItemRepository, itemRepositoryContract } from './conformance/index.js';
export { type MakePriceBookRepository, priceBookRepositoryContract } from './conformance/index.js';
