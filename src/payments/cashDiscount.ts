import { addDays } from '../calendar/addDays.js';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import type { Scaled } from '../money/Scaled.js';
import type { CashDiscountStep, OpenItem } from './OpenItem.js';

/**
 * The cash-discount step valid on `date`: the first step of the chain whose date plus
 * `graceDays` is on or after `date` (d365-semantics §4.4), or `undefined` when all expired.
 * @param item - the open item with its discount chain
 * @param date - the settlement date
 * @param graceDays - days of grace after each discount date (Oracle AutoCash)
 * @returns the step, or `undefined`
 * @example
 * availableCashDiscount(item, calendarDate('2026-06-29'), 0) //=> { percent: 2, until: '2026-06-30' }
 */
export function availableCashDiscount(item: Pick<OpenItem, 'cashDiscounts'>, date: CalendarDate, graceDays: number): CashDiscountStep | undefined {
  for (const step of item.cashDiscounts) {
    const last = graceDays === 0 ? step.until : addDays(step.until, graceDays);
    if (date <= last) return step;
  }
  return undefined;
}

/**
 * Compares two discount percents exactly: −1, 0 or 1.
 * @example
 * comparePercent(scaled('2'), scaled('1.5')) //=> 1
 */
export function comparePercent(a: Scaled | undefined, b: Scaled | undefined): -1 | 0 | 1 {
  const au = a?.units ?? 0n;
  const bu = b?.units ?? 0n;
  const as = a?.scale ?? 0;
  const bs = b?.scale ?? 0;
  const l = au * 10n ** BigInt(bs);
  const r = bu * 10n ** BigInt(as);
  return l < r ? -1 : l > r ? 1 : 0;
}
