import type { CalendarDate } from './CalendarDate.js';
import { toEpochDay } from './epochDay.js';

/** ISO 8601 day of the week: 1 Monday … 7 Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * The ISO day of the week of `date` (1 Monday … 7 Sunday).
 * @example
 * dayOfWeek(calendarDate('2026-11-23')) //=> 1
 */
export function dayOfWeek(date: CalendarDate): IsoWeekday {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}
