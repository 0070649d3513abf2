import * as z from 'zod';
import { NonNegativeDecimalSchema } from '../money/schemas.js';
import type { Scaled } from '../money/Scaled.js';

/** One bracket of an interval/bracket tax: the rate applies to the base up to `upTo` (null = no limit). */
export type TaxBracket = { readonly upTo: Scaled | null; readonly rate: Scaled };

/**
 * How a tax code computes its amount from its base (amounts and limits in major units of the
 * document currency, rates in percent):
 * - `percent`: base × rate %;
 * - `amountPerUnit`: amount × line quantity; `amountPerLine`: amount once per line or charge;
 * - `brackets`: `interval` taxes each slice of the base at its bracket's rate (progressive);
 *   `whole` taxes the whole base at the rate of the bracket the base falls in.
 */
export type TaxCalculation =
  | { readonly kind: 'percent'; readonly rate: Scaled }
  | { readonly kind: 'amountPerUnit'; readonly amount: Scaled }
  | { readonly kind: 'amountPerLine'; readonly amount: Scaled }
  | { readonly kind: 'brackets'; readonly method: 'interval' | 'whole'; readonly brackets: readonly TaxBracket[] };

/**
 * `standard` taxes are charged; `exempt` codes report their base with a zero tax;
 * `reverseCharge` codes compute the tax the customer self-assesses (reported, not charged).
 */
export type TaxTreatment = 'standard' | 'exempt' | 'reverseCharge';

/**
 * A tax code as data. Codes apply in the order of the document's `taxCodes` list; `baseIncludes`
 * names earlier codes whose tax is added to this code's base (tax on tax). `priceIncluded`
 * overrides the document's price mode for this code (null = follow the document).
 */
export type TaxCode = {
  readonly id: string;
  readonly calculation: TaxCalculation;
  readonly treatment: TaxTreatment;
  readonly baseIncludes: readonly string[];
  readonly priceIncluded: boolean | null;
};

const BracketSchema = /* @__PURE__ */ z.object({ upTo: NonNegativeDecimalSchema.nullable(), rate: NonNegativeDecimalSchema });

/**
 * Parses a {@link TaxCode}; `treatment` defaults to `standard`, `baseIncludes` to none,
 * `priceIncluded` to null (follow the document).
 * @example
 * TaxCodeSchema.parse({ id: 'VAT19', calculation: { kind: 'percent', rate: '19' } })
 */
export const TaxCodeSchema: z.ZodType<TaxCode, unknown> = /* @__PURE__ */ z.object({
  id: z.string().min(1),
  calculation: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('percent'), rate: NonNegativeDecimalSchema }),
    z.object({ kind: z.literal('amountPerUnit'), amount: NonNegativeDecimalSchema }),
    z.object({ kind: z.literal('amountPerLine'), amount: NonNegativeDecimalSchema }),
    z.object({
      kind: z.literal('brackets'),
      method: z.enum(['interval', 'whole']),
      brackets: z
        .array(BracketSchema)
        .min(1)
        .refine((bs) => bs.every((b, i) => (b.upTo === null ? i === bs.length - 1 : true)), 'only the last bracket may be unbounded (upTo: null)'),
    }),
  ]),
  treatment: z.enum(['standard', 'exempt', 'reverseCharge']).default('standard'),
  baseIncludes: z.array(z.string()).default([]),
  priceIncluded: z.boolean().nullable().default(null),
});
