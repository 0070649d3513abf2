import { CalendarDateSchema } from '../calendar/CalendarDate.js';
import * as z from 'zod';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { toEpochDay } from '../calendar/epochDay.js';
import { parseInput } from '../errors/parseInput.js';
import { assertSameCurrency } from '../money/assertSameCurrency.js';
import { type Money, sameCurrencyMoney } from '../money/Money.js';
import { divideRounded, type RoundingMode } from '../money/rounding.js';
import { formatScaled } from '../money/formatScaled.js';
import { pow10, type Scaled } from '../money/Scaled.js';
import { MoneyInputSchema, NonNegativeDecimalSchema, RoundingModeSchema } from '../money/schemas.js';

/** A credit limit as set up on a customer or a customer credit group (reference d365 §5.3). */
export type CreditLimitInput = {
  /** The credit limit; its currency is the accounting currency of the check. */
  readonly amount: Money;
  /** "Unlimited credit limit": no limit at all, whatever `amount` says. */
  readonly unlimited?: boolean;
  /** "Mandatory credit limit": a zero limit stays zero even inside a credit group. */
  readonly mandatory?: boolean;
  /** Last day the limit is valid; absent = never expires. */
  readonly expires?: CalendarDate;
  /** Temporary limits: while `from ≤ asOf ≤ to` the amount replaces the limit. */
  readonly temporary?: readonly { readonly amount: Money; readonly from: CalendarDate; readonly to: CalendarDate }[];
  /**
   * Insurance and guarantees: the effective limit grows by `insured × percent / 100` while
   * active; `includedInExposure` then subtracts the full insured value (the D365 variant).
   */
  readonly insurance?: readonly {
    readonly insured: Money;
    readonly percent: Scaled;
    readonly from?: CalendarDate;
    readonly to?: CalendarDate;
    readonly includedInExposure?: boolean;
  }[];
};

/** What a zero limit means: `noCredit` (D365 with Credit management) or `unlimited` (classic check). */
export type ZeroLimitMeaning = 'noCredit' | 'unlimited';

/** Options of {@link effectiveCreditLimit}. */
export type EffectiveCreditLimitOptions = {
  readonly asOf: CalendarDate;
  /** Rounding of insured × percent to the currency's minor unit (one step per policy). */
  readonly rounding: RoundingMode;
  /** Meaning of a limit of 0.00; default `noCredit`. */
  readonly zeroLimit?: ZeroLimitMeaning;
};

/** The limit in force on a date, and why. */
export type EffectiveCreditLimit =
  | { readonly kind: 'unlimited'; readonly trace: readonly string[] }
  | {
      readonly kind: 'limited';
      readonly amount: Money;
      /** True when asOf is after the expiry date and no temporary limit is active. */
      readonly expired: boolean;
      /** True when the set-up limit was zero and not mandatory: inside a group, the group governs. */
      readonly zeroNotMandatory: boolean;
      readonly trace: readonly string[];
    };

const DatedAmount = /* @__PURE__ */ z.object({ amount: MoneyInputSchema, from: CalendarDateSchema, to: CalendarDateSchema });
/**
 * Schema of {@link CreditLimitInput}; accepts Money values or `{ currency, amount }`.
 * @example
 * parseInput(CreditLimitInputSchema, { amount: { currency: 'EUR', amount: '1000' } }).amount //=> EUR 1,000.00
 */
export const CreditLimitInputSchema: z.ZodType<CreditLimitInput, unknown> = /* @__PURE__ */ z.object({
  amount: MoneyInputSchema,
  unlimited: z.boolean().optional(),
  mandatory: z.boolean().optional(),
  expires: CalendarDateSchema.optional(),
  temporary: z.array(DatedAmount).optional(),
  insurance: z
    .array(
      z.object({
        insured: MoneyInputSchema,
        percent: NonNegativeDecimalSchema,
        from: CalendarDateSchema.optional(),
        to: CalendarDateSchema.optional(),
        includedInExposure: z.boolean().optional(),
      }),
    )
    .optional(),
}) as z.ZodType<CreditLimitInput, unknown>;

const OptionsSchema = /* @__PURE__ */ z.object({
  asOf: CalendarDateSchema,
  rounding: RoundingModeSchema,
  zeroLimit: z.enum(['noCredit', 'unlimited']).optional(),
});

const within = (day: number, from: CalendarDate | undefined, to: CalendarDate | undefined): boolean =>
  (from === undefined || toEpochDay(from) <= day) && (to === undefined || day <= toEpochDay(to));

/**
 * The credit limit in force on `asOf` (reference d365 §5.3): a temporary limit active on
 * that date replaces the limit; insurance adds `insured × percent / 100` (rounded once per
 * policy), minus the insured value when the policy is included in exposure; a zero limit
 * means no credit or unlimited as `zeroLimit` says.
 *
 * @throws {@link OrderToCashError} `invalid_input`, `currency_mismatch` when a policy or temporary limit is in another currency.
 * @example
 * effectiveCreditLimit({ amount: eur('100000'), insurance: [{ insured: eur('50000'), percent: dec('50') }] },
 *   { asOf: calendarDate('2026-01-15'), rounding: 'halfUp' }) //=> { kind: 'limited', amount: EUR 125,000.00, … }
 */
export function effectiveCreditLimit(limit: CreditLimitInput, options: EffectiveCreditLimitOptions): EffectiveCreditLimit {
  const l = parseInput(CreditLimitInputSchema, limit, ['limit']);
  const o = parseInput(OptionsSchema, options, ['options']);
  return effectiveLimitOf(l, o.asOf, o.rounding, o.zeroLimit ?? 'noCredit');
}

/**
 * {@link effectiveCreditLimit} on already parsed input (used by creditCheck).
 * @example
 * effectiveLimitOf({ amount: eur('0') }, asOf, 'halfUp', 'unlimited').kind //=> 'unlimited'
 */
export function effectiveLimitOf(l: CreditLimitInput, asOf: CalendarDate, rounding: RoundingMode, zeroLimit: ZeroLimitMeaning): EffectiveCreditLimit {
  const trace: string[] = [];
  if (l.unlimited === true) return { kind: 'unlimited', trace: ['unlimited credit limit'] };
  const day = toEpochDay(asOf);
  const currency = l.amount.currency;
  let base = l.amount.minor;
  let temporaryActive = false;
  (l.temporary ?? []).forEach((t, i) => {
    assertSameCurrency(l.amount, t.amount, ['limit', 'temporary', i, 'amount']);
    if (!temporaryActive && within(day, t.from, t.to)) {
      base = t.amount.minor;
      temporaryActive = true;
      trace.push(`temporary limit ${t.from}…${t.to} replaces the limit`);
    }
  });
  const zeroNotMandatory = !temporaryActive && l.amount.minor === 0n && l.mandatory !== true;
  if (base === 0n && !temporaryActive && zeroLimit === 'unlimited' && l.mandatory !== true) {
    return { kind: 'unlimited', trace: ['a zero limit means unlimited (classic credit check)'] };
  }
  let total = base;
  const exponent = 2;
  (l.insurance ?? []).forEach((p, i) => {
    assertSameCurrency(l.amount, p.insured, ['limit', 'insurance', i, 'insured']);
    if (!within(day, p.from, p.to)) return;
    const add = divideRounded(p.insured.minor * p.percent.units, pow10(p.percent.scale + exponent), rounding);
    total += add;
    trace.push(`insurance ${i}: + insured × ${formatScaled(p.percent)} %`);
    if (p.includedInExposure === true) {
      total -= p.insured.minor;
      trace.push(`insurance ${i}: included in exposure, − insured value`);
    }
  });
  const expired = !temporaryActive && l.expires !== undefined && day > toEpochDay(l.expires);
  if (expired) trace.push(`limit expired on ${l.expires ?? ''}`);
  return { kind: 'limited', amount: sameCurrencyMoney(total, currency), expired, zeroNotMandatory, trace };
}
