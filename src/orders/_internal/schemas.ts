import * as z from 'zod';
import { type CalendarDate, CalendarDateSchema } from '../../calendar/CalendarDate.js';
import type { Scaled } from '../../money/Scaled.js';
import { CurrencyCodeSchema, PositiveDecimalSchema } from '../../money/schemas.js';
import { type CustomerContext, CustomerContextSchema } from '../../pricing/schemas.js';

/** A validated input line. */
export type ParsedLine = {
  lineId?: string | undefined;
  itemId: string;
  quantity: Scaled;
  unit: string;
  requestedDate?: CalendarDate | undefined;
};

/** A validated document head and lines. */
export type ParsedDocument = { number: string; customer: CustomerContext; currency: string; lines: ParsedLine[] };

export const LineInputSchema: z.ZodType<ParsedLine, unknown> = /* @__PURE__ */ z.object({
  lineId: z.string().min(1).optional(),
  itemId: z.string().min(1),
  quantity: PositiveDecimalSchema,
  unit: z.string().min(1),
  requestedDate: CalendarDateSchema.optional(),
});

const uniqueLineIds = (lines: readonly { readonly lineId?: string | undefined }[], ctx: z.RefinementCtx): void => {
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    const id = l.lineId ?? String(i + 1);
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'lineId'], message: `line id ${JSON.stringify(id)} is used twice: ids must be unique` });
    seen.add(id);
  });
};

export const DocumentInputSchema: z.ZodType<ParsedDocument, unknown> = /* @__PURE__ */ z
  .object({
    number: z.string().min(1),
    customer: CustomerContextSchema,
    currency: CurrencyCodeSchema,
    lines: z.array(LineInputSchema).min(1),
  })
  .superRefine((d, ctx) => uniqueLineIds(d.lines, ctx));

export const PricingOptionsSchema: z.ZodType<{ asOf: CalendarDate }, unknown> = /* @__PURE__ */ z.looseObject({ asOf: CalendarDateSchema });

/** Validated `{ lineId, quantity }` lines of a delivery, an invoice or a cancellation. */
export type QuantityLine = { lineId: string; quantity: Scaled };

export const QuantityLinesSchema: z.ZodType<QuantityLine[], unknown> = /* @__PURE__ */ z
  .array(z.object({ lineId: z.string().min(1), quantity: PositiveDecimalSchema }))
  .min(1);
