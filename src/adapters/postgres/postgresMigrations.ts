/**
 * One schema migration: a version (applied in increasing order, once), a name, and its SQL
 * statements (one statement per string, so that every driver can run them with `query`).
 * @example
 * const m: PostgresMigration = { version: 3, name: 'an index', statements: ['CREATE INDEX …'] };
 */
export type PostgresMigration = { readonly version: number; readonly name: string; readonly statements: readonly string[] };

/**
 * The adapter's schema, as versioned migrations that {@link migratePostgres} applies.
 *
 * 1. `otc_open_items`: one row per open item; the residual as exact `numeric` minor units
 *    whose sign must fit the kind, the other fields as `jsonb`, a `version` per row.
 *    `otc_settlements`: one row per applied idempotency key with the request's content hash,
 *    a sequence number (the `version` of the `applied` outcome) and the whole settlement;
 *    `otc_settlement_entries`: its entries, one row each, for queries and audits.
 * 2. `otc_aggregates`: versioned aggregates (type, id, version, `jsonb` value);
 *    `otc_sequences`: named counters for document numbers.
 * 3. Items opened by settlements: `otc_open_items.opened_by` (the idempotency key of the
 *    settlement that opened the item, so that only its reversal removes it), and
 *    `origin_item_id`, `reason_code` as columns for queries (the item's `data` keeps them too).
 * @example
 * postgresMigrations.map((m) => m.version) //=> [1, 2, 3]
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'open items and settlements',
    statements: [
      `CREATE TABLE otc_open_items (
        id text PRIMARY KEY,
        kind text NOT NULL,
        customer_id text NOT NULL,
        currency text NOT NULL,
        due_date date NOT NULL,
        residual_minor numeric NOT NULL CHECK (residual_minor = trunc(residual_minor)),
        data jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        CONSTRAINT otc_open_items_residual_sign CHECK (
          CASE WHEN kind IN ('creditNote', 'payment') THEN residual_minor <= 0 ELSE residual_minor >= 0 END)
      )`,
      `CREATE INDEX otc_open_items_open ON otc_open_items (customer_id, currency, due_date, id) WHERE residual_minor <> 0`,
      `CREATE TABLE otc_settlements (
        idempotency_key text PRIMARY KEY,
        content_hash text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        payment_id text NOT NULL,
        as_of date NOT NULL,
        reversal_of text,
        on_account_minor numeric NOT NULL,
        on_account_currency text NOT NULL,
        body jsonb NOT NULL
      )`,
      `CREATE TABLE otc_settlement_entries (
        idempotency_key text NOT NULL REFERENCES otc_settlements (idempotency_key),
        seq integer NOT NULL,
        kind text NOT NULL,
        item_id text,
        currency text NOT NULL,
        amount_minor numeric NOT NULL CHECK (amount_minor = trunc(amount_minor)),
        reason_code text,
        PRIMARY KEY (idempotency_key, seq)
      )`,
      `CREATE INDEX otc_settlement_entries_item ON otc_settlement_entries (item_id) WHERE item_id IS NOT NULL`,
    ],
  },
  {
    version: 2,
    name: 'versioned aggregates and sequences',
    statements: [
      `CREATE TABLE otc_aggregates (
        type text NOT NULL,
        id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        value jsonb NOT NULL,
        PRIMARY KEY (type, id)
      )`,
      `CREATE TABLE otc_sequences (
        name text PRIMARY KEY,
        value bigint NOT NULL CHECK (value > 0)
      )`,
    ],
  },
  {
    version: 3,
    name: 'items opened by settlements',
    statements: [
      `ALTER TABLE otc_open_items ADD COLUMN opened_by text REFERENCES otc_settlements (idempotency_key)`,
      `ALTER TABLE otc_open_items ADD COLUMN origin_item_id text`,
      `ALTER TABLE otc_open_items ADD COLUMN reason_code text`,
      `UPDATE otc_open_items SET origin_item_id = data->>'originItemId', reason_code = data->>'reasonCode'
        WHERE data ? 'originItemId' OR data ? 'reasonCode'`,
      `CREATE INDEX otc_open_items_opened_by ON otc_open_items (opened_by) WHERE opened_by IS NOT NULL`,
      `CREATE INDEX otc_open_items_origin ON otc_open_items (origin_item_id) WHERE origin_item_id IS NOT NULL`,
    ],
  },
];
