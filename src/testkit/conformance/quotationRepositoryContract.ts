import type { QuotationRepository } from '../../orders/ports.js';
import { quotationSubject } from './_internal/orderDocuments.js';
import { type AggregateRepositoryContractOptions, aggregateRepositoryContract } from './aggregateRepositoryContract.js';
import type { ContractRunner } from './ContractRunner.js';

/**
 * Makes the {@link QuotationRepository} one law or one generated run works on: a fresh, empty one, or
 * the same store every time as long as no number starting with `SQ-` (after the
 * `keyPrefix` option) is stored yet.
 * @example
 * const make: MakeQuotationRepository = async () => memoryQuotations();
 */
export type MakeQuotationRepository = () => Promise<QuotationRepository>;

/**
 * Options of {@link quotationRepositoryContract}: runs, commands per run, concurrency, key prefix.
 * @example
 * const o: QuotationRepositoryContractOptions = { numRuns: 25, keyPrefix: 'ci/' };
 */
export type QuotationRepositoryContractOptions = AggregateRepositoryContractOptions;

/**
 * The conformance suite of a {@link QuotationRepository}: {@link aggregateRepositoryContract} with
 * quotations, priced by the library (Money, decimals and price traces must survive storage), taken
 * through their lifecycle (draft, sent, accepted, expired). Register it with the host's test framework.
 * @param make - the repository for one law or run
 * @param runner - the host's `describe` and `test`
 * @param options - runs, commands per run, concurrency, key prefix
 * @example
 * import { describe, test } from 'vitest';
 * quotationRepositoryContract(async () => memoryQuotations(), { describe, test });
 */
export function quotationRepositoryContract(make: MakeQuotationRepository, runner: ContractRunner, options: QuotationRepositoryContractOptions = {}): void {
  aggregateRepositoryContract(quotationSubject(), make, runner, options);
}
