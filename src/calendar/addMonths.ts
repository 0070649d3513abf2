import { addMonths as addMonthsFns } from 'date-fns';
import { invalidInput } from '../errors/parseInput.js';
import { fromUtcDate, toUtcDate } from './_internal/viaDateFns.js';
import type { CalendarDate } from './CalendarDate.js';

/**
 * The date `months` months after `date`; a day that the target month lacks becomes its last
 * day (Jan 31 + 1 month = Feb 28 or 29), as in date-fns.
 * @throws {@link OrderToCashError} `invalid_input` when `months` is not an integer or the result leaves 0001–9999.
 * @example
 * addMonths(calendarDate('2026-01-31'), 1) //=> '2026-02-28'
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  if (!Number.isSafeInteger(months)) invalidInput(['months'], 'must be an integer');
  return fromUtcDate(addMonthsFns(toUtcDate(date), months));
}

/**
 * The date `years` years after `date`; Feb 29 becomes Feb 28 in a common year.
 * @throws {@link OrderToCashError} `invalid_input` when `years` is not an integer or the result leaves 0001–9999.
 * @example
 * addYears(calendarDate('2024-02-29'), 1) //=> '2025-02-28'
 */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  if (!Number.isSafeInteger(years)) invalidInput(['years'], 'must be an integer');
  return addMonths(date, years * 12);
}
