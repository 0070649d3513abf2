import { endOfMonth as endOfMonthFns, endOfQuarter as endOfQuarterFns, endOfYear as endOfYearFns, startOfMonth as startOfMonthFns } from 'date-fns';
import { fromUtcDate, toUtcDate } from './_internal/viaDateFns.js';
import { addMonths } from './addMonths.js';
import type { CalendarDate } from './CalendarDate.js';

// Period boundaries used by payment terms, aging periods and rebate periods.

/**
 * First day of the month of `date`.
 * @example
 * startOfMonth(calendarDate('2026-02-17')) //=> '2026-02-01'
 */
export function startOfMonth(date: CalendarDate): CalendarDate {
  return fromUtcDate(startOfMonthFns(toUtcDate(date)));
}

/**
 * Last day of the month of `date`.
 * @example
 * endOfMonth(calendarDate('2024-02-10')) //=> '2024-02-29'
 */
export function endOfMonth(date: CalendarDate): CalendarDate {
  return fromUtcDate(endOfMonthFns(toUtcDate(date)));
}

/**
 * First day of the month after the month of `date`.
 * @example
 * startOfNextMonth(calendarDate('2026-12-31')) //=> '2027-01-01'
 */
export function startOfNextMonth(date: CalendarDate): CalendarDate {
  return addMonths(startOfMonth(date), 1);
}

/**
 * Last day of the calendar quarter of `date` (Mar 31, Jun 30, Sep 30, Dec 31).
 * @example
 * endOfQuarter(calendarDate('2026-05-02')) //=> '2026-06-30'
 */
export function endOfQuarter(date: CalendarDate): CalendarDate {
  return fromUtcDate(endOfQuarterFns(toUtcDate(date)));
}

/**
 * Dec 31 of the year of `date`.
 * @example
 * endOfYear(calendarDate('2026-05-02')) //=> '2026-12-31'
 */
export function endOfYear(date: CalendarDate): CalendarDate {
  return fromUtcDate(endOfYearFns(toUtcDate(date)));
}
