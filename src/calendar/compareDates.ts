import type { CalendarDate } from './CalendarDate.js';

/**
 * −1, 0 or 1 as `a` is before, on or after `b`. Usable as a sort comparator.
 * @example
 * compareDates(calendarDate('2026-01-31'), calendarDate('2026-02-01')) //=> -1
 */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The earlier of two dates.
 * @example
 * minDate(calendarDate('2026-01-31'), calendarDate('2026-02-01')) //=> '2026-01-31'
 */
export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

/**
 * The later of two dates.
 * @example
 * maxDate(calendarDate('2026-01-31'), calendarDate('2026-02-01')) //=> '2026-02-01'
 */
export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}
