import fc from 'fast-check';
import type { Customer, CustomerRepository } from '../../orders/ports.js';
import { keyedReadContract } from './_internal/keyedReadContract.js';
import type { ContractRunner } from './ContractRunner.js';

/**
 * Makes a {@link CustomerRepository} holding exactly `customers` (the host seeds its own
 * tables with them, or a test schema). Called once per law and once per generated run.
 * @example
 * const make: MakeCustomerRepository = async (customers) => memoryCustomers(customers);
 */
export type MakeCustomerRepository = (customers: readonly Customer[]) => Promise<CustomerRepository>;

/**
 * Options of {@link customerRepositoryContract} and the other master-data contracts.
 * @example
 * const o: MasterDataContractOptions = { numRuns: 50 };
 */
export type MasterDataContractOptions = {
  /** Runs of the model-based test (default: fast-check's global setting). */
  readonly numRuns?: number;
  /** Largest number of commands per run of the model-based test (default 20). */
  readonly maxCommands?: number;
};

const EXAMPLES: readonly Customer[] = [
  { customerId: 'C1', name: 'Contoso', currency: 'EUR', priceGroup: 'RETAIL', lineDiscountGroup: 'LD', multilineDiscountGroup: 'MLD', totalDiscountGroup: 'TD' },
  { customerId: 'C2', currency: 'JPY' },
  { customerId: 'Kunde/7 Ö', name: "O'Brien & Söhne", currency: 'KWD', totalDiscountGroup: 'TD' },
];

const customersArb: fc.Arbitrary<readonly Customer[]> = /* @__PURE__ */ fc.uniqueArray(
  fc.record(
    {
      customerId: fc.constantFrom('C1', 'C2', 'C3', 'C-10', 'Kunde 4'),
      name: fc.string({ maxLength: 12 }),
      currency: fc.constantFrom('EUR', 'USD', 'JPY', 'KWD'),
      priceGroup: fc.constantFrom('RETAIL', 'WHOLESALE'),
      lineDiscountGroup: fc.constantFrom('LD', 'LD2'),
      multilineDiscountGroup: fc.constant('MLD'),
      totalDiscountGroup: fc.constant('TD'),
    },
    { requiredKeys: ['customerId', 'currency'] },
  ),
  { selector: (c) => c.customerId, maxLength: 5 },
);

/**
 * The conformance suite of a {@link CustomerRepository}, the host's customers as orders read
 * them: every seeded customer reads back with every field (absent optional groups stay
 * absent), an unknown id gives undefined, reads repeat, and neither the seeded objects nor a
 * customer read can be changed by the caller to alter later reads; then a model-based
 * `fc.commands` test of reads over generated customers.
 * @param make - a repository holding exactly the given customers
 * @param runner - the host's `describe` and `test`
 * @param options - runs and commands per run
 * @example
 * import { describe, test } from 'vitest';
 * customerRepositoryContract(async (customers) => memoryCustomers(customers), { describe, test });
 */
export function customerRepositoryContract(make: MakeCustomerRepository, runner: ContractRunner, options: MasterDataContractOptions = {}): void {
  const subject = { port: 'CustomerRepository', idOf: (c: Customer) => c.customerId, examples: EXAMPLES, recordsArb: customersArb, unknownIds: ['NOBODY', 'C', 'C10'] };
  keyedReadContract(subject, make, runner, options);
}
