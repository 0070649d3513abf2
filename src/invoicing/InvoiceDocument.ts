import * as z from 'zod';
import { type CalendarDate, CalendarDateSchema } from '../calendar/CalendarDate.js';
import type { RoundingMode } from '../money/rounding.js';
import { type Scaled, scaledOf } from '../money/Scaled.js';
import { CurrencyCodeSchema, NonNegativeDecimalSchema, PositiveDecimalSchema, RoundingModeSchema } from '../money/schemas.js';
import { type PaymentTerms, PaymentTermsSchema } from './paymentTerms.js';
import { type TaxCode, TaxCodeSchema } from './taxCode.js';

/**
 * A charge: `fixed` amount, `perPiece` (amount × line quantity; on a header charge × total
 * quantity) or `percent` of the line net (header: of the sum of line nets). Amounts are major
 * units, exclusive of tax; `taxGroup` lists the codes of the charge's item tax group.
 */
export type ChargeInput = {
  readonly id: string;
  readonly kind: 'fixed' | 'perPiece' | 'percent';
  readonly value: Scaled;
  readonly taxGroup: readonly string[];
};

/** A header charge, also spread over the lines `byAmount`, `byQuantity` or `equally`. */
export type HeaderChargeInput = ChargeInput & { readonly spread: 'byAmount' | 'byQuantity' | 'equally' };

/**
 * An invoice line. An order line maps onto it directly: the delivered-not-invoiced quantity,
 * the resolved unit price and line discount %, the item's tax group.
 */
export type InvoiceLineInput = {
  readonly id: string;
  readonly item: string;
  readonly itemTaxGroup: readonly string[];
  readonly quantity: Scaled;
  readonly unitPrice: Scaled;
  readonly discountPercent: Scaled;
  readonly charges: readonly ChargeInput[];
};

/**
 * Where taxes are rounded:
 * - `perUnit`: the unit net and unit tax are rounded, then multiplied by the quantity;
 * - `perLine`: each line's tax per code;
 * - `perCode`: each code's document total of exact line taxes, allocated back to lines;
 * - `perCodeCombination`: the sum of all codes' exact taxes, allocated to line × code pairs;
 * - `perDocument`: each code on the document's summed base (brackets apply to the sum), allocated back.
 */
export type TaxRoundingLevel = 'perUnit' | 'perLine' | 'perCode' | 'perCodeCombination' | 'perDocument';

/**
 * The document's rounding policy. `mode` rounds line amounts, charges and taxes; `taxIncluded`
 * says what a tax-included document keeps exact: the `total` (nets absorb the tax rounding) or
 * the `net` (the total is net + rounded tax).
 */
export type RoundingPolicy = {
  readonly level: TaxRoundingLevel;
  readonly mode: RoundingMode;
  readonly taxIncluded: 'keepTotal' | 'keepNet';
};

/** Cash rounding of the total to `increment` (major units), shown as a rounding line or added to the largest tax. */
export type CashRounding = { readonly increment: Scaled; readonly mode: RoundingMode; readonly method: 'roundingLine' | 'adjustLargestTax' };

/** Accounting currency: 1 unit of document currency = `rate` units of `currency`. */
export type AccountingCurrency = { readonly currency: string; readonly rate: Scaled; readonly mode: RoundingMode };

/** A standalone invoice document, the input of `calculateInvoice`. */
export type InvoiceDocument = {
  readonly currency: string;
  readonly invoiceDate: CalendarDate;
  readonly customerTaxGroup: readonly string[];
  readonly taxCodes: readonly TaxCode[];
  readonly priceMode: 'taxExcluded' | 'taxIncluded';
  readonly rounding: RoundingPolicy;
  readonly totalDiscountPercent: Scaled;
  readonly lines: readonly InvoiceLineInput[];
  readonly headerCharges: readonly HeaderChargeInput[];
  readonly cashRounding: CashRounding | null;
  readonly accounting: AccountingCurrency | null;
  readonly paymentTerms: PaymentTerms | null;
};

const ChargeShape = {
  id: z.string().min(1),
  kind: z.enum(['fixed', 'perPiece', 'percent']),
  value: NonNegativeDecimalSchema,
  taxGroup: z.array(z.string()).default([]),
};

/**
 * Parses an {@link InvoiceDocument}. Optional parts default to none: discounts 0, no charges,
 * no cash rounding, no accounting currency, no terms. `rounding` and `priceMode` are required.
 * @example
 * InvoiceDocumentSchema.parse({ currency: 'EUR', invoiceDate: '2026-01-31', customerTaxGroup: ['VAT'],
 *   taxCodes: [{ id: 'VAT', calculation: { kind: 'percent', rate: '10' } }], priceMode: 'taxExcluded',
 *   rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' },
 *   lines: [{ id: '1', item: 'A', itemTaxGroup: ['VAT'], quantity: '1', unitPrice: '42.42' }] })
 */
export const InvoiceDocumentSchema: z.ZodType<InvoiceDocument, unknown> = /* @__PURE__ */ z.object({
  currency: CurrencyCodeSchema,
  invoiceDate: CalendarDateSchema,
  customerTaxGroup: z.array(z.string()),
  taxCodes: z.array(TaxCodeSchema).refine((codes) => new Set(codes.map((c) => c.id)).size === codes.length, 'tax code ids must be unique'),
  priceMode: z.enum(['taxExcluded', 'taxIncluded']),
  rounding: z.object({
    level: z.enum(['perUnit', 'perLine', 'perCode', 'perCodeCombination', 'perDocument']),
    mode: RoundingModeSchema,
    taxIncluded: z.enum(['keepTotal', 'keepNet']),
  }),
  totalDiscountPercent: NonNegativeDecimalSchema.refine((v) => v.units <= 100n * 10n ** BigInt(v.scale), 'must be at most 100').default(() => scaledOf(0n, 0)),
  lines: z.array(
    z.object({
      id: z.string().min(1),
      item: z.string().min(1),
      itemTaxGroup: z.array(z.string()),
      quantity: NonNegativeDecimalSchema,
      unitPrice: NonNegativeDecimalSchema,
      discountPercent: NonNegativeDecimalSchema.refine((v) => v.units <= 100n * 10n ** BigInt(v.scale), 'must be at most 100').default(() => scaledOf(0n, 0)),
      charges: z.array(z.object(ChargeShape)).default([]),
    }),
  ),
  headerCharges: z.array(z.object({ ...ChargeShape, spread: z.enum(['byAmount', 'byQuantity', 'equally']) })).default([]),
  cashRounding: z
    .object({ increment: PositiveDecimalSchema, mode: RoundingModeSchema, method: z.enum(['roundingLine', 'adjustLargestTax']) })
    .nullable()
    .default(null),
  accounting: z.object({ currency: CurrencyCodeSchema, rate: PositiveDecimalSchema, mode: RoundingModeSchema }).nullable().default(null),
  paymentTerms: PaymentTermsSchema.nullable().default(null),
});
