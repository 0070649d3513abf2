import type { AggregateRepository, SaveOutcome, Versioned } from '../../orders/ports.js';
import { frozenCopy } from './_internal/frozenCopy.js';

/**
 * An in-memory {@link AggregateRepository}: values kept as deep-frozen copies, keyed by
 * `keyOf(value)`, version 1 after the first save and +1 per save; a stale `expectedVersion` is
 * a `conflict` outcome.
 * @param keyOf the key of a value (e.g. its number)
 * @example
 * const orders = memoryAggregateRepository<SalesOrder>((o) => o.number);
 * await orders.save(order, 0) //=> { kind: 'saved', version: 1 }
 */
export function memoryAggregateRepository<T>(keyOf: (value: T) => string): AggregateRepository<T> & { readonly size: () => number } {
  const rows = new Map<string, Versioned<T>>();
  return {
    get: (key) => Promise.resolve(rows.get(key)),
    save: (value, expectedVersion) => {
      const key = keyOf(value);
      const actual = rows.get(key)?.version ?? 0;
      if (actual !== expectedVersion) return Promise.resolve<SaveOutcome>({ kind: 'conflict', expectedVersion, actualVersion: actual });
      const version = actual + 1;
      rows.set(key, Object.freeze({ value: frozenCopy(value), version }));
      return Promise.resolve<SaveOutcome>({ kind: 'saved', version });
    },
    size: () => rows.size,
  };
}
