import { postgresMigrations, type PostgresMigration } from './postgresMigrations.js';
import { type PostgresDriver, sqlDatabase } from './SqlDatabase.js';

/**
 * Options of {@link migratePostgres}.
 * @example
 * const o: MigratePostgresOptions = { migrations: postgresMigrations };
 */
export type MigratePostgresOptions = { readonly migrations?: readonly PostgresMigration[] };

/**
 * What {@link migratePostgres} did: the versions it applied now (empty when the schema was
 * already current) and every version recorded afterwards.
 * @example
 * const r: MigratePostgresResult = { applied: [1, 2, 3], current: [1, 2, 3] };
 */
export type MigratePostgresResult = { readonly applied: readonly number[]; readonly current: readonly number[] };

// Key of the transaction-level advisory lock that serialises concurrent migrators.
const MIGRATION_LOCK = '7361008245718204137';

/**
 * Creates or updates the adapter's schema: applies, in one transaction, the migrations whose
 * version `otc_migrations` does not record yet, and records them. Idempotent, and safe when
 * several processes call it at once (an advisory lock serialises them).
 * @param driver - PGlite, a `pg` Pool or Client, or a {@link SqlDatabase}
 * @param options - other migrations than {@link postgresMigrations} (for tests)
 * @returns the versions applied now and all versions recorded
 * @example
 * await migratePostgres(new PGlite()) //=> { applied: [1, 2, 3], current: [1, 2, 3] }
 * await migratePostgres(db)           //=> { applied: [], current: [1, 2, 3] }
 */
export async function migratePostgres(driver: PostgresDriver, options: MigratePostgresOptions = {}): Promise<MigratePostgresResult> {
  const migrations = [...(options.migrations ?? postgresMigrations)].sort((a, b) => a.version - b.version);
  return sqlDatabase(driver).transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS otc_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
      [],
    );
    const done = new Set(((await tx.query('SELECT version FROM otc_migrations', [])).rows as { version: number }[]).map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      for (const statement of m.statements) await tx.query(statement, []);
      await tx.query('INSERT INTO otc_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
      done.add(m.version);
    }
    return { applied, current: [...done].sort((a, b) => a - b) };
  });
}
