import { invalidInput } from '../errors/parseInput.js';
import { civilFromDays, daysFromCivil, formatCivil, MAX_EPOCH_DAY, MIN_EPOCH_DAY, readFields } from './_internal/civil.js';
import type { CalendarDate } from './CalendarDate.js';

/**
 * Days since 1970-01-01 (negative before). Day arithmetic on these integers is exact and
 * fast; use it in bulk computations such as aging.
 * @example
 * toEpochDay(calendarDate('1970-01-02')) //=> 1
 */
export function toEpochDay(date: CalendarDate): number {
  const { year, month, day } = readFields(date);
  return daysFromCivil(year, month, day);
}

/**
 * The calendar date `days` after 1970-01-01; the inverse of {@link toEpochDay}.
 * @throws {@link OrderToCashError} `invalid_input` outside 0001-01-01 … 9999-12-31.
 * @example
 * fromEpochDay(19_723) //=> '2024-01-01'
 */
export function fromEpochDay(days: number): CalendarDate {
  if (!Number.isSafeInteger(days) || days < MIN_EPOCH_DAY || days > MAX_EPOCH_DAY) {
    invalidInput(['days'], 'gives a date outside 0001-01-01 … 9999-12-31');
  }
  const { year, month, day } = civilFromDays(days);
  return formatCivil(year, month, day) as CalendarDate;
}
