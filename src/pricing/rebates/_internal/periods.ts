import type { CalendarDate } from '../../../calendar/CalendarDate.js';
import { endOfMonth, endOfQuarter, endOfYear } from '../../../calendar/periods.js';
import type { RebatePeriod } from '../RebateDeal.js';

const FOREVER = '9999-12-31' as CalendarDate;

/** Last day of the period of kind `period` that holds `date`; `validity` ends with the deal. */
export function periodEndOf(period: RebatePeriod, date: CalendarDate, validTo: CalendarDate | undefined): CalendarDate {
  switch (period) {
    case 'month':
      return memo(MONTH, date, endOfMonth);
    case 'quarter':
      return memo(QUARTER, date, endOfQuarter);
    case 'year':
      return memo(YEAR, date, endOfYear);
    case 'validity':
      return validTo ?? FOREVER;
  }
}

/**
 * `YYYY-MM-DD` as the number YYYYMMDD: dates compare as their keys do, and a key is read from
 * the string without a call (string comparison and string-keyed maps cost a call each).
 */
export function dateKey(date: string): number {
  const y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  return y * 10000 + m * 100 + (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
}

/** {@link periodEndOf} for a date whose {@link dateKey} is known, memoised by the key. */
export function periodEndOfKey(period: RebatePeriod, date: CalendarDate, key: number, validTo: CalendarDate | undefined): CalendarDate {
  switch (period) {
    case 'month':
      return memoKey(MONTH_BY_KEY, date, key, endOfMonth);
    case 'quarter':
      return memoKey(QUARTER_BY_KEY, date, key, endOfQuarter);
    case 'year':
      return memoKey(YEAR_BY_KEY, date, key, endOfYear);
    case 'validity':
      return validTo ?? FOREVER;
  }
}

const MONTH_BY_KEY = new Map<number, CalendarDate>();
const QUARTER_BY_KEY = new Map<number, CalendarDate>();
const YEAR_BY_KEY = new Map<number, CalendarDate>();

function memoKey(table: Map<number, CalendarDate>, date: CalendarDate, key: number, compute: (d: CalendarDate) => CalendarDate): CalendarDate {
  let end = table.get(key);
  if (end === undefined) {
    if (table.size >= 100_000) table.clear();
    end = compute(date);
    table.set(key, end);
  }
  return end;
}

// Pure memo tables: a period end depends only on the date, and the accrual loop asks for
// the same few hundred dates millions of times. Bounded so that a long stream stays small.
const MONTH = new Map<CalendarDate, CalendarDate>();
const QUARTER = new Map<CalendarDate, CalendarDate>();
const YEAR = new Map<CalendarDate, CalendarDate>();

function memo(table: Map<CalendarDate, CalendarDate>, date: CalendarDate, compute: (d: CalendarDate) => CalendarDate): CalendarDate {
  let end = table.get(date);
  if (end === undefined) {
    if (table.size >= 100_000) table.clear();
    end = compute(date);
    table.set(date, end);
  }
  return end;
}
