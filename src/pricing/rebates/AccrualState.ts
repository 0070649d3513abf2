import type { CalendarDate } from '../../calendar/CalendarDate.js';
import type { Money } from '../../money/Money.js';
import type { Scaled } from '../../money/Scaled.js';

/** An earlier deal's provision that reduced this one's base on the same line (reference §2.3). */
export type AppliedReduction = { readonly dealId: string; readonly amount: Money };

/**
 * A provision (accrual) of one deal on one source line. Its trace: the deal, the tier the
 * line alone reaches (−1 = none), the basis line (document, line) and the reductions.
 */
export type ProvisionEntry = {
  /** `dealId|kind|documentId|lineId`: accruing the same line again adds nothing. */
  readonly key: string;
  readonly dealId: string;
  readonly customerId: string;
  readonly documentId: string;
  readonly lineId: string;
  readonly kind: 'invoice' | 'creditNote';
  readonly date: CalendarDate;
  /** Last day of the deal's calculation period holding the line's date. */
  readonly periodEnd: CalendarDate;
  /** Signed basis after reductions: quantity, or value in major units. */
  readonly basis: Scaled;
  /** Provision, rounded once per line. Negative for credit notes. */
  readonly amount: Money;
  readonly tier: number;
  readonly reductions: readonly AppliedReduction[];
};

/**
 * Accrued provisions, a value: {@link mergeAccruals} is associative, commutative and
 * idempotent, so shards accrued apart merge into the single-pass state. The library keeps
 * the provisions in columns; `entries` builds the objects on first use (sum them with
 * {@link accrualTotals} without building them).
 */
export type AccrualState = {
  /** Number of provisions. */
  readonly size: number;
  /** The provisions by idempotency key, built on first access. */
  readonly entries: ReadonlyMap<string, ProvisionEntry>;
};

/** Result of an accrual: the new state and only the entries it added. */
export type AccrualResult = { readonly state: AccrualState; readonly entries: readonly ProvisionEntry[] };
