import { invalidInput } from '../errors/parseInput.js';
import { daysInMonth, formatCivil, readFields } from './_internal/civil.js';
import type { CalendarDate } from './CalendarDate.js';

/** Year (1–9999), month (1–12) and day (1–31) of a calendar date. */
export type DateParts = { readonly year: number; readonly month: number; readonly day: number };

/**
 * The year, month and day of `date`.
 * @example
 * toDateParts(calendarDate('2026-11-23')) //=> { year: 2026, month: 11, day: 23 }
 */
export function toDateParts(date: CalendarDate): DateParts {
  return readFields(date);
}

/**
 * The calendar date of a year, month and day.
 * @throws {@link OrderToCashError} `invalid_input` naming the field of an impossible date.
 * @example
 * fromDateParts({ year: 2026, month: 2, day: 28 }) //=> '2026-02-28'
 */
export function fromDateParts(parts: DateParts): CalendarDate {
  const { year, month, day } = parts;
  if (!Number.isSafeInteger(year) || year < 1 || year > 9999) invalidInput(['year'], 'must be an integer from 1 to 9999');
  if (!Number.isSafeInteger(month) || month < 1 || month > 12) invalidInput(['month'], 'must be an integer from 1 to 12');
  const last = daysInMonth(year, month);
  if (!Number.isSafeInteger(day) || day < 1 || day > last) invalidInput(['day'], `must be an integer from 1 to ${last} in that month`);
  return formatCivil(year, month, day) as CalendarDate;
}
