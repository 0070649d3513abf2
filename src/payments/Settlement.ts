import type { CalendarDate } from '../calendar/CalendarDate.js';
import type { CurrencyCode, Money } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import type { OpenItem, OpenItemId } from './OpenItem.js';

/**
 * Kinds of settlement entry.
 * - `applied`: money moved onto an item (positive on a debit item; negative on a credit note or
 *   payment item that is consumed);
 * - `cashDiscount`, `pennyDifference`, `writeOff`: residual closed without money;
 * - `deduction`: residual transferred to a new deduction item (reason code);
 * - `residualItem`: residual transferred to a new item of the same kind (SAP residual item);
 * - `onAccount`: the rest of the payment left as unapplied cash;
 * - `overpaymentWriteOff`: an overpayment within tolerance written off;
 * - `exchangeGain` / `exchangeLoss`: realised FX, in the accounting currency.
 * @example
 * const k: SettlementEntryKind = 'cashDiscount';
 */
export type SettlementEntryKind =
  | 'applied'
  | 'cashDiscount'
  | 'pennyDifference'
  | 'writeOff'
  | 'deduction'
  | 'residualItem'
  | 'onAccount'
  | 'overpaymentWriteOff'
  | 'exchangeGain'
  | 'exchangeLoss';

/**
 * One immutable settlement entry. For item entries other than FX, `amount` is the change
 * that lowers the item's residual: residual after = residual before − Σ amounts.
 * @example
 * const e: SettlementEntry = { seq: 0, kind: 'applied', itemId, amount: eur('100') };
 */
export type SettlementEntry = {
  readonly seq: number;
  readonly kind: SettlementEntryKind;
  readonly itemId?: OpenItemId;
  readonly amount: Money;
  readonly reasonCode?: string;
};

/**
 * The result of settling one payment: immutable entries, the rest left on account and a
 * trace explaining each step. `contentHash` identifies the content for idempotency.
 * @example
 * settlement.entries.filter((e) => e.kind === 'cashDiscount')
 */
export type Settlement = {
  readonly idempotencyKey: string;
  readonly contentHash: string;
  readonly paymentId: string;
  readonly asOf: CalendarDate;
  readonly entries: readonly SettlementEntry[];
  readonly onAccount: Money;
  readonly reversalOf?: string;
  /**
   * The open items the settlement opens, as data: the unapplied cash of an overpayment left on
   * account (kind `payment`), a deduction, a residual item. Ids derive from the idempotency key.
   * Absent when it opens none.
   */
  readonly newItems?: readonly OpenItem[];
  /** A payment in one currency settling items in another (D365 cross rate): `rate` units of `to` per unit of `from`. */
  readonly crossRate?: { readonly from: CurrencyCode; readonly to: CurrencyCode; readonly rate: Scaled };
  /** On a reversal: the items the reversed settlement opened, removed again when still untouched. */
  readonly removedItems?: readonly OpenItem[];
  readonly trace: readonly string[];
};
