import * as z from 'zod';
import { invalidInput } from '../errors/parseInput.js';
import { daysInMonth, readFields } from './_internal/civil.js';

/**
 * A calendar date `YYYY-MM-DD` (years 0001–9999, proleptic Gregorian), with no time and no
 * time zone: an invoice date, a due date, an as-of date. Branded: build one with
 * {@link calendarDate} or {@link CalendarDateSchema}. Dates compare correctly as strings.
 */
export type CalendarDate = string & z.$brand<'CalendarDate'>;

const DATE_RE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** Why `text` is not a calendar date, or undefined when it is one. */
export function calendarDateProblem(text: unknown): string | undefined {
  if (typeof text !== 'string') return `expected a date string "YYYY-MM-DD", got ${text === null ? 'null' : typeof text}`;
  if (!DATE_RE.test(text)) return `${JSON.stringify(text.slice(0, 40))} is not a date: write it as "YYYY-MM-DD", e.g. "2026-02-28"`;
  const { year, month, day } = readFields(text);
  if (year < 1) return 'year 0000 is outside 0001–9999';
  if (month < 1 || month > 12) return `${text} has month ${month}: months run 01–12`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `${text} does not exist: that month has ${last} days`;
  return undefined;
}

/**
 * Checks and brands a `YYYY-MM-DD` string.
 * @param text - the date
 * @param path - where it sits in the caller's input, for the error
 * @throws {@link OrderToCashError} `invalid_input` for any other shape or an impossible date (2026-02-30).
 * @example
 * calendarDate('2026-02-28') //=> '2026-02-28'
 * calendarDate('2026-02-30') // throws invalid_input
 */
export function calendarDate(text: string, path: readonly (string | number)[] = []): CalendarDate {
  const problem = calendarDateProblem(text);
  if (problem !== undefined) invalidInput(path, problem);
  return text as CalendarDate;
}

/**
 * A calendar date in `YYYY-MM-DD` form, checked (2026-02-30 fails) and branded.
 * @example
 * CalendarDateSchema.parse('2024-02-29') //=> '2024-02-29'
 */
export const CalendarDateSchema: z.ZodType<CalendarDate, string> = /* @__PURE__ */ z.string().transform((text, ctx) => {
  const problem = calendarDateProblem(text);
  if (problem === undefined) return text as CalendarDate;
  ctx.issues.push({ code: 'custom', message: problem, input: text });
  return z.NEVER;
});
