import type { CalendarDate } from './CalendarDate.js';
import { toEpochDay } from './epochDay.js';

/**
 * Whole days from `earlier` to `later`: positive when `later` is after `earlier`.
 * @example
 * differenceInDays(calendarDate('2026-03-01'), calendarDate('2026-02-01')) //=> 28
 */
export function differenceInDays(later: CalendarDate, earlier: CalendarDate): number {
  return toEpochDay(later) - toEpochDay(earlier);
}
