import { CalendarDateSchema } from '../calendar/CalendarDate.js';
import * as z from 'zod';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { toDateParts } from '../calendar/dateParts.js';
import { fromEpochDay, toEpochDay } from '../calendar/epochDay.js';
import { invalidInput, parseInput } from '../errors/parseInput.js';
import { allocateMoney } from '../money/allocateMoney.js';
import { assertSameCurrency } from '../money/assertSameCurrency.js';
import { type Money, sameCurrencyMoney } from '../money/Money.js';
import { divideRounded, type RoundingMode } from '../money/rounding.js';
import { pow10, type Scaled } from '../money/Scaled.js';
import { MoneyInputSchema, NonNegativeDecimalSchema, RoundingModeSchema } from '../money/schemas.js';

/** Day-count convention: actual days over 365 or 360, or 30/360 (US bond basis). */
export type DayCount = 'act365' | 'act360' | '30/360';

/** A date-effective version of an interest code: `annualPercent` applies from `from` until the next version. */
export type InterestRateVersion = { readonly from: CalendarDate; readonly annualPercent: Scaled };

/** One line of an interest note: one per rate version in effect during the overdue period. */
export type InterestNoteLine = { readonly from: CalendarDate; readonly to: CalendarDate; readonly days: number; readonly annualPercent: Scaled; readonly interest: Money };

/**
 * An interest note: its lines and their total. `limited` says when the total was raised to
 * the minimum or cut to the maximum interest (the lines then carry the limited amounts).
 */
export type InterestNote = { readonly lines: readonly InterestNoteLine[]; readonly total: Money; readonly limited?: 'minimum' | 'maximum' };

/** Options of {@link interestNote}. */
export type InterestNoteOptions = {
  readonly rates: readonly InterestRateVersion[];
  readonly dayCount: DayCount;
  readonly rounding: RoundingMode;
  /** Least interest charged when there is any (d365 §5.6 minimum per currency). */
  readonly minimumInterest?: Money | undefined;
  /** Most interest charged on one note (d365 §5.6 maximum per currency). */
  readonly maximumInterest?: Money | undefined;
};

const InputSchema = /* @__PURE__ */ z.object({ principal: MoneyInputSchema, dueDate: CalendarDateSchema, asOf: CalendarDateSchema });
const OptionsSchema = /* @__PURE__ */ z.object({
  rates: z.array(z.object({ from: CalendarDateSchema, annualPercent: NonNegativeDecimalSchema })).min(1),
  dayCount: z.enum(['act365', 'act360', '30/360']),
  rounding: RoundingModeSchema,
  minimumInterest: MoneyInputSchema.optional(),
  maximumInterest: MoneyInputSchema.optional(),
});

/** Days from a to b under the convention (a < b). */
function daysBetween(a: CalendarDate, b: CalendarDate, dayCount: DayCount): number {
  if (dayCount !== '30/360') return toEpochDay(b) - toEpochDay(a);
  const p = toDateParts(a);
  const q = toDateParts(b);
  const d1 = Math.min(p.day, 30);
  const d2 = d1 === 30 ? Math.min(q.day, 30) : q.day;
  return 360 * (q.year - p.year) + 30 * (q.month - p.month) + (d2 - d1);
}

/**
 * Interest on an overdue amount from its due date to `asOf` (d365 §5.6): the period is split
 * at every rate version in effect, one line per version, each `principal × annual % / 100 ×
 * days / basis` rounded once (basis 365 for Act/365, 360 otherwise); the total is the sum of
 * the lines. Nothing when `asOf` is not after the due date. With `minimumInterest` or
 * `maximumInterest` (in the principal's currency) a positive total is raised or cut to the
 * limit and the limited total is spread over the lines by their interest (by their days when
 * every line rounded to zero) with `allocateMoney`, so the lines still sum to the total.
 *
 * @throws {@link OrderToCashError} `invalid_input` for bad input, when no rate version covers the start, or
 *   when the minimum exceeds the maximum; `currency_mismatch` for a limit in another currency.
 * @example
 * interestNote({ principal: eur('1000'), dueDate: calendarDate('2026-01-31'), asOf: calendarDate('2026-03-02') },
 *   { rates: [{ from: calendarDate('2025-01-01'), annualPercent: dec('8') }], dayCount: 'act365', rounding: 'halfUp' }).total
 * //=> EUR 6.58 (30 days)
 */
export function interestNote(
  input: { readonly principal: Money; readonly dueDate: CalendarDate; readonly asOf: CalendarDate },
  options: InterestNoteOptions,
): InterestNote {
  const i = parseInput(InputSchema, input, ['input']);
  const o = parseInput(OptionsSchema, options, ['options']);
  const currency = i.principal.currency;
  const rates = [...o.rates].sort((a, b) => toEpochDay(a.from) - toEpochDay(b.from));
  const start = toEpochDay(i.dueDate);
  const end = toEpochDay(i.asOf);
  const lines: InterestNoteLine[] = [];
  let total = 0n;
  if (end <= start) return { lines, total: sameCurrencyMoney(0n, currency) };
  const firstFrom = rates[0] === undefined ? Number.POSITIVE_INFINITY : toEpochDay(rates[0].from);
  if (firstFrom > start + 1) invalidInput(['options', 'rates'], `no rate version is in effect on ${fromEpochDay(start + 1)}: add one from that date or earlier`);
  const basis = o.dayCount === 'act365' ? 365n : 360n;
  rates.forEach((r, k) => {
    const next = rates[k + 1];
    const segStart = Math.max(start, toEpochDay(r.from) - 1);
    const segEnd = Math.min(end, next === undefined ? end : toEpochDay(next.from) - 1);
    if (segEnd <= segStart) return;
    const from = fromEpochDay(segStart);
    const to = fromEpochDay(segEnd);
    const days = daysBetween(from, to, o.dayCount);
    const p = r.annualPercent;
    const minor = divideRounded(i.principal.minor * p.units * BigInt(days), pow10(p.scale + 2) * basis, o.rounding);
    total += minor;
    lines.push({ from, to, days, annualPercent: p, interest: sameCurrencyMoney(minor, currency) });
  });
  const min = o.minimumInterest;
  const max = o.maximumInterest;
  if (min !== undefined) assertSameCurrency(i.principal, min, ['options', 'minimumInterest']);
  if (max !== undefined) assertSameCurrency(i.principal, max, ['options', 'maximumInterest']);
  if (min !== undefined && max !== undefined && min.minor > max.minor) invalidInput(['options', 'minimumInterest'], 'must not exceed maximumInterest');
  const limited = lines.length === 0 ? undefined : max !== undefined && total > max.minor ? 'maximum' : min !== undefined && total < min.minor ? 'minimum' : undefined;
  if (limited === undefined) return { lines, total: sameCurrencyMoney(total, currency) };
  const target = sameCurrencyMoney(limited === 'maximum' ? (max as Money).minor : (min as Money).minor, currency);
  const weights = lines.some((l) => l.interest.minor > 0n) ? lines.map((l) => l.interest.minor) : lines.map((l) => BigInt(l.days));
  const parts = allocateMoney(target, weights.some((w) => w > 0n) ? weights : lines.map(() => 1n));
  return { lines: lines.map((l, k) => ({ ...l, interest: parts[k] as Money })), total: target, limited };
}
