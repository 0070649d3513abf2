import * as z from 'zod';
import { invalidInput, parseInput } from '../../errors/parseInput.js';
import { CurrencyCodeSchema } from '../../money/schemas.js';
import { applySettlement as applyToState, type SettlementState } from '../../payments/applySettlement.js';
import { CustomerIdSchema, type OpenItem, OpenItemSchema } from '../../payments/OpenItem.js';
import type { ApplyOutcome, IdempotencyKey, OpenItemQuery, OpenItemRepository } from '../../payments/ports.js';
import type { Settlement } from '../../payments/Settlement.js';

/**
 * The in-memory open item repository: the {@link OpenItemRepository} port plus
 * `putOpenItems`, which stores new or replaced items.
 * @example
 * await repo.putOpenItems([invoiceItem]);
 */
export type MemoryOpenItemRepository = OpenItemRepository & {
  /** Inserts the items or replaces those with the same id. */
  putOpenItems(items: readonly OpenItem[]): Promise<void>;
};

const OpenItemQuerySchema = /* @__PURE__ */ z.object({ customerId: CustomerIdSchema, currency: CurrencyCodeSchema });
const OpenItemsSchema = /* @__PURE__ */ z.array(OpenItemSchema);

function frozen(item: OpenItem): OpenItem {
  for (const step of item.cashDiscounts) Object.freeze(step);
  Object.freeze(item.cashDiscounts);
  Object.freeze(item.references);
  return Object.freeze(item);
}

/** A copy that shares nothing mutable with the caller's item (an opened item comes from the settlement). */
function copyOf(item: OpenItem): OpenItem {
  return { ...item, references: [...item.references], cashDiscounts: item.cashDiscounts.map((step) => ({ ...step })) };
}

function byDueDateThenId(a: OpenItem, b: OpenItem): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function parseItems(items: readonly OpenItem[]): OpenItem[] {
  const parsed = parseInput(OpenItemsSchema, items, ['items']);
  const ids = new Set<string>();
  parsed.forEach((item, i) => {
    if (ids.has(item.id)) invalidInput(['items', i, 'id'], `must be unique: ${item.id} appears twice`);
    ids.add(item.id);
  });
  return parsed.map(frozen);
}

/**
 * Open items held in memory, the embedded default and the reference behaviour of the port:
 * each settlement is checked and applied by the payments rule (`applySettlement` of
 * `order-to-cash/payments`) in one synchronous step, so concurrent calls never interleave
 * and an item never goes past zero. Stored items are frozen copies (parsed with
 * `OpenItemSchema`). The items a settlement opens (`newItems`) are stored with it and those a
 * reversal removes (`removedItems`) are dropped in the same step; an item is removed only by
 * the reversal of the settlement that opened it (otherwise `conflict`). The `applied` outcome's `version` counts the settlements applied (1, 2, …).
 * @param items - the initial open items
 * @returns the repository
 * @throws {@link OrderToCashError} `invalid_input` for bad items (here and in `putOpenItems`)
 *   or a bad query; `idempotency_key_reused` from `applySettlement` when a key comes back
 *   with other content.
 * @example
 * const repo = memoryOpenItems([invoiceItem]);
 * await repo.applySettlement(settlement, settlement.idempotencyKey) //=> { kind: 'applied', version: 1 }
 */
export function memoryOpenItems(items: readonly OpenItem[] = []): MemoryOpenItemRepository {
  const byId = new Map<string, OpenItem>(parseItems(items).map((i) => [i.id, i]));
  const applied = new Map<string, string>();
  // Opened item id → key of the settlement that opened it: only that settlement's reversal removes it.
  const openedBy = new Map<string, string>();
  let version = 0;
  return {
    listOpen(query: OpenItemQuery): Promise<readonly OpenItem[]> {
      return Promise.resolve().then(() => {
        const q = parseInput(OpenItemQuerySchema, query, ['query']);
        return [...byId.values()].filter((i) => i.customerId === q.customerId && i.currency === q.currency && i.residual.minor !== 0n).sort(byDueDateThenId);
      });
    },

    applySettlement(settlement: Settlement, key: IdempotencyKey): Promise<ApplyOutcome> {
      return Promise.resolve().then((): ApplyOutcome => {
        if (typeof key !== 'string' || key.length === 0) invalidInput(['key'], 'must be a non-empty idempotency key');
        if (typeof settlement.contentHash !== 'string' || settlement.contentHash.length === 0)
          invalidInput(['settlement', 'contentHash'], 'must be the content hash of the settlement (from settlePayment or reverseSettlement)');
        // The payments rule on the items the settlement names (and the key's stored hash, if any):
        // the same decision as on the whole state, without copying it per settlement.
        // The items it opens and removes are named too: an opened id already present or a removed
        // item settled since is a conflict.
        const named = new Set<string>([
          ...settlement.entries.flatMap((e) => (e.itemId === undefined ? [] : [e.itemId as string])),
          ...(settlement.newItems ?? []).map((i) => i.id as string),
          ...(settlement.removedItems ?? []).map((i) => i.id as string),
        ]);
        const touched = [...named].flatMap((id) => {
          const item = byId.get(id);
          return item === undefined ? [] : [item];
        });
        const seen = applied.get(key);
        const state: SettlementState = { items: touched, applied: seen === undefined ? new Map() : new Map([[key, seen]]) };
        const outcome = applyToState(state, { ...settlement, idempotencyKey: key });
        switch (outcome.kind) {
          case 'duplicate':
            return { kind: 'duplicate' };
          case 'conflict':
            return { kind: 'conflict', staleItemIds: outcome.staleItemIds };
          case 'applied': {
            const foreign = (settlement.removedItems ?? []).filter((i) => openedBy.get(i.id) !== settlement.reversalOf).map((i) => i.id);
            if (foreign.length > 0) return { kind: 'conflict', staleItemIds: [...new Set(foreign)].sort() };
            for (const item of settlement.removedItems ?? []) {
              byId.delete(item.id);
              openedBy.delete(item.id);
            }
            for (const item of settlement.newItems ?? []) openedBy.set(item.id, key);
            for (const item of outcome.state.items) byId.set(item.id, Object.isFrozen(item) ? item : frozen(copyOf(item)));
            applied.set(key, settlement.contentHash);
            version += 1;
            return { kind: 'applied', version };
          }
        }
      });
    },

    putOpenItems(next: readonly OpenItem[]): Promise<void> {
      return Promise.resolve().then(() => {
        for (const item of parseItems(next)) byId.set(item.id, item);
      });
    },
  };
}
