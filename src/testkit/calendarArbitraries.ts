import fc from 'fast-check';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { fromEpochDay, toEpochDay } from '../calendar/epochDay.js';

/** Options of {@link calendarDateArb}. */
export type CalendarDateArbOptions = { readonly min?: CalendarDate; readonly max?: CalendarDate };

/**
 * Calendar dates between `min` and `max` inclusive (default 1900-01-01 … 2199-12-31).
 * @example
 * fc.sample(calendarDateArb(), 1) // e.g. ['2031-07-14']
 */
export function calendarDateArb(options: CalendarDateArbOptions = {}): fc.Arbitrary<CalendarDate> {
  const min = toEpochDay(options.min ?? ('1900-01-01' as CalendarDate));
  const max = toEpochDay(options.max ?? ('2199-12-31' as CalendarDate));
  return fc.integer({ min, max }).map(fromEpochDay);
}
