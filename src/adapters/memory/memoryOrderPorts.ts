import type { Customer, Item, OrderPorts } from '../../orders/ports.js';
import type { PriceBookInput } from '../../pricing/compilePriceBook.js';
import { memoryCustomers } from './memoryCustomers.js';
import { memoryItems } from './memoryItems.js';
import { type MemoryNumberSequenceOptions, memoryNumberSequence } from './memoryNumberSequence.js';
import { memoryPriceBooks } from './memoryPriceBooks.js';
import { memoryQuotations } from './memoryQuotations.js';
import { memoryReturnOrders } from './memoryReturnOrders.js';
import { memorySalesOrders } from './memorySalesOrders.js';

/**
 * Seed data of {@link memoryOrderPorts}.
 * @example
 * const seed: MemoryOrderSeed = { customers: [{ customerId: 'C1', currency: 'EUR' }], items: [], priceBook: { agreements: [] } };
 */
export type MemoryOrderSeed = {
  readonly customers?: readonly Customer[];
  readonly items?: readonly Item[];
  readonly priceBook?: PriceBookInput;
  readonly numbers?: MemoryNumberSequenceOptions;
};

/**
 * Every orders port in memory, the embedded default for demos and tests. The extra handles
 * (`customers.put`, `items.put`, `priceBooks.replace`) let a test change the data.
 * @example
 * const ports = memoryOrderPorts({ customers, items, priceBook: { agreements } });
 * await createQuotation(ports, request, options);
 */
export function memoryOrderPorts(seed: MemoryOrderSeed = {}): OrderPorts & {
  readonly customers: ReturnType<typeof memoryCustomers>;
  readonly items: ReturnType<typeof memoryItems>;
  readonly priceBooks: ReturnType<typeof memoryPriceBooks>;
} {
  return {
    customers: memoryCustomers(seed.customers),
    items: memoryItems(seed.items),
    priceBooks: memoryPriceBooks(seed.priceBook ?? { agreements: [] }),
    quotations: memoryQuotations(),
    salesOrders: memorySalesOrders(),
    returnOrders: memoryReturnOrders(),
    numbers: memoryNumberSequence(seed.numbers),
  };
}
