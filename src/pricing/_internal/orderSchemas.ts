import * as z from 'zod';
import { CalendarDateSchema } from '../../calendar/CalendarDate.js';
import type { CalendarDate } from '../../calendar/CalendarDate.js';
import type { CurrencyCode } from '../../money/currencies.js';
import type { RoundingMode } from '../../money/rounding.js';
import type { DecimalInput, Scaled } from '../../money/Scaled.js';
import { CurrencyCodeSchema, PositiveDecimalSchema, RoundingModeSchema } from '../../money/schemas.js';
import type { CombinationMode } from '../PricingTrace.js';
import { type CustomerContext, CustomerContextSchema } from '../schemas.js';

export type ValidLine = { lineId?: string | undefined; itemId: string; quantity: Scaled; unit: string };
type LineInput = { lineId?: string | undefined; itemId: string; quantity: DecimalInput; unit: string };

export type ValidOrder = { customer: CustomerContext; currency: CurrencyCode; lines: ValidLine[] };
type OrderInput = { customer: z.input<typeof CustomerContextSchema>; currency: string; lines: LineInput[] };

export type ValidOptions = {
  asOf: CalendarDate;
  rounding: RoundingMode;
  combination: CombinationMode;
  unitConversions?: { itemId?: string | undefined; from: string; to: string; factor: Scaled }[] | undefined;
  genericCurrency?: { currency: CurrencyCode; rate?: Scaled | undefined } | undefined;
  trace?: boolean | undefined;
};

export const OrderLineSchema: z.ZodType<ValidLine, LineInput> = /* @__PURE__ */ z.object({
  lineId: z.string().min(1).optional(),
  itemId: z.string().min(1),
  quantity: PositiveDecimalSchema,
  unit: z.string().min(1),
});

export const OrderSchema: z.ZodType<ValidOrder, OrderInput> = /* @__PURE__ */ z.object({
  customer: CustomerContextSchema,
  currency: CurrencyCodeSchema,
  lines: z.array(OrderLineSchema),
});

export const OptionsSchema: z.ZodType<ValidOptions, unknown> = /* @__PURE__ */ z.object({
  asOf: CalendarDateSchema,
  rounding: RoundingModeSchema,
  combination: z.enum(['line', 'multiline', 'max', 'min', 'sum', 'compound']),
  unitConversions: z
    .array(z.object({ itemId: z.string().min(1).optional(), from: z.string().min(1), to: z.string().min(1), factor: PositiveDecimalSchema }))
    .optional(),
  genericCurrency: z.object({ currency: CurrencyCodeSchema, rate: PositiveDecimalSchema.optional() }).optional(),
  trace: z.boolean().optional(),
});


// Orders validated by prepareOrder, deeply frozen. A WeakSet rather than a property: a copy of a
// prepared order (spread, structuredClone) is not prepared, so nothing unvalidated gets through.
const PREPARED = /* @__PURE__ */ new WeakSet<object>();

export function markPrepared(order: ValidOrder): void {
  PREPARED.add(order);
}

export function isPrepared(order: unknown): order is ValidOrder {
  return typeof order === 'object' && order !== null && PREPARED.has(order);
}
