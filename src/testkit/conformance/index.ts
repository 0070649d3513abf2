// The conformance suites: one per port, run by every adapter (memory, postgres, a host's own).
export type { ContractRunner } from './ContractRunner.js';
export { type AggregateRepositoryContractOptions, aggregateRepositoryContract, type AggregateSubject, type MakeAggregateRepository } from './aggregateRepositoryContract.js';
export { type InvoiceNumberSequenceContractOptions, invoiceNumberSequenceContract, type MakeInvoiceNumberSequence } from './invoiceNumberSequenceContract.js';
export { type MakeOpenItemRepository, type OpenItemRepositoryContractOptions, openItemRepositoryContract } from './openItemRepositoryContract.js';
export { type MakeQuotationRepository, type QuotationRepositoryContractOptions, quotationRepositoryContract } from './quotationRepositoryContract.js';
export { type MakeReturnOrderRepository, type ReturnOrderRepositoryContractOptions, returnOrderRepositoryContract } from './returnOrderRepositoryContract.js';
export { type MakeSalesOrderRepository, type SalesOrderRepositoryContractOptions, salesOrderRepositoryContract } from './salesOrderRepositoryContract.js';
export { type MakeOrderNumberSequence, type OrderNumberSequenceContractOptions, orderNumberSequenceContract } from './orderNumberSequenceContract.js';
export { type MakeCustomerRepository, type MasterDataContractOptions, customerRepositoryContract } from './customerRepositoryContract.js';
export { type MakeItemRepository, itemRepositoryContract } from './itemRepositoryContract.js';
export { type MakePriceBookRepository, priceBookRepositoryContract } from './priceBookRepositoryContract.js';
