import type { Customer, CustomerRepository } from '../../orders/ports.js';
import { frozenCopy } from './_internal/frozenCopy.js';

/**
 * In-memory customers; `put` adds or replaces one.
 * @example
 * const customers = memoryCustomers([{ customerId: 'C1', currency: 'EUR' }]);
 */
export function memoryCustomers(initial: readonly Customer[] = []): CustomerRepository & { put(customer: Customer): void } {
  const rows = new Map<string, Customer>();
  const put = (c: Customer): void => {
    rows.set(c.customerId, frozenCopy(c));
  };
  initial.forEach(put);
  return { get: (id) => Promise.resolve(rows.get(id)), put };
}
