import { calendarDateProblem, CalendarDateSchema } from '../calendar/CalendarDate.js';
import { minorUnitOf } from '../money/currencies.js';
import * as z from 'zod';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { toEpochDay } from '../calendar/epochDay.js';
import { parseInput } from '../errors/parseInput.js';
import { assertSameCurrency } from '../money/assertSameCurrency.js';
import type { Money } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import { MoneyInputSchema } from '../money/schemas.js';
import { ratio } from './_internal/ratio.js';
import { type CompiledRatioOptions, compileRatio, type RatioOptions, ratioOptionsOf } from './_internal/ratioOptions.js';

export type { CompiledRatioOptions, RatioOptions } from './_internal/ratioOptions.js';

/** Receivables and credit sales of a window `from` → `to` (days = to − from, calendar days). */
export type DsoInput = {
  /** Open receivables at the end of the window. */
  readonly balance: Money;
  /** The part of `balance` not yet due (for best possible DSO and ADD). */
  readonly currentBalance?: Money;
  /** Credit sales in the window. */
  readonly creditSales: Money;
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  /** When later than `from`, days count from here (D365 "customer since"). */
  readonly customerSince?: CalendarDate;
};

/** DSO by the three methods, each rounded once; null where credit sales are zero. */
export type DsoResult = {
  readonly days: number;
  readonly dso: Scaled | null;
  readonly bestPossibleDso: Scaled | null;
  /** DSO − best possible DSO, computed exactly then rounded once. */
  readonly averageDaysDelinquent: Scaled | null;
};

const InputSchema = /* @__PURE__ */ z.object({
  balance: MoneyInputSchema,
  currentBalance: MoneyInputSchema.optional(),
  creditSales: MoneyInputSchema,
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  customerSince: CalendarDateSchema.optional(),
});

/**
 * Days sales outstanding (reference B.1, D365 credit statistics): balance / credit sales ×
 * days; best possible DSO uses the current (not past due) balance instead; average days
 * delinquent is their difference. Zero credit sales give null, not infinity.
 *
 * @throws {@link OrderToCashError} `invalid_input`; `currency_mismatch`.
 * @example
 * daysSalesOutstanding({ balance: eur('50000'), creditSales: eur('150000'), from: calendarDate('2023-04-11'),
 *   to: calendarDate('2023-10-11') }, { scale: 2, rounding: 'halfUp' }).dso //=> 61.00
 */
export function daysSalesOutstanding(input: DsoInput, options: RatioOptions): DsoResult {
  const i = isLibraryDsoInput(input) ? input : parseInput(InputSchema, input, ['input']);
  const o = ratioOptionsOf(options);
  assertSameCurrency(i.balance, i.creditSales, ['input', 'creditSales']);
  if (i.currentBalance !== undefined) assertSameCurrency(i.balance, i.currentBalance, ['input', 'currentBalance']);
  const start = i.customerSince === undefined ? toEpochDay(i.from) : Math.max(toEpochDay(i.from), toEpochDay(i.customerSince));
  const days = Math.max(0, toEpochDay(i.to) - start);
  const d = BigInt(days);
  const sales = i.creditSales.minor;
  const current = i.currentBalance?.minor;
  return {
    days,
    dso: ratio(i.balance.minor * d, sales, o.scale, o.rounding),
    bestPossibleDso: current === undefined ? null : ratio(current * d, sales, o.scale, o.rounding),
    averageDaysDelinquent: current === undefined ? null : ratio((i.balance.minor - current) * d, sales, o.scale, o.rounding),
  };
}

/**
 * Validates ratio options once for bulk use: {@link daysSalesOutstanding}, {@link countbackDso},
 * `paymentIndex` and `averageDaysBeyondTerms` then skip parsing them on every call.
 * @throws {@link OrderToCashError} `invalid_input` for a scale outside 0–30 or an unknown rounding mode.
 * @example
 * const r2 = compileRatioOptions({ scale: 2, rounding: 'halfUp' });
 * daysSalesOutstanding(input, r2).dso //=> same as with the plain options
 */
export function compileRatioOptions(options: RatioOptions): CompiledRatioOptions {
  return compileRatio(options);
}

// The input as library values (Money built by the library, valid dates) needs no zod pass:
// the schema would accept it unchanged. Anything else goes through the schema and its messages.
function isLibraryDsoInput(input: DsoInput): boolean {
  return (
    isLibraryMoney(input.balance) &&
    isLibraryMoney(input.creditSales) &&
    (input.currentBalance === undefined || isLibraryMoney(input.currentBalance)) &&
    calendarDateProblem(input.from) === undefined &&
    calendarDateProblem(input.to) === undefined &&
    (input.customerSince === undefined || calendarDateProblem(input.customerSince) === undefined)
  );
}

function isLibraryMoney(m: unknown): boolean {
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof (m as Money).minor === 'bigint' &&
    typeof (m as Money).currency === 'string' &&
    minorUnitOf((m as Money).currency) !== undefined
  );
}

/** One period of credit sales for {@link countbackDso}, newest first. */
export type CountbackPeriod = { readonly days: number; readonly creditSales: Money };

const CountbackSchema = /* @__PURE__ */ z.object({
  balance: MoneyInputSchema,
  periods: z.array(z.object({ days: z.number().int().min(1), creditSales: MoneyInputSchema })),
});

/**
 * Countback DSO (reference B.1): walk back period by period, newest first; while the
 * remaining balance covers a period's sales add its days and subtract its sales; the last
 * period adds days × remaining / sales. Exact until the one rounding. When the balance
 * exceeds all the sales given, the result is the sum of all days (it cannot look further back).
 *
 * @throws {@link OrderToCashError} `invalid_input`; `currency_mismatch`.
 * @example
 * countbackDso({ balance: eur('150'), periods: [{ days: 31, creditSales: eur('100') }, { days: 30, creditSales: eur('100') }] },
 *   { scale: 2, rounding: 'halfUp' }) //=> 46.00
 */
export function countbackDso(input: { readonly balance: Money; readonly periods: readonly CountbackPeriod[] }, options: RatioOptions): Scaled | null {
  const i = parseInput(CountbackSchema, input, ['input']);
  const o = ratioOptionsOf(options);
  let remaining = i.balance.minor;
  let fullDays = 0n;
  for (const [k, p] of i.periods.entries()) {
    assertSameCurrency(i.balance, p.creditSales, ['input', 'periods', k, 'creditSales']);
    const sales = p.creditSales.minor;
    if (remaining <= 0n) break;
    if (sales > 0n && remaining < sales) {
      // fullDays + days × remaining / sales, one rounding
      return ratio(fullDays * sales + BigInt(p.days) * remaining, sales, o.scale, o.rounding);
    }
    fullDays += BigInt(p.days);
    remaining -= sales;
  }
  return ratio(fullDays, 1n, o.scale, o.rounding);
}
