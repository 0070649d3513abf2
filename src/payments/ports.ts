import type { CurrencyCode } from '../money/Money.js';
import type { CustomerId, OpenItem, OpenItemId } from './OpenItem.js';
import type { Settlement } from './Settlement.js';

/**
 * Idempotency key of a settlement (for example the bank statement line id).
 * @example
 * const key: IdempotencyKey = 'stmt-2026-06-29:line-3';
 */
export type IdempotencyKey = string;

/**
 * Query of {@link OpenItemRepository.listOpen}: one customer account in one currency.
 * @example
 * const q: OpenItemQuery = { customerId, currency: 'EUR' };
 */
export type OpenItemQuery = { readonly customerId: CustomerId; readonly currency: CurrencyCode };

/**
 * Outcome of {@link OpenItemRepository.applySettlement}.
 * @example
 * if (outcome.kind === 'conflict') reload(outcome.staleItemIds);
 */
export type ApplyOutcome =
  | { readonly kind: 'applied'; readonly version: number }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'conflict'; readonly staleItemIds: readonly OpenItemId[] };

/**
 * Open items of customer accounts. Implementations (memory, postgres) must pass the
 * repository contract of the testkit.
 * @example
 * const items = await repo.listOpen({ customerId, currency: 'EUR' });
 */
export interface OpenItemRepository {
  /** Open items of one account and currency, oldest due date first, ties by id. */
  listOpen(query: OpenItemQuery): Promise<readonly OpenItem[]>;
  /** All or nothing. Same key + same content → `duplicate`; other content → throws `idempotency_key_reused`. */
  applySettlement(settlement: Settlement, key: IdempotencyKey): Promise<ApplyOutcome>;
}
