import { z } from 'zod';
import { type CalendarDate, CalendarDateSchema } from '../../calendar/CalendarDate.js';
import { minorUnitOf } from '../../money/currencies.js';
import type { Money } from '../../money/Money.js';
import { type Scaled, scaledOf } from '../../money/Scaled.js';
import { DecimalSchema, MoneyInputSchema } from '../../money/schemas.js';

// Credit entry points accept values the library built (Money, Scaled, CalendarDate) as well
// as their JSON forms, so a host can pass either.

function isMoneyValue(v: unknown): v is Money {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as { minor?: unknown; currency?: unknown };
  return typeof m.minor === 'bigint' && typeof m.currency === 'string' && minorUnitOf(m.currency) !== undefined;
}

function isScaledValue(v: unknown): v is Scaled {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as { units?: unknown; scale?: unknown };
  return typeof s.units === 'bigint' && typeof s.scale === 'number' && Number.isSafeInteger(s.scale) && s.scale >= 0;
}

/** Money as a library value or as `{ currency, amount }`. */
export const MoneyValueSchema: z.ZodType<Money, unknown> = /* @__PURE__ */ z.union([
  z.custom<Money>(isMoneyValue),
  MoneyInputSchema,
]);

/** A decimal as a library value, a decimal string or a safe integer. */
export const ScaledValueSchema: z.ZodType<Scaled, unknown> = /* @__PURE__ */ z.union([
  z.custom<Scaled>(isScaledValue).transform((s) => scaledOf(s.units, s.scale)),
  DecimalSchema,
]);

/** A non-negative decimal. */
export const NonNegativeScaledSchema: z.ZodType<Scaled, unknown> = /* @__PURE__ */ ScaledValueSchema.refine((s) => s.units >= 0n, {
  message: 'must not be negative',
});

/** A calendar date "YYYY-MM-DD". */
export const DateSchema: z.ZodType<CalendarDate, unknown> = CalendarDateSchema;

/** A non-negative safe integer count of days. */
export const DaysSchema: z.ZodType<number, unknown> = /* @__PURE__ */ z.number().int().min(0);
