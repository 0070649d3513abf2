import type { NumberSequence, OrderNumberKind } from '../../orders/ports.js';

/**
 * Options of {@link memoryNumberSequence}: the prefix per kind and the digits.
 * @example
 * const options: MemoryNumberSequenceOptions = { prefixes: { salesOrder: 'SO-' }, digits: 6 };
 */
export type MemoryNumberSequenceOptions = { readonly prefixes?: Partial<Record<OrderNumberKind, string>>; readonly digits?: number };

const PREFIXES: Readonly<Record<OrderNumberKind, string>> = { quotation: 'SQ-', salesOrder: 'SO-', returnOrder: 'RMA-' };

/**
 * Gap-free counters per kind, in memory: `SQ-000001`, `SO-000001`, `RMA-000001`, …
 * @example
 * await memoryNumberSequence().next('salesOrder') //=> 'SO-000001'
 */
export function memoryNumberSequence(options: MemoryNumberSequenceOptions = {}): NumberSequence {
  const counters = new Map<OrderNumberKind, number>();
  const digits = options.digits ?? 6;
  return {
    next: (kind) => {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return Promise.resolve(`${options.prefixes?.[kind] ?? PREFIXES[kind]}${String(n).padStart(digits, '0')}`);
    },
  };
}
