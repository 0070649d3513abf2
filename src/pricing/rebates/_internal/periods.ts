import type { CalendarDate } from '../../../calendar/CalendarDate.js';
import { dateKey } from '../../../calendar/_internal/dateKey.js';
import { endOfMonth, endOfQuarter, endOfYear } from '../../../calendar/periods.js';
import type { RebatePeriod } from '../RebateDeal.js';

const FOREVER = '9999-12-31' as CalendarDate;

/** Last day of the period of kind `period` that holds `date`; `validity` ends with the deal. */
export function periodEndOf(period: RebatePeriod, date: CalendarDate, validTo: CalendarDate | undefined): CalendarDate {
  return periodEndOfKey(period, date, dateKey(date), validTo);
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

// A pure memo, direct-mapped by date key, one table of SLOTS per period kind: a slot holds the
// last key that fell into it and its period end (the accrual loop asks for the same few
// hundred dates millions of times, and a typed-array probe costs less than a Map lookup).
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
