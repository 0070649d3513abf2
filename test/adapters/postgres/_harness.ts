// Shared by the PGlite and server suites: a fresh schema state per repository, and drivers
// that fail on purpose (an error after the first statement; a commit whose answer is lost).
import { postgresOpenItems, type PostgresOpenItemRepository } from '../../../src/adapters/postgres/postgresOpenItems.js';
import type { SqlDatabase, SqlQueryable } from '../../../src/adapters/postgres/SqlDatabase.js';
import type { OpenItem } from '../../../src/payments/OpenItem.js';

export async function resetTables(db: SqlQueryable): Promise<void> {
  await db.query('TRUNCATE otc_settlement_entries, otc_settlements, otc_open_items, otc_aggregates, otc_sequences RESTART IDENTITY', []);
}

/** A repository over `db` holding exactly `items`. */
export async function freshRepository(db: SqlDatabase, items: readonly OpenItem[]): Promise<PostgresOpenItemRepository> {
  await resetTables(db);
  const repo = postgresOpenItems(db);
  await repo.putOpenItems(items);
  return repo;
}

/** Every transaction fails with `error` right after its `afterStatements`-th statement. */
export function failingAfter(db: SqlDatabase, afterStatements: number, error: Error): SqlDatabase {
  return {
    query: (sql, params) => db.query(sql, params),
    transaction: (work) =>
      db.transaction(async (tx) => {
        let count = 0;
        const faulty: SqlQueryable = {
          async query(sql, params) {
            const result = await tx.query(sql, params);
            count += 1;
            if (count === afterStatements) throw error;
            return result;
          },
        };
        return work(faulty);
      }),
  };
}

/** The transaction commits, then the answer is lost (a crash between commit and response). */
export function losingAnswers(db: SqlDatabase, error: Error): SqlDatabase {
  return {
    query: (sql, params) => db.query(sql, params),
    transaction: async (work) => {
      await db.transaction(work);
      throw error;
    },
  };
}

export type Snapshot = { readonly items: unknown[]; readonly settlements: unknown[]; readonly entries: unknown[] };

/** Everything the open item tables hold, in a stable order. */
export async function snapshot(db: SqlQueryable): Promise<Snapshot> {
  const rows = async (sql: string): Promise<unknown[]> => [...(await db.query(sql, [])).rows];
  return {
    items: await rows('SELECT id, residual_minor::text AS residual, version FROM otc_open_items ORDER BY id'),
    settlements: await rows('SELECT idempotency_key, content_hash, seq::text AS seq FROM otc_settlements ORDER BY idempotency_key'),
    entries: await rows('SELECT idempotency_key, seq, kind, item_id, amount_minor::text AS amount FROM otc_settlement_entries ORDER BY idempotency_key, seq'),
  };
}
