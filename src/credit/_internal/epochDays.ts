import type { CalendarDate } from '../../calendar/CalendarDate.js';
import { toEpochDay } from '../../calendar/epochDay.js';

// Day numbers of dates, memoised: aging and payment behaviour of a portfolio read the same
// few hundred due and payment dates millions of times. A pure table (a day number depends
// only on the date), bounded so that a long run stays small.
const DAYS = /* @__PURE__ */ new Map<CalendarDate, number>();

/** `toEpochDay(date)`, from the table when the date was seen before. */
export function epochDayOf(date: CalendarDate): number {
  let day = DAYS.get(date);
  if (day === undefined) {
    if (DAYS.size >= 100_000) DAYS.clear();
    day = toEpochDay(date);
    DAYS.set(date, day);
  }
  return day;
}
