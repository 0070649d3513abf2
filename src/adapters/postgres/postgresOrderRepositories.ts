import type { AggregateRepository, NumberSequence, OrderNumberKind, QuotationRepository, ReturnOrderRepository, SalesOrderRepository } from '../../orders/ports.js';
import type { Quotation } from '../../orders/Quotation.js';
import type { ReturnOrder } from '../../orders/ReturnOrder.js';
import type { SalesOrder } from '../../orders/SalesOrder.js';
import { loadAggregate, nextInSequence, saveAggregate } from './_internal/aggregateTable.js';
import { type PostgresDriver, sqlDatabase } from './SqlDatabase.js';

/**
 * A repository of versioned aggregates of one `type` in `otc_aggregates` (migration 1). Each
 * save is one statement that names the version it read: a stale save changes nothing and is a
 * `conflict` outcome; values round-trip exactly (bigints, Money and decimals included).
 * @example
 * const orders = postgresAggregateRepository<SalesOrder>(db, 'salesOrder', (o) => o.number);
 * await orders.save(order, 0) //=> { kind: 'saved', version: 1 }
 */
export function postgresAggregateRepository<T>(driver: PostgresDriver, type: string, keyOf: (value: T) => string): AggregateRepository<T> {
  const db = sqlDatabase(driver);
  return {
    async get(key) {
      const row = await loadAggregate<T>(db, type, key);
      return row === undefined ? undefined : Object.freeze({ value: row.value, version: row.version });
    },
    async save(value, expectedVersion) {
      const outcome = await saveAggregate(db, type, keyOf(value), expectedVersion, value);
      return outcome.kind === 'saved' ? outcome : { kind: 'conflict', expectedVersion, actualVersion: outcome.currentVersion };
    },
  };
}

/**
 * Quotations on PostgreSQL, by number.
 * @example
 * const ports = { ...memoryOrderPorts(seed), quotations: postgresQuotations(db) };
 */
export function postgresQuotations(driver: PostgresDriver): QuotationRepository {
  return postgresAggregateRepository<Quotation>(driver, 'quotation', (q) => q.number);
}

/**
 * Sales orders on PostgreSQL, by number.
 * @example
 * const ports = { ...memoryOrderPorts(seed), salesOrders: postgresSalesOrders(db) };
 */
export function postgresSalesOrders(driver: PostgresDriver): SalesOrderRepository {
  return postgresAggregateRepository<SalesOrder>(driver, 'salesOrder', (o) => o.number);
}

/**
 * Return orders on PostgreSQL, by number.
 * @example
 * const ports = { ...memoryOrderPorts(seed), returnOrders: postgresReturnOrders(db) };
 */
export function postgresReturnOrders(driver: PostgresDriver): ReturnOrderRepository {
  return postgresAggregateRepository<ReturnOrder>(driver, 'returnOrder', (r) => r.number);
}

const PREFIXES: Readonly<Record<OrderNumberKind, string>> = { quotation: 'SQ-', salesOrder: 'SO-', returnOrder: 'RO-' };

/**
 * Quotation, order and return numbers from counters in `otc_sequences` (unique under
 * concurrency), formatted like the memory adapter's: `SQ-000001`, `SO-000001`, `RO-000001`.
 * @example
 * await postgresOrderNumbers(db).next('salesOrder') //=> 'SO-000001'
 */
export function postgresOrderNumbers(driver: PostgresDriver, options: { readonly series?: string } = {}): NumberSequence {
  const db = sqlDatabase(driver);
  const series = options.series ?? '';
  return {
    async next(kind) {
      const n = await db.transaction((tx) => nextInSequence(tx, `${series}order:${kind}`));
      return `${PREFIXES[kind]}${n.toString().padStart(6, '0')}`;
    },
  };
}
