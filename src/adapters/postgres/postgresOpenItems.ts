import * as z from 'zod';
import { invalidInput, parseInput } from '../../errors/parseInput.js';
import { money } from '../../money/Money.js';
import { CurrencyCodeSchema } from '../../money/schemas.js';
import { applySettlement as applyToState } from '../../payments/applySettlement.js';
import { CustomerIdSchema, type OpenItem, type OpenItemId, OpenItemSchema } from '../../payments/OpenItem.js';
import type { ApplyOutcome, IdempotencyKey, OpenItemQuery, OpenItemRepository } from '../../payments/ports.js';
import type { Settlement } from '../../payments/Settlement.js';
import { fromJsonColumn, toJsonText } from './_internal/jsonCodec.js';
import { isCheckViolation, isRetryable } from './_internal/sqlErrors.js';
import { type PostgresDriver, type SqlQueryable, sqlDatabase } from './SqlDatabase.js';

/**
 * The PostgreSQL open item repository: the {@link OpenItemRepository} port plus
 * `putOpenItems`, which stores new or replaced items (for example those of a posted invoice).
 * @example
 * await repo.putOpenItems([invoiceItem]);
 */
export type PostgresOpenItemRepository = OpenItemRepository & {
  /** Inserts the items or replaces those with the same id (version + 1), in one transaction. */
  putOpenItems(items: readonly OpenItem[]): Promise<void>;
};

/**
 * Options of {@link postgresOpenItems}.
 * @example
 * const o: PostgresOpenItemsOptions = { maxAttempts: 10 };
 */
export type PostgresOpenItemsOptions = {
  /** Tries of a settlement whose transaction hit a serialisation failure or deadlock (default 5); then `conflict`. */
  readonly maxAttempts?: number;
};

const OpenItemQuerySchema = /* @__PURE__ */ z.object({ customerId: CustomerIdSchema, currency: CurrencyCodeSchema });
const OpenItemsSchema = /* @__PURE__ */ z.array(OpenItemSchema);
const RESIDUAL_KINDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['applied', 'cashDiscount', 'pennyDifference', 'writeOff', 'deduction', 'residualItem']);

type ItemRow = { readonly data: unknown; readonly residual: string; readonly currency: string };

function itemOf(row: ItemRow): OpenItem {
  const rest = fromJsonColumn(row.data) as Omit<OpenItem, 'residual'>;
  return { ...rest, residual: money(BigInt(row.residual), row.currency) };
}

function byDueDateThenId(a: OpenItem, b: OpenItem): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Thrown inside the transaction to roll it back and report the outcome. */
class Rollback extends Error {
  constructor(readonly outcome: ApplyOutcome) {
    super('rollback');
  }
}

/** The column arrays of `otc_open_items` rows, for `unnest`: the residual, origin and reason code as columns, the item (but its residual) as `jsonb`. */
function columnsOf(items: readonly OpenItem[]): unknown[] {
  return [
    items.map((i) => i.id),
    items.map((i) => i.kind),
    items.map((i) => i.customerId),
    items.map((i) => i.currency),
    items.map((i) => i.dueDate),
    items.map((i) => i.residual.minor.toString()),
    items.map(({ residual: _residual, ...rest }) => toJsonText(rest)),
    items.map((i) => i.originItemId ?? null),
    items.map((i) => i.reasonCode ?? null),
  ];
}

async function insertItems(tx: SqlQueryable, items: readonly OpenItem[]): Promise<void> {
  if (items.length === 0) return;
  await tx.query(
    `INSERT INTO otc_open_items AS o (id, kind, customer_id, currency, due_date, residual_minor, data, origin_item_id, reason_code)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::numeric[], $7::jsonb[], $8::text[], $9::text[])
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, customer_id = excluded.customer_id, currency = excluded.currency,
       due_date = excluded.due_date, residual_minor = excluded.residual_minor, data = excluded.data,
       origin_item_id = excluded.origin_item_id, reason_code = excluded.reason_code, version = o.version + 1`,
    columnsOf(items),
  );
}

/** Inserts the items the settlement under `key` opens; an id taken meanwhile by another transaction rolls back as a conflict. */
async function insertOpened(tx: SqlQueryable, items: readonly OpenItem[], key: string): Promise<void> {
  if (items.length === 0) return;
  const inserted = (
    await tx.query(
      `INSERT INTO otc_open_items (id, kind, customer_id, currency, due_date, residual_minor, data, origin_item_id, reason_code, opened_by)
       SELECT *, $10::text FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::numeric[], $7::jsonb[], $8::text[], $9::text[])
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [...columnsOf(items), key],
    )
  ).rows as { id: string }[];
  if (inserted.length === items.length) return;
  const done = new Set(inserted.map((r) => r.id));
  throw new Rollback({ kind: 'conflict', staleItemIds: items.filter((i) => !done.has(i.id)).map((i) => i.id).sort() });
}

async function applyInTransaction(tx: SqlQueryable, settlement: Settlement, key: string): Promise<ApplyOutcome> {
  // 1. Claim the key. A concurrent transaction holding the same key makes this wait for its end.
  const claimed = await tx.query(
    `INSERT INTO otc_settlements (idempotency_key, content_hash, payment_id, as_of, reversal_of, on_account_minor, on_account_currency, body)
     VALUES ($1, $2, $3, $4::date, $5, $6::numeric, $7, $8::jsonb)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING seq::text AS seq`,
    [
      key,
      settlement.contentHash,
      settlement.paymentId,
      settlement.asOf,
      settlement.reversalOf ?? null,
      settlement.onAccount.minor.toString(),
      settlement.onAccount.currency,
      toJsonText({ ...settlement, idempotencyKey: key }),
    ],
  );
  const seq = (claimed.rows as { seq: string }[])[0]?.seq;
  if (seq === undefined) {
    const stored = (await tx.query('SELECT content_hash FROM otc_settlements WHERE idempotency_key = $1', [key])).rows as { content_hash: string }[];
    const hash = stored[0]?.content_hash ?? '';
    // The payments rule decides: same content → duplicate, other content → idempotency_key_reused.
    applyToState({ items: [], applied: new Map([[key, hash]]) }, { ...settlement, idempotencyKey: key });
    return { kind: 'duplicate' };
  }
  // 2. Lock the items the settlement changes or removes, and any row already holding an id it
  //    opens, in id order (no deadlock between settlements).
  const ids = itemIdsOf(settlement);
  const locked =
    ids.length === 0
      ? []
      : ((
          await tx.query(
            `SELECT data, residual_minor::text AS residual, currency FROM otc_open_items
             WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
            [ids],
          )
        ).rows as ItemRow[]);
  // 3. The payments rule on the locked rows: all or nothing, never over-settled; an opened id
  //    already taken or a removed item settled since is a conflict.
  const before = new Map(locked.map(itemOf).map((i) => [i.id as string, i]));
  const outcome = applyToState({ items: [...before.values()], applied: new Map() }, { ...settlement, idempotencyKey: key });
  if (outcome.kind === 'conflict') throw new Rollback({ kind: 'conflict', staleItemIds: outcome.staleItemIds });
  const opened = new Set((settlement.newItems ?? []).map((i) => i.id as string));
  const changed = outcome.state.items.filter((item) => !opened.has(item.id) && item.residual.minor !== before.get(item.id)?.residual.minor);
  if (changed.length > 0)
    await tx.query(
      `UPDATE otc_open_items AS o SET residual_minor = v.residual, version = o.version + 1
       FROM unnest($1::text[], $2::numeric[]) AS v(id, residual) WHERE o.id = v.id`,
      [changed.map((i) => i.id), changed.map((i) => i.residual.minor.toString())],
    );
  // Only the reversal of the settlement that opened an item removes it.
  const removed = (settlement.removedItems ?? []).map((i) => i.id as string);
  if (removed.length > 0) {
    const deleted = (await tx.query('DELETE FROM otc_open_items WHERE id = ANY($1::text[]) AND opened_by = $2 RETURNING id', [removed, settlement.reversalOf ?? null])).rows as { id: string }[];
    const gone = new Set(deleted.map((r) => r.id));
    const kept = removed.filter((id) => !gone.has(id)).sort() as OpenItemId[];
    if (kept.length > 0) throw new Rollback({ kind: 'conflict', staleItemIds: kept });
  }
  await insertOpened(tx, settlement.newItems ?? [], key);
  // 4. The entries, one row each.
  const entries = settlement.entries;
  if (entries.length > 0)
    await tx.query(
      `INSERT INTO otc_settlement_entries (idempotency_key, seq, kind, item_id, currency, amount_minor, reason_code)
       SELECT $1, * FROM unnest($2::integer[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::text[])`,
      [
        key,
        entries.map((e) => e.seq),
        entries.map((e) => e.kind),
        entries.map((e) => e.itemId ?? null),
        entries.map((e) => e.amount.currency),
        entries.map((e) => e.amount.minor.toString()),
        entries.map((e) => e.reasonCode ?? null),
      ],
    );
  return { kind: 'applied', version: Number(seq) };
}

/**
 * Open items in PostgreSQL (PGlite or a server, through {@link sqlDatabase}); run
 * {@link migratePostgres} once first. Each settlement is one transaction that claims its
 * idempotency key with the content hash, locks the items it changes (`SELECT … FOR UPDATE`
 * in id order, with the items it removes and any row holding an id it opens), applies the
 * payments rule to the locked rows, writes the new residuals with version + 1, inserts the
 * items it opens (`newItems`) and deletes those a reversal removes (`removedItems`): a settlement can never take an item past zero, even when many run at
 * once. Serialisation failures and deadlocks are retried; after `maxAttempts` they are a
 * `conflict`. The `applied` outcome's `version` is the settlement's sequence number in the
 * repository (increasing, with possible gaps).
 * @param driver - PGlite, a `pg` Pool or Client, or a {@link SqlDatabase}
 * @param options - retry limit
 * @returns the repository
 * @throws {@link OrderToCashError} `invalid_input` from its methods for a bad query or item;
 *   `idempotency_key_reused` when a key comes back with other content.
 * @example
 * const repo = postgresOpenItems(new PGlite());
 * await repo.applySettlement(settlement, settlement.idempotencyKey) //=> { kind: 'applied', version: 1 }
 */
export function postgresOpenItems(driver: PostgresDriver, options: PostgresOpenItemsOptions = {}): PostgresOpenItemRepository {
  const db = sqlDatabase(driver);
  const maxAttempts = options.maxAttempts ?? 5;
  return {
    async listOpen(query: OpenItemQuery): Promise<readonly OpenItem[]> {
      const q = parseInput(OpenItemQuerySchema, query, ['query']);
      const rows = (
        await db.query(
          `SELECT data, residual_minor::text AS residual, currency FROM otc_open_items
           WHERE customer_id = $1 AND currency = $2 AND residual_minor <> 0`,
          [q.customerId, q.currency],
        )
      ).rows as ItemRow[];
      // Sorted here, not by the database's collation: the same order as every other adapter.
      return rows.map(itemOf).sort(byDueDateThenId);
    },

    async applySettlement(settlement: Settlement, key: IdempotencyKey): Promise<ApplyOutcome> {
      if (typeof key !== 'string' || key.length === 0) invalidInput(['key'], 'must be a non-empty idempotency key');
      if (typeof settlement.contentHash !== 'string' || settlement.contentHash.length === 0)
        invalidInput(['settlement', 'contentHash'], 'must be the content hash of the settlement (from settlePayment or reverseSettlement)');
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction((tx) => applyInTransaction(tx, settlement, key));
        } catch (error) {
          if (error instanceof Rollback) return error.outcome;
          // The sign constraint is a backstop behind the payments rule: report, do not lose.
          if (isCheckViolation(error)) return { kind: 'conflict', staleItemIds: itemIdsOf(settlement) };
          if (!isRetryable(error)) throw error;
          if (attempt >= maxAttempts) return { kind: 'conflict', staleItemIds: itemIdsOf(settlement) };
        }
      }
    },

    async putOpenItems(items: readonly OpenItem[]): Promise<void> {
      const parsed = parseInput(OpenItemsSchema, items, ['items']);
      const ids = new Set<string>();
      parsed.forEach((item, i) => {
        if (ids.has(item.id)) invalidInput(['items', i, 'id'], `must be unique: ${item.id} appears twice`);
        ids.add(item.id);
      });
      await db.transaction((tx) => insertItems(tx, parsed));
    },
  };
}

/** The ids a settlement changes, opens or removes, sorted (the lock order). */
function itemIdsOf(settlement: Settlement): OpenItemId[] {
  return [
    ...new Set([
      ...settlement.entries.flatMap((e) => (e.itemId === undefined || !RESIDUAL_KINDS.has(e.kind) ? [] : [e.itemId])),
      ...(settlement.newItems ?? []).map((i) => i.id),
      ...(settlement.removedItems ?? []).map((i) => i.id),
    ]),
  ].sort();
}
