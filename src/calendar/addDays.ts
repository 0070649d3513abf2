import type { CalendarDate } from './CalendarDate.js';
import { fromEpochDay, toEpochDay } from './epochDay.js';

/**
 * The date `days` days after `date` (before, when negative).
 * @throws {@link OrderToCashError} `invalid_input` when the result leaves 0001–9999 or `days` is not an integer.
 * @example
 * addDays(calendarDate('2026-02-27'), 2) //=> '2026-03-01'
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(toEpochDay(date) + days);
}
