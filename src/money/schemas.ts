import * as z from 'zod';
import { parseDecimalText } from './_internal/decimalText.js';
import { minorUnitOf } from './currencies.js';
import { type Money, sameCurrencyMoney } from './Money.js';
import { moneyToJSON } from './moneyJSON.js';
import { ROUNDING_MODES, type RoundingMode } from './rounding.js';
import { type DecimalInput, pow10, readDecimal, type Scaled } from './Scaled.js';

// Output types are written out (isolatedDeclarations); inputs are what a host may send.

/**
 * A decimal as a host sends it (decimal string or safe integer, or a bigint) or as a typed
 * caller holds it (a {@link Scaled}), parsed to a {@link Scaled}. The message of a failure says
 * how to fix the value.
 * @example
 * DecimalSchema.parse('19.99') //=> { units: 1999n, scale: 2 }
 * DecimalSchema.parse(scaled('0.5')) //=> { units: 5n, scale: 1 }
 */
export const DecimalSchema: z.ZodType<Scaled, DecimalInput> = /* @__PURE__ */ z
  .union([z.string(), z.number(), z.bigint(), z.object({ units: z.bigint(), scale: z.number() })], {
    error: 'expected a decimal string such as "19.99", a safe integer or a Scaled value',
  })
  .transform((value, ctx) => {
    const read = readDecimal(value);
    if (typeof read !== 'string') return read;
    ctx.issues.push({ code: 'custom', message: read, input: value });
    return z.NEVER;
  });

/**
 * A decimal that must be zero or more.
 * @example
 * NonNegativeDecimalSchema.safeParse('-1').success //=> false
 */
export const NonNegativeDecimalSchema: z.ZodType<Scaled, DecimalInput> = /* @__PURE__ */ DecimalSchema.refine((v) => v.units >= 0n, {
  message: 'must not be negative',
});

/**
 * A decimal that must be more than zero.
 * @example
 * PositiveDecimalSchema.safeParse('0').success //=> false
 */
export const PositiveDecimalSchema: z.ZodType<Scaled, DecimalInput> = /* @__PURE__ */ DecimalSchema.refine((v) => v.units > 0n, {
  message: 'must be greater than zero',
});

/**
 * A string in the decimal grammar, kept as a string (for JSON documents that store decimals).
 * @example
 * DecimalStringSchema.parse('-0.50') //=> '-0.50'
 */
export const DecimalStringSchema: z.ZodType<string, string> = /* @__PURE__ */ z.string().superRefine((value, ctx) => {
  const parsed = parseDecimalText(value);
  if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed, input: value });
});

/**
 * A known currency code: ISO 4217 or registered with `registerCurrency`.
 * @example
 * CurrencyCodeSchema.parse('EUR') //=> 'EUR'
 */
export const CurrencyCodeSchema: z.ZodType<string, string> = /* @__PURE__ */ z.string().refine((code) => minorUnitOf(code) !== undefined, {
  error: (issue) =>
    `unknown currency ${JSON.stringify(issue.input)}: use an ISO 4217 code such as "EUR" or registerCurrency({ code, minorUnit }) first`,
});

/** Money as a host sends it (`{ currency, amount }`) or as a typed caller holds it. */
export type MoneyInput = { readonly currency: string; readonly amount: DecimalInput } | Money;

function isMoney(value: unknown): value is Money {
  return typeof value === 'object' && value !== null && typeof (value as Money).minor === 'bigint' && typeof (value as Money).currency === 'string';
}

/**
 * Money as JSON, `{ "currency": "EUR", "amount": "12.30" }`, or a {@link Money} value a typed
 * caller already holds, parsed to {@link Money}. The amount may have at most the currency's
 * decimals; a failure names `amount` or `currency`.
 * @example
 * MoneyInputSchema.parse({ currency: 'EUR', amount: '12.30' }) // EUR 12.30, minor 1230n
 * MoneyInputSchema.parse(money(1230n, 'EUR')) // EUR 12.30
 */
export const MoneyInputSchema: z.ZodType<Money, MoneyInput> = /* @__PURE__ */ z
  // A Money value goes through its exact JSON form, so both get the same checks.
  .preprocess((value) => (isMoney(value) && minorUnitOf(value.currency) !== undefined ? moneyToJSON(value) : value), z.object({ currency: CurrencyCodeSchema, amount: DecimalSchema }))
  .transform(({ currency, amount }, ctx) => {
    const exponent = minorUnitOf(currency) ?? 0;
    if (amount.scale <= exponent) return sameCurrencyMoney(amount.units * pow10(exponent - amount.scale), currency);
    const excess = pow10(amount.scale - exponent);
    if (amount.units % excess === 0n) return sameCurrencyMoney(amount.units / excess, currency);
    ctx.issues.push({
      code: 'custom',
      path: ['amount'],
      message: `has ${amount.scale} decimals but ${currency} has ${exponent}: round the amount before sending it`,
      input: amount,
    });
    return z.NEVER;
  }) as z.ZodType<Money, MoneyInput>;

/**
 * One of the {@link RoundingMode} names.
 * @example
 * RoundingModeSchema.parse('halfEven') //=> 'halfEven'
 */
export const RoundingModeSchema: z.ZodType<RoundingMode, string> = /* @__PURE__ */ z.enum(ROUNDING_MODES as [RoundingMode, ...RoundingMode[]]);
