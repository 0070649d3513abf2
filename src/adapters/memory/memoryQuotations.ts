import type { QuotationRepository } from '../../orders/ports.js';
import type { Quotation } from '../../orders/Quotation.js';
import { memoryAggregateRepository } from './memoryAggregateRepository.js';

/**
 * In-memory quotations by number, with optimistic versions.
 * @example
 * const quotations = memoryQuotations();
 */
export function memoryQuotations(): QuotationRepository {
  return memoryAggregateRepository<Quotation>((q) => q.number);
}
