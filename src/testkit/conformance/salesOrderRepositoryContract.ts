import type { SalesOrderRepository } from '../../orders/ports.js';
import { salesOrderSubject } from './_internal/orderDocuments.js';
import { type AggregateRepositoryContractOptions, aggregateRepositoryContract } from './aggregateRepositoryContract.js';
import type { ContractRunner } from './ContractRunner.js';

/**
 * Makes the {@link SalesOrderRepository} one law or one generated run works on: a fresh, empty one, or
 * the same store every time as long as no number starting with `SO-` (after the
 * `keyPrefix` option) is stored yet.
 * @example
 * const make: MakeSalesOrderRepository = async () => memorySalesOrders();
 */
export type MakeSalesOrderRepository = () => Promise<SalesOrderRepository>;

/**
 * Options of {@link salesOrderRepositoryContract}: runs, commands per run, concurrency, key prefix.
 * @example
 * const o: SalesOrderRepositoryContractOptions = { numRuns: 25, keyPrefix: 'ci/' };
 */
export type SalesOrderRepositoryContractOptions = AggregateRepositoryContractOptions;

/**
 * The conformance suite of a {@link SalesOrderRepository}: {@link aggregateRepositoryContract} with
 * sales orders, priced by the library (Money, decimals and price traces must survive storage), taken
 * through their lifecycle (open, confirmed, delivered, invoiced, closed). Register it with the host's test framework.
 * @param make - the repository for one law or run
 * @param runner - the host's `describe` and `test`
 * @param options - runs, commands per run, concurrency, key prefix
 * @example
 * import { describe, test } from 'vitest';
 * salesOrderRepositoryContract(async () => memorySalesOrders(), { describe, test });
 */
export function salesOrderRepositoryContract(make: MakeSalesOrderRepository, runner: ContractRunner, options: SalesOrderRepositoryContractOptions = {}): void {
  aggregateRepositoryContract(salesOrderSubject(), make, runner, options);
}
