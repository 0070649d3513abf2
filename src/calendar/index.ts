// order-to-cash/calendar: calendar dates without time or time zone.
export { addDays } from './addDays.js';
export { addMonths, addYears } from './addMonths.js';
export { type CalendarDate, CalendarDateSchema, calendarDate } from './CalendarDate.js';
export { compareDates, maxDate, minDate } from './compareDates.js';
export { type DateParts, fromDateParts, toDateParts } from './dateParts.js';
export { dayOfWeek, type IsoWeekday } from './dayOfWeek.js';
export { differenceInDays } from './differenceInDays.js';
export { fromEpochDay, toEpochDay } from './epochDay.js';
export { endOfMonth, endOfQuarter, endOfYear, startOfMonth, startOfNextMonth } from './periods.js';
