import { money } from '../money/Money.js';
import { contentHash } from './contentHash.js';
import type { Settlement, SettlementEntry } from './Settlement.js';

/**
 * The exact inverse of a settlement: every entry negated, same order, under a new
 * idempotency key. Applying it after the original restores every residual and removes the
 * items the original opened (unapplied cash, deductions, residual items).
 * @param settlement - the settlement to reverse
 * @param idempotencyKey - key of the reversal
 * @returns the reversal settlement
 * @example
 * reverseSettlement(s, 'rev-1').entries[0].amount //=> negated amount of s.entries[0]
 */
export function reverseSettlement(settlement: Settlement, idempotencyKey: string): Settlement {
  const entries: SettlementEntry[] = settlement.entries.map((e) => ({ ...e, amount: money(-e.amount.minor, e.amount.currency) }));
  const onAccount = money(-settlement.onAccount.minor, settlement.onAccount.currency);
  const opened = settlement.newItems ?? [];
  const content = {
    paymentId: settlement.paymentId,
    asOf: settlement.asOf,
    entries,
    onAccount,
    reversalOf: settlement.idempotencyKey,
    ...(opened.length === 0 ? {} : { removedItems: opened }),
  };
  return {
    idempotencyKey,
    contentHash: contentHash(content),
    ...content,
    trace: [
      `Reversal of settlement ${settlement.idempotencyKey}: ${entries.length} inverse entries` +
        (opened.length === 0 ? '' : `, removes ${opened.map((i) => i.id).join(', ')}`),
    ],
  };
}
