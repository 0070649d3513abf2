// order-to-cash/memory: in-memory implementations of the library's ports, the embedded
// default for demos, tests and single-process hosts.
export { type MemoryOrderSeed, memoryOrderPorts } from './memoryOrderPorts.js';
export { memoryAggregateRepository } from './memoryAggregateRepository.js';
export { memoryCustomers } from './memoryCustomers.js';
export { memoryItems } from './memoryItems.js';
export { type MemoryNumberSequenceOptions, memoryNumberSequence } from './memoryNumberSequence.js';
export { memoryPriceBooks } from './memoryPriceBooks.js';
export { memoryQuotations } from './memoryQuotations.js';
export { memoryReturnOrders } from './memoryReturnOrders.js';
export { memorySalesOrders } from './memorySalesOrders.js';
export { type MemoryOpenItemRepository, memoryOpenItems } from './memoryOpenItems.js';
