import * as z from 'zod';
import { addDays } from '../calendar/addDays.js';
import { addMonths } from '../calendar/addMonths.js';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { toDateParts } from '../calendar/dateParts.js';
import { dayOfWeek } from '../calendar/dayOfWeek.js';
import { endOfMonth, endOfQuarter, endOfYear, startOfNextMonth } from '../calendar/periods.js';
import { assertNever, type RoundingMode } from '../money/rounding.js';
import type { Scaled } from '../money/Scaled.js';
import { PositiveDecimalSchema, RoundingModeSchema } from '../money/schemas.js';

/** Days on which payments fall due: ISO weekdays (1 Monday … 7 Sunday) or days of the month (31 = month end). */
export type PaymentDays = { readonly kind: 'weekdays'; readonly days: readonly number[] } | { readonly kind: 'daysOfMonth'; readonly days: readonly number[] };

/** One instalment: a percent of the amount or a fixed amount (major units), due `days` after the due-date start. */
export type InstalmentPart = { readonly value: Scaled; readonly days: number };

/**
 * An instalment schedule. Parts are `percent`s (summing to 100) or fixed `amount`s (the last
 * part absorbs what is left). The tax goes on the `first`, the `last` or is spread `proportional`ly.
 */
export type InstalmentSchedule = {
  readonly allocation: 'percent' | 'amount';
  readonly parts: readonly InstalmentPart[];
  readonly tax: 'first' | 'last' | 'proportional';
  readonly mode: RoundingMode;
};

/** A cash discount step: `percent` off the total when paid within `days` of the invoice date. Steps chain in order. */
export type CashDiscountStep = { readonly percent: Scaled; readonly days: number };

/**
 * Terms of payment. The due date is: start = the invoice date (`net`) or the end of its month,
 * quarter or year; when `cutOffDay` is set and the invoice day is after it, the start moves one
 * month on; due = start + `months` + `days`, then moved forward to the next payment day.
 */
export type PaymentTerms = {
  readonly method: 'net' | 'currentMonth' | 'currentQuarter' | 'currentYear';
  readonly months: number;
  readonly days: number;
  readonly cutOffDay: number | null;
  readonly paymentDays: PaymentDays | null;
  readonly schedule: InstalmentSchedule | null;
  readonly cashDiscounts: readonly CashDiscountStep[];
  readonly cashDiscountMode: RoundingMode;
};

const day = /* @__PURE__ */ z.number().int().min(0).max(3650);

/**
 * Parses {@link PaymentTerms}; everything but `method` has a neutral default.
 * @example
 * PaymentTermsSchema.parse({ method: 'currentMonth', days: 30 })
 */
export const PaymentTermsSchema: z.ZodType<PaymentTerms, unknown> = /* @__PURE__ */ z.object({
  method: z.enum(['net', 'currentMonth', 'currentQuarter', 'currentYear']),
  months: z.number().int().min(0).max(120).default(0),
  days: day.default(0),
  cutOffDay: z.number().int().min(1).max(31).nullable().default(null),
  paymentDays: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('weekdays'), days: z.array(z.number().int().min(1).max(7)).min(1) }),
      z.object({ kind: z.literal('daysOfMonth'), days: z.array(z.number().int().min(1).max(31)).min(1) }),
    ])
    .nullable()
    .default(null),
  schedule: z
    .object({
      allocation: z.enum(['percent', 'amount']),
      parts: z.array(z.object({ value: PositiveDecimalSchema, days: day })).min(1),
      tax: z.enum(['first', 'last', 'proportional']),
      mode: RoundingModeSchema,
    })
    .refine(
      (s) => s.allocation !== 'percent' || s.parts.reduce((sum, p) => sum + p.value.units * 10n ** BigInt(12 - Math.min(p.value.scale, 12)), 0n) === 100n * 10n ** 12n,
      { message: 'percent parts must add up to 100', path: ['parts'] },
    )
    .nullable()
    .default(null),
  cashDiscounts: z
    .array(z.object({ percent: PositiveDecimalSchema, days: day }))
    .refine((steps) => steps.every((s, i) => i === 0 || s.days > (steps[i - 1]?.days ?? -1)), 'chained discounts must have increasing days')
    .default([]),
  cashDiscountMode: RoundingModeSchema.default('halfUp'),
});

/**
 * The start of the due-date computation (invoice date or period end, after the cut-off rule)
 * plus months and days, before payment days.
 */
function termStart(invoiceDate: CalendarDate, terms: PaymentTerms): CalendarDate {
  const late = terms.cutOffDay !== null && toDateParts(invoiceDate).day > terms.cutOffDay;
  const from = late ? startOfNextMonth(invoiceDate) : invoiceDate;
  switch (terms.method) {
    case 'net':
      return from;
    case 'currentMonth':
      return endOfMonth(from);
    case 'currentQuarter':
      return endOfQuarter(from);
    case 'currentYear':
      return endOfYear(from);
    default:
      return assertNever(terms.method);
  }
}

/**
 * The first date on or after `date` that is a payment day (`null`: `date` itself).
 * @example
 * nextPaymentDay(calendarDate('2024-02-07'), { kind: 'weekdays', days: [5] }) //=> '2024-02-09'
 */
export function nextPaymentDay(date: CalendarDate, paymentDays: PaymentDays | null): CalendarDate {
  if (paymentDays === null) return date;
  let d = date;
  for (let i = 0; i < 62; i++) {
    if (paymentDays.kind === 'weekdays') {
      if (paymentDays.days.includes(dayOfWeek(d))) return d;
    } else {
      const dayOfMonth = toDateParts(d).day;
      const isEnd = endOfMonth(d) === d;
      if (paymentDays.days.some((p) => p === dayOfMonth || (isEnd && p > dayOfMonth))) return d;
    }
    d = addDays(d, 1);
  }
  return d;
}

/**
 * The due date of an invoice under `terms`, plus `extraDays` (for instalments); never before the
 * invoice date.
 * @example
 * dueDate(calendarDate('2024-01-24'), PaymentTermsSchema.parse({ method: 'currentMonth', days: 30 })) //=> '2024-03-01'
 */
export function dueDate(invoiceDate: CalendarDate, terms: PaymentTerms, extraDays = 0): CalendarDate {
  const start = termStart(invoiceDate, terms);
  const due = addDays(addMonths(start, terms.months), terms.days + extraDays);
  return nextPaymentDay(due, terms.paymentDays);
}
