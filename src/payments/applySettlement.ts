import { OrderToCashError } from '../errors/OrderToCashError.js';
import { money } from '../money/Money.js';
import type { OpenItem, OpenItemId } from './OpenItem.js';
import type { Settlement } from './Settlement.js';

/**
 * Open items plus the idempotency keys already applied (key → content hash).
 * @example
 * const state: SettlementState = { items, applied: new Map() };
 */
export type SettlementState = { readonly items: readonly OpenItem[]; readonly applied: ReadonlyMap<string, string> };

/**
 * Outcome of {@link applySettlement}: applied (new state), a duplicate replay (state
 * unchanged) or a conflict with the current residuals (stale proposal, state unchanged).
 * @example
 * if (outcome.kind === 'applied') state = outcome.state;
 */
export type ApplySettlementOutcome =
  | { readonly kind: 'applied'; readonly state: SettlementState }
  | { readonly kind: 'duplicate'; readonly state: SettlementState }
  | { readonly kind: 'conflict'; readonly state: SettlementState; readonly staleItemIds: readonly OpenItemId[] };

const RESIDUAL_KINDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['applied', 'cashDiscount', 'pennyDifference', 'writeOff', 'deduction', 'residualItem']);

/**
 * Applies a settlement to the open items, all or nothing, by its idempotency key: the same
 * key with the same content is a `duplicate` no-op; the same key with other content throws.
 * A settlement that would over-settle an item or names a missing item is a `conflict`.
 * The items a settlement opens (`newItems`: unapplied cash, deductions, residual items) join
 * the state; one whose id is already there is a `conflict`. A reversal removes them again,
 * and is a `conflict` when one was settled further since (reverse that settlement first).
 * @param state - items and applied keys
 * @param settlement - from {@link settlePayment} or {@link reverseSettlement}
 * @returns the outcome with the new state
 * @throws {@link OrderToCashError} `idempotency_key_reused` when the key was used for other content.
 * @example
 * applySettlement({ items, applied: new Map() }, settlement).kind //=> 'applied'
 */
export function applySettlement(state: SettlementState, settlement: Settlement): ApplySettlementOutcome {
  const seen = state.applied.get(settlement.idempotencyKey);
  if (seen !== undefined) {
    if (seen === settlement.contentHash) return { kind: 'duplicate', state };
    throw new OrderToCashError(
      'idempotency_key_reused',
      `Idempotency key ${JSON.stringify(settlement.idempotencyKey)} was already used for a different settlement: use a new key for new content`,
      ['idempotencyKey'],
    );
  }
  const change = new Map<string, bigint>();
  for (const e of settlement.entries) {
    if (e.itemId === undefined || !RESIDUAL_KINDS.has(e.kind)) continue;
    change.set(e.itemId, (change.get(e.itemId) ?? 0n) + e.amount.minor);
  }
  const stale: OpenItemId[] = [];
  const byId = new Map(state.items.map((i) => [i.id as string, i]));
  for (const [id, delta] of change) {
    const item = byId.get(id);
    if (item === undefined) {
      stale.push(id as OpenItemId);
      continue;
    }
    const before = item.residual.minor;
    const after = before - delta;
    // A settlement never over-settles or flips the sign; a reversal may grow the residual back.
    const ok = settlement.reversalOf === undefined ? (before >= 0n ? after >= 0n && after <= before : after <= 0n && after >= before) : true;
    if (!ok) stale.push(id as OpenItemId);
  }
  for (const n of settlement.newItems ?? []) if (byId.has(n.id)) stale.push(n.id);
  const removed = new Set<string>();
  for (const r of settlement.removedItems ?? []) {
    const now = byId.get(r.id);
    if (now === undefined || now.residual.minor !== r.residual.minor || change.has(r.id)) stale.push(r.id);
    else removed.add(r.id);
  }
  if (stale.length > 0) return { kind: 'conflict', state, staleItemIds: stale.sort() };
  const items: OpenItem[] = [];
  for (const i of state.items) {
    if (removed.has(i.id)) continue;
    const delta = change.get(i.id);
    items.push(delta === undefined || delta === 0n ? i : { ...i, residual: money(i.residual.minor - delta, i.residual.currency) });
  }
  for (const n of settlement.newItems ?? []) items.push(n);
  const applied = new Map(state.applied);
  applied.set(settlement.idempotencyKey, settlement.contentHash);
  return { kind: 'applied', state: { items, applied } };
}
