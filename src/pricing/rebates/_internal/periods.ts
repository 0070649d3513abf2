import type { CalendarDate } from '../../../calendar/CalendarDate.js';
import { endOfMonth, endOfQuarter, endOfYear } from '../../../calendar/periods.js';
import type { RebatePeriod } from '../RebateDeal.js';

const FOREVER = '9999-12-31' as CalendarDate;

/** Last day of the period of kind `period` that holds `date`; `validity` ends with the deal. */
export function periodEndOf(period: RebatePeriod, date: CalendarDate, validTo: CalendarDate | undefined): CalendarDate {
  switch (period) {
    case 'month':
      return endOfMonth(date);
    case 'quarter':
      return endOfQuarter(date);
    case 'year':
      return endOfYear(date);
    case 'validity':
      return validTo ?? FOREVER;
  }
}
