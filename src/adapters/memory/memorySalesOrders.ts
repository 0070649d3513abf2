import type { SalesOrderRepository } from '../../orders/ports.js';
import type { SalesOrder } from '../../orders/SalesOrder.js';
import { memoryAggregateRepository } from './memoryAggregateRepository.js';

/**
 * In-memory sales orders by number, with optimistic versions.
 * @example
 * const salesOrders = memorySalesOrders();
 */
export function memorySalesOrders(): SalesOrderRepository {
  return memoryAggregateRepository<SalesOrder>((o) => o.number);
}
