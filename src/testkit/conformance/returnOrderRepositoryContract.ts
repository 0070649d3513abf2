import type { ReturnOrderRepository } from '../../orders/ports.js';
import { returnOrderSubject } from './_internal/orderDocuments.js';
import { type AggregateRepositoryContractOptions, aggregateRepositoryContract } from './aggregateRepositoryContract.js';
import type { ContractRunner } from './ContractRunner.js';

/**
 * Makes the {@link ReturnOrderRepository} one law or one generated run works on: a fresh, empty one, or
 * the same store every time as long as no number starting with `RMA-` (after the
 * `keyPrefix` option) is stored yet.
 * @example
 * const make: MakeReturnOrderRepository = async () => memoryReturnOrders();
 */
export type MakeReturnOrderRepository = () => Promise<ReturnOrderRepository>;

/**
 * Options of {@link returnOrderRepositoryContract}: runs, commands per run, concurrency, key prefix.
 * @example
 * const o: ReturnOrderRepositoryContractOptions = { numRuns: 25, keyPrefix: 'ci/' };
 */
export type ReturnOrderRepositoryContractOptions = AggregateRepositoryContractOptions;

/**
 * The conformance suite of a {@link ReturnOrderRepository}: {@link aggregateRepositoryContract} with
 * return orders of an invoiced order, priced by the library (Money, decimals and price traces must survive storage), taken
 * through their lifecycle (created, received, credited). Register it with the host's test framework.
 * @param make - the repository for one law or run
 * @param runner - the host's `describe` and `test`
 * @param options - runs, commands per run, concurrency, key prefix
 * @example
 * import { describe, test } from 'vitest';
 * returnOrderRepositoryContract(async () => memoryReturnOrders(), { describe, test });
 */
export function returnOrderRepositoryContract(make: MakeReturnOrderRepository, runner: ContractRunner, options: ReturnOrderRepositoryContractOptions = {}): void {
  aggregateRepositoryContract(returnOrderSubject(), make, runner, options);
}
