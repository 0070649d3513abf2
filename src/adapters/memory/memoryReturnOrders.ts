import type { ReturnOrderRepository } from '../../orders/ports.js';
import type { ReturnOrder } from '../../orders/ReturnOrder.js';
import { memoryAggregateRepository } from './memoryAggregateRepository.js';

/**
 * In-memory return orders by number, with optimistic versions.
 * @example
 * const returnOrders = memoryReturnOrders();
 */
export function memoryReturnOrders(): ReturnOrderRepository {
  return memoryAggregateRepository<ReturnOrder>((r) => r.number);
}
