import { CalendarDateSchema } from '../calendar/CalendarDate.js';
import * as z from 'zod';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { parseInput } from '../errors/parseInput.js';
import { assertSameCurrency } from '../money/assertSameCurrency.js';
import { type Money, sameCurrencyMoney } from '../money/Money.js';
import type { RoundingMode } from '../money/rounding.js';
import { pow10, type Scaled } from '../money/Scaled.js';
import { MoneyInputSchema, NonNegativeDecimalSchema, RoundingModeSchema } from '../money/schemas.js';
import { type CreditLimitInput, CreditLimitInputSchema, effectiveLimitOf, type ZeroLimitMeaning } from './effectiveCreditLimit.js';

/** Exposure and limit of one level (the customer or its credit group). */
export type CreditLevelInput = { readonly exposure: Money; readonly limit: CreditLimitInput };

/** What a credit check looks at: the order and the customer's (and its group's) exposure and limit. */
export type CreditCheckInput = {
  readonly orderAmount: Money;
  readonly customer: CreditLevelInput;
  /** The customer credit group, checked first (reference d365 §5.3). */
  readonly group?: CreditLevelInput;
};

/** Options of {@link creditCheck}. */
export type CreditCheckOptions = {
  readonly asOf: CalendarDate;
  readonly rounding: RoundingMode;
  /** `pass`: a new balance exactly at the limit passes; `hold`: it is held (sources differ, so the caller says). */
  readonly atLimit: 'pass' | 'hold';
  /** Percent over the limit that only warns (default 0). */
  readonly tolerancePercent?: Scaled;
  /** Warn when the new balance uses at least this percent of the limit (default: never). */
  readonly warnAtPercent?: Scaled;
  /** Meaning of a zero limit (default `noCredit`). */
  readonly zeroLimit?: ZeroLimitMeaning;
};

/** Why a check warned or held. */
export type CreditReason = {
  readonly code: 'limit_exceeded' | 'within_tolerance' | 'near_limit' | 'limit_expired';
  readonly level: 'group' | 'customer';
  readonly newBalance: Money;
  readonly limit: Money;
  /** newBalance − limit (negative when under the limit). */
  readonly excess: Money;
};

/** The outcome of a credit check: hold if any reason holds, warn if any warns, else pass. */
export type CreditCheckResult = { readonly kind: 'pass' | 'warn' | 'hold'; readonly reasons: readonly CreditReason[] };

const LevelSchema = /* @__PURE__ */ z.object({ exposure: MoneyInputSchema, limit: CreditLimitInputSchema });
const InputSchema = /* @__PURE__ */ z.object({ orderAmount: MoneyInputSchema, customer: LevelSchema, group: LevelSchema.optional() });
const OptionsSchema = /* @__PURE__ */ z.object({
  asOf: CalendarDateSchema,
  rounding: RoundingModeSchema,
  atLimit: z.enum(['pass', 'hold']),
  tolerancePercent: NonNegativeDecimalSchema.optional(),
  warnAtPercent: NonNegativeDecimalSchema.optional(),
  zeroLimit: z.enum(['noCredit', 'unlimited']).optional(),
});

const HOLDING: ReadonlySet<CreditReason['code']> = /* @__PURE__ */ new Set(['limit_exceeded', 'limit_expired']);

/**
 * Credit check of an order: the group first (exposure + order against the group limit),
 * then the customer (reference d365 §5.3, B.7). Over the limit: `warn` while within
 * `tolerancePercent` over it, `hold` beyond; exactly at the limit as `atLimit` says; an
 * expired limit holds. A customer with a zero, non-mandatory limit inside a group is
 * governed by the group alone. Raising a limit never turns a pass into a hold.
 *
 * @throws {@link OrderToCashError} `invalid_input`; `currency_mismatch` when amounts differ in currency.
 * @example
 * creditCheck({ orderAmount: eur('2000'), customer: { exposure: eur('4000'), limit: { amount: eur('10000') } },
 *   group: { exposure: eur('8000'), limit: { amount: eur('10000') } } },
 *   { asOf: calendarDate('2026-01-15'), rounding: 'halfUp', atLimit: 'hold' }).kind //=> 'hold'
 */
export function creditCheck(input: CreditCheckInput, options: CreditCheckOptions): CreditCheckResult {
  const i = parseInput(InputSchema, input, ['input']) as CreditCheckInput;
  const o = parseInput(OptionsSchema, options, ['options']);
  const reasons: CreditReason[] = [];
  const zeroLimit = o.zeroLimit ?? 'noCredit';
  const tolerance = o.tolerancePercent;
  const check = (level: 'group' | 'customer', l: CreditLevelInput, path: string): void => {
    assertSameCurrency(i.orderAmount, l.exposure, ['input', path, 'exposure']);
    assertSameCurrency(i.orderAmount, l.limit.amount, ['input', path, 'limit', 'amount']);
    const eff = effectiveLimitOf(l.limit, o.asOf, o.rounding, zeroLimit);
    if (eff.kind === 'unlimited') return;
    if (level === 'customer' && i.group !== undefined && eff.zeroNotMandatory) return; // the group governs
    const currency = i.orderAmount.currency;
    const newBalance = l.exposure.minor + i.orderAmount.minor;
    const limit = eff.amount.minor;
    const reason = (code: CreditReason['code']): CreditReason => ({
      code,
      level,
      newBalance: sameCurrencyMoney(newBalance, currency),
      limit: eff.amount,
      excess: sameCurrencyMoney(newBalance - limit, currency),
    });
    if (eff.expired) reasons.push(reason('limit_expired'));
    // Comparisons stay exact: newBalance × 100 × 10^s against limit × (100 + t) × 10^s.
    const over = (lhs: bigint, rhs: bigint): boolean => (o.atLimit === 'pass' ? lhs > rhs : lhs >= rhs);
    if (over(newBalance, limit)) {
      if (tolerance !== undefined && tolerance.units > 0n) {
        const s = pow10(tolerance.scale);
        const tolerated = limit * (100n * s + tolerance.units);
        reasons.push(reason(over(newBalance * 100n * s, tolerated) ? 'limit_exceeded' : 'within_tolerance'));
      } else {
        reasons.push(reason('limit_exceeded'));
      }
      return;
    }
    const warnAt = o.warnAtPercent;
    if (warnAt !== undefined && newBalance * 100n * pow10(warnAt.scale) >= limit * warnAt.units) reasons.push(reason('near_limit'));
  };
  if (i.group !== undefined) check('group', i.group, 'group');
  check('customer', i.customer, 'customer');
  const kind = reasons.some((r) => HOLDING.has(r.code)) ? 'hold' : reasons.length > 0 ? 'warn' : 'pass';
  return { kind, reasons };
}
