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
