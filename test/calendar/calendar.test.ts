import { test } from '@fast-check/vitest';
import { UTCDate } from '@date-fns/utc';
import * as fns from 'date-fns';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  type CalendarDate,
  CalendarDateSchema,
  calendarDate,
  compareDates,
  dayOfWeek,
  differenceInDays,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  fromDateParts,
  fromEpochDay,
  maxDate,
  minDate,
  startOfMonth,
  startOfNextMonth,
  toDateParts,
  toEpochDay,
} from '../../src/calendar/index.js';
import { calendarDateArb } from '../../src/testkit/index.js';

// The oracles: date-fns on UTC dates (UTCDate), and date-fns on local dates in whatever TZ
// the run has (CI runs this file under TZ=Pacific/Kiritimati too). Local dates, and every
// date reached from them, stay after 1995: Kiritimati skipped 1994-12-31 (local oracles
// cannot represent it; this library can).
const utc = (d: CalendarDate): UTCDate => new UTCDate(`${d}T00:00:00Z`);
const fromUtc = (d: Date): string => `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
const local = (d: CalendarDate): Date => {
  const { year, month, day } = toDateParts(d);
  return new Date(year, month - 1, day);
};
const fromLocal = (d: Date): string => fns.format(d, 'yyyy-MM-dd');

const anyDate = calendarDateArb();
const modernDate = calendarDateArb({ min: '2000-01-01' as CalendarDate, max: '2150-12-31' as CalendarDate });
const days = fc.integer({ min: -20_000, max: 20_000 });
const months = fc.integer({ min: -600, max: 600 });

describe('calendarDate', () => {
  test.prop([anyDate])('accepts what it formats; the schema agrees', (d) => {
    expect(calendarDate(d)).toBe(d);
    expect(CalendarDateSchema.parse(d)).toBe(d);
    expect(fromDateParts(toDateParts(d))).toBe(d);
    expect(fromEpochDay(toEpochDay(d))).toBe(d);
  });

  test.each(['2026-02-30', '2026-13-01', '2026-00-10', '2025-02-29', '1900-02-29', '0000-01-01', '2026-2-3', '2026-02-03T00:00:00Z', ' 2026-02-03', '', '20260203'])(
    'refuses %j',
    (text) => {
      expect(() => calendarDate(text, ['invoiceDate'])).toThrow(expect.objectContaining({ code: 'invalid_input', path: ['invoiceDate'] }));
      expect(CalendarDateSchema.safeParse(text).success).toBe(false);
    },
  );

  test('accepts leap days of leap years', () => {
    expect(calendarDate('2024-02-29')).toBe('2024-02-29');
    expect(calendarDate('2000-02-29')).toBe('2000-02-29');
  });

  test('messages say what is wrong', () => {
    expect(() => calendarDate('2026-02-30', ['dueDate'])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: dueDate: 2026-02-30 does not exist: that month has 28 days]`);
    expect(() => fromDateParts({ year: 2026, month: 4, day: 31 })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: day: must be an integer from 1 to 30 in that month]`);
  });
});

describe('date arithmetic equals date-fns on UTC dates', () => {
  test.prop([anyDate, days])('addDays', (d, n) => {
    expect(addDays(d, n)).toBe(fromUtc(fns.addDays(utc(d), n)));
  });

  test.prop([anyDate, months])('addMonths and addYears', (d, n) => {
    expect(addMonths(d, n)).toBe(fromUtc(fns.addMonths(utc(d), n)));
    expect(addYears(d, Math.trunc(n / 12))).toBe(fromUtc(fns.addYears(utc(d), Math.trunc(n / 12))));
  });

  test.prop([anyDate, anyDate])('differenceInDays and compareDates', (a, b) => {
    expect(differenceInDays(a, b)).toBe(fns.differenceInCalendarDays(utc(a), utc(b)));
    expect(compareDates(a, b)).toBe(Math.sign(utc(a).getTime() - utc(b).getTime()));
    expect(minDate(a, b) <= maxDate(a, b)).toBe(true);
  });

  test.prop([anyDate])('period boundaries and the ISO weekday', (d) => {
    expect(startOfMonth(d)).toBe(fromUtc(fns.startOfMonth(utc(d))));
    expect(endOfMonth(d)).toBe(fromUtc(fns.endOfMonth(utc(d))));
    expect(startOfNextMonth(d)).toBe(fromUtc(fns.addMonths(fns.startOfMonth(utc(d)), 1)));
    expect(endOfQuarter(d)).toBe(fromUtc(fns.endOfQuarter(utc(d))));
    expect(endOfYear(d)).toBe(fromUtc(fns.endOfYear(utc(d))));
    expect(dayOfWeek(d)).toBe(fns.getISODay(utc(d)));
  });

  test.prop([modernDate, days, months])('and date-fns on local dates in the current time zone', (d, n, m) => {
    expect(addDays(d, n % 1500)).toBe(fromLocal(fns.addDays(local(d), n % 1500)));
    expect(addMonths(d, m % 48)).toBe(fromLocal(fns.addMonths(local(d), m % 48)));
    expect(endOfMonth(d)).toBe(fromLocal(fns.endOfMonth(local(d))));
    expect(dayOfWeek(d)).toBe(fns.getISODay(local(d)));
  });

  test.prop([anyDate, days, days])('addDays composes and differenceInDays inverts it', (d, a, b) => {
    expect(addDays(addDays(d, a), b)).toBe(addDays(d, a + b));
    expect(differenceInDays(addDays(d, a), d)).toBe(a);
  });

  test('worked values', () => {
    const d = (s: string) => calendarDate(s);
    expect(addMonths(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addYears(d('2024-02-29'), 1)).toBe('2025-02-28');
    expect(startOfNextMonth(d('2026-12-31'))).toBe('2027-01-01');
    expect(dayOfWeek(d('2026-11-23'))).toBe(1);
    expect(differenceInDays(d('2026-03-01'), d('2026-02-01'))).toBe(28);
    expect(addMonths(d('0001-03-15'), -1)).toBe('0001-02-15');
    expect(() => addDays(d('9999-12-31'), 1)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => addMonths(d('0001-01-15'), -1)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
