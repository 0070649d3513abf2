/**
 * What the adapter needs of a driver: one SQL statement with positional parameters
 * (`$1`, `$2`, …) in, rows out. A PGlite instance or transaction and a `pg` Pool, Client or
 * PoolClient all have this shape; the adapter never imports a driver.
 * @example
 * const rows = (await db.query('SELECT 1 AS one', [])).rows; //=> [{ one: 1 }]
 */
export interface SqlQueryable {
  query(sql: string, params?: unknown[]): Promise<{ readonly rows: readonly unknown[] }>;
}

/**
 * A database the adapter can run transactions on: {@link SqlQueryable} plus `transaction`,
 * which runs `work` on one connection between `BEGIN` and `COMMIT` and rolls back when
 * `work` throws. Build one from a driver with {@link sqlDatabase}.
 * @example
 * await db.transaction(async (tx) => tx.query('UPDATE t SET n = n + 1', []));
 */
export interface SqlDatabase extends SqlQueryable {
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
}

/**
 * A `pg` Pool, seen structurally: `connect()` checks a client out, `release()` gives it back.
 * @example
 * const driver: PgPoolLike = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 */
export interface PgPoolLike extends SqlQueryable {
  connect(): Promise<SqlQueryable & { release(err?: Error | boolean): void }>;
  readonly totalCount: number;
}

/**
 * Drivers {@link sqlDatabase} accepts: anything with `transaction` (PGlite, or a
 * {@link SqlDatabase}), a `pg` Pool, or a single connection (a `pg` Client or PoolClient).
 * @example
 * const driver: PostgresDriver = new PGlite();
 */
export type PostgresDriver = SqlDatabase | PgPoolLike | SqlQueryable;

function hasTransaction(driver: PostgresDriver): driver is SqlDatabase {
  return typeof (driver as Partial<SqlDatabase>).transaction === 'function';
}

function isPool(driver: PostgresDriver): driver is PgPoolLike {
  return typeof (driver as Partial<PgPoolLike>).connect === 'function' && 'totalCount' in driver;
}

async function inTransaction<T>(conn: SqlQueryable, work: (tx: SqlQueryable) => Promise<T>, onBroken: (e: Error) => void = () => undefined): Promise<T> {
  await conn.query('BEGIN', []);
  let result: T;
  try {
    result = await work(conn);
  } catch (error) {
    // The work's error is what the caller needs; a failed ROLLBACK only marks the connection.
    await conn.query('ROLLBACK', []).catch((e: unknown) => onBroken(e instanceof Error ? e : new Error(String(e))));
    throw error;
  }
  await conn.query('COMMIT', []);
  return result;
}

function fromPool(pool: PgPoolLike): SqlDatabase {
  return {
    query: (sql, params) => pool.query(sql, params),
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        return await inTransaction(client, work, (e) => (broken = e));
      } finally {
        // A connection whose ROLLBACK failed is discarded, never reused.
        client.release(broken);
      }
    },
  };
}

function fromConnection(conn: SqlQueryable): SqlDatabase {
  // One connection runs one transaction at a time: calls queue behind each other so that a
  // statement never lands inside another caller's transaction.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    query: (sql, params) => serial(() => conn.query(sql, params)),
    transaction: <T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> => serial(() => inTransaction(conn, work)),
  };
}

/**
 * A {@link SqlDatabase} over a driver: PGlite (and anything with `transaction`) is used as
 * it is; a `pg` Pool checks out one client per transaction; a single connection (a `pg`
 * Client) runs its transactions one after the other.
 * @param driver - `new PGlite()`, `new pg.Pool(…)`, a connected `pg.Client`, or a {@link SqlDatabase}
 * @returns the database the adapter's repositories take
 * @example
 * const db = sqlDatabase(new PGlite());
 * await migratePostgres(db);
 */
export function sqlDatabase(driver: PostgresDriver): SqlDatabase {
  if (hasTransaction(driver)) return driver;
  if (isPool(driver)) return fromPool(driver);
  return fromConnection(driver);
}
