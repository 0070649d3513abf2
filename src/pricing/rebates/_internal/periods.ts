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
      return memoKey(0, date, key, endOfMonth);
    case 'quarter':
      return memoKey(1, date, key, endOfQuarter);
    case 'year':
      return memoKey(2, date, key, endOfYear);
    case 'validity':
      return validTo ?? FOREVER;
  }
}

// A direct-mapped memo by date key, one table of SLOTS per period kind: a slot holds the last
// key that fell into it and its period end (the accrual loop asks for the same few hundred
// dates millions of times, and a typed-array probe costs less than a Map lookup).
const SLOTS = 4096;
const MEMO_KEYS = /* @__PURE__ */ new Int32Array(3 * SLOTS);
const MEMO_ENDS: CalendarDate[] = /* @__PURE__ */ new Array<CalendarDate>(3 * SLOTS).fill('' as CalendarDate);

function memoKey(kind: number, date: CalendarDate, key: number, compute: (d: CalendarDate) => CalendarDate): CalendarDate {
  const slot = kind * SLOTS + (key % 4093);
  if (MEMO_KEYS[slot] === key) return MEMO_ENDS[slot] as CalendarDate;
  const end = compute(date);
  MEMO_KEYS[slot] = key;
  MEMO_ENDS[slot] = end;
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
