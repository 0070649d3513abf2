import { fromJsonColumn, toJsonText } from './jsonCodec.js';
import type { SqlQueryable } from '../SqlDatabase.js';

// The generic table of versioned aggregates (otc_aggregates): the pattern the repositories
// of orders, quotations and returns follow. A save names the version it read; a stale one
// changes nothing and reports the current version.

/**
 * A stored aggregate and its version.
 * @example
 * const a: StoredAggregate<{ n: number }> = { value: { n: 1 }, version: 3 };
 */
export type StoredAggregate<T> = { readonly value: T; readonly version: number };

/**
 * Outcome of {@link saveAggregate}.
 * @example
 * const o: SaveAggregateOutcome = { kind: 'conflict', currentVersion: 4 };
 */
export type SaveAggregateOutcome = { readonly kind: 'saved'; readonly version: number } | { readonly kind: 'conflict'; readonly currentVersion: number };

/**
 * The aggregate `type`/`id`, or undefined.
 * @example
 * await loadAggregate(tx, 'salesOrder', 'SO-1') //=> { value, version: 2 }
 */
export async function loadAggregate<T>(q: SqlQueryable, type: string, id: string): Promise<StoredAggregate<T> | undefined> {
  const rows = (await q.query('SELECT value, version FROM otc_aggregates WHERE type = $1 AND id = $2', [type, id])).rows as { value: unknown; version: number }[];
  const row = rows[0];
  return row === undefined ? undefined : { value: fromJsonColumn(row.value) as T, version: Number(row.version) };
}

/**
 * Saves `value` as version `expectedVersion + 1` when the stored version is `expectedVersion`
 * (0: the aggregate must not exist yet); otherwise a conflict with the current version.
 * @example
 * await saveAggregate(tx, 'salesOrder', 'SO-1', 0, order) //=> { kind: 'saved', version: 1 }
 */
export async function saveAggregate(q: SqlQueryable, type: string, id: string, expectedVersion: number, value: unknown): Promise<SaveAggregateOutcome> {
  const json = toJsonText(value);
  const rows =
    expectedVersion === 0
      ? (await q.query('INSERT INTO otc_aggregates (type, id, version, value) VALUES ($1, $2, 1, $3::jsonb) ON CONFLICT (type, id) DO NOTHING RETURNING version', [type, id, json])).rows
      : (await q.query('UPDATE otc_aggregates SET value = $4::jsonb, version = version + 1 WHERE type = $1 AND id = $2 AND version = $3 RETURNING version', [type, id, expectedVersion, json])).rows;
  const saved = (rows as { version: number }[])[0];
  if (saved !== undefined) return { kind: 'saved', version: Number(saved.version) };
  const current = (await q.query('SELECT version FROM otc_aggregates WHERE type = $1 AND id = $2', [type, id])).rows as { version: number }[];
  return { kind: 'conflict', currentVersion: Number(current[0]?.version ?? 0) };
}

/**
 * The next value (1, 2, …) of the named counter; gap-free within the caller's transaction.
 * @example
 * await nextInSequence(tx, 'invoice') //=> 1n
 */
export async function nextInSequence(q: SqlQueryable, name: string): Promise<bigint> {
  const rows = (
    await q.query(
      `INSERT INTO otc_sequences AS s (name, value) VALUES ($1, 1)
       ON CONFLICT (name) DO UPDATE SET value = s.value + 1 RETURNING value::text AS value`,
      [name],
    )
  ).rows as { value: string }[];
  return BigInt(rows[0]?.value ?? '0');
}
