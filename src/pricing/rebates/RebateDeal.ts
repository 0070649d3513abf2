import * as z from 'zod';
import { CalendarDateSchema, type CalendarDate } from '../../calendar/CalendarDate.js';
import type { CurrencyCode, Money } from '../../money/Money.js';
import type { Scaled } from '../../money/Scaled.js';
import { CurrencyCodeSchema, DecimalSchema, MoneyInputSchema, NonNegativeDecimalSchema } from '../../money/schemas.js';

// Rebate deals as data (reference/d365-semantics.md §2.1): scope, basis, calculation,
// tiers (§2.2), periods, validity, reduction principle (§2.3) and royalty guarantee (§2.5).

/** Which customers or items a deal covers: D365 account / item code Table, Group or All. */
export type RebateScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'table'; readonly ids: readonly string[] }
  | { readonly kind: 'group'; readonly groups: readonly string[] };

/**
 * Scope of a deal line: `all`, a table of ids or a list of rebate groups.
 * @example
 * RebateScopeSchema.parse({ kind: 'group', groups: ['RETAIL'] }) //=> { kind: 'group', groups: ['RETAIL'] }
 */
export const RebateScopeSchema: z.ZodType<RebateScope, unknown> = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('table'), ids: z.array(z.string().min(1)).min(1) }),
  z.object({ kind: z.literal('group'), groups: z.array(z.string().min(1)).min(1) }),
]);

/** Program type: a customer rebate, a royalty (with an optional guarantee) or a trade promotion allowance. */
export type RebateProgramType = 'rebate' | 'royalty' | 'promotionAllowance';
/** The four tier methods of reference §2.2. */
export type TierMethod = 'stepped' | 'cumulative' | 'rolling' | 'total';
/** Percent of value, amount per basis unit, or a fixed amount per tier reached. */
export type RebateCalculation = 'percent' | 'amountPerUnit' | 'fixedAmount';
/** Document stage whose quantity or value counts (D365 transaction type Order / Delivered / Invoice). */
export type RebateStage = 'ordered' | 'delivered' | 'invoiced';
/** Calculation (cumulation) and claim period granularity; `validity` is the deal's whole life. */
export type RebatePeriod = 'month' | 'quarter' | 'year' | 'validity';
/** Which earlier amounts reduce a deal (reference §2.3). */
export type ReductionBasis = 'provision' | 'rebate' | 'both';

/** One tier: applies from `from` (inclusive, in basis units) up to the next tier's `from`. */
export type RebateTier = { readonly from: Scaled; readonly rate: Scaled };

/** A validated rebate deal. */
export type RebateDeal = {
  readonly id: string;
  readonly programType: RebateProgramType;
  readonly currency: CurrencyCode;
  readonly customers: RebateScope;
  readonly items: RebateScope;
  readonly basis: {
    readonly measure: 'quantity' | 'value';
    readonly stage: RebateStage;
    /** Credit notes reduce the basis (and the accrual) when true; they are ignored when false. */
    readonly includeCreditNotes: boolean;
  };
  readonly calculation: RebateCalculation;
  readonly tierMethod: TierMethod;
  readonly tiers: readonly RebateTier[];
  readonly validFrom: CalendarDate;
  readonly validTo?: CalendarDate | undefined;
  readonly calculationPeriod: RebatePeriod;
  readonly claimPeriod: RebatePeriod;
  /** Processing order among overlapping deals: lower first, ties by id. */
  readonly processingOrder: number;
  readonly reduction: {
    readonly apply: boolean;
    readonly basis: ReductionBasis;
    readonly excludeFromReduction: boolean;
  };
  readonly guarantee?:
    | { readonly amount: Money; readonly cumulative: boolean; readonly paid: 'beginningOfPeriod' | 'endOfPeriod' }
    | undefined;
  /**
   * Least rebate earned per calculation period (reference §2.1 "Minimum amount"), applied
   * by the true-up. Absent: a period may earn a negative rebate when credit notes exceed
   * sales; zero floors it at nothing; a negative minimum allows negative rebates down to it.
   */
  readonly minimumAmount?: Money | undefined;
};

const TierSchema = /* @__PURE__ */ z.object({ from: NonNegativeDecimalSchema, rate: NonNegativeDecimalSchema });

/**
 * Schema of a rebate deal. Percent deals need a value basis and amount-per-unit deals a
 * quantity basis; tiers start at ascending `from` values; a guarantee needs a royalty in
 * the deal's currency.
 * @example
 * RebateDealSchema.parse({ id: 'D1', programType: 'rebate', currency: 'USD', customers: { kind: 'all' },
 *   items: { kind: 'all' }, basis: { measure: 'value', stage: 'invoiced', includeCreditNotes: true },
 *   calculation: 'percent', tierMethod: 'stepped', tiers: [{ from: '0', rate: '10' }],
 *   validFrom: '2026-01-01', calculationPeriod: 'month', claimPeriod: 'quarter', processingOrder: 1,
 *   reduction: { apply: false, basis: 'both', excludeFromReduction: false } }).id //=> 'D1'
 */
export const RebateDealSchema: z.ZodType<RebateDeal, unknown> = /* @__PURE__ */ z
  .object({
    id: z.string().min(1),
    programType: z.enum(['rebate', 'royalty', 'promotionAllowance']),
    currency: CurrencyCodeSchema,
    customers: RebateScopeSchema,
    items: RebateScopeSchema,
    basis: z.object({
      measure: z.enum(['quantity', 'value']),
      stage: z.enum(['ordered', 'delivered', 'invoiced']),
      includeCreditNotes: z.boolean(),
    }),
    calculation: z.enum(['percent', 'amountPerUnit', 'fixedAmount']),
    tierMethod: z.enum(['stepped', 'cumulative', 'rolling', 'total']),
    tiers: z.array(TierSchema).min(1),
    validFrom: CalendarDateSchema,
    validTo: CalendarDateSchema.optional(),
    calculationPeriod: z.enum(['month', 'quarter', 'year', 'validity']),
    claimPeriod: z.enum(['month', 'quarter', 'year', 'validity']),
    processingOrder: z.number().int(),
    reduction: z.object({
      apply: z.boolean(),
      basis: z.enum(['provision', 'rebate', 'both']),
      excludeFromReduction: z.boolean(),
    }),
    guarantee: z
      .object({ amount: MoneyInputSchema, cumulative: z.boolean(), paid: z.enum(['beginningOfPeriod', 'endOfPeriod']) })
      .optional(),
    minimumAmount: MoneyInputSchema.optional(),
  })
  .superRefine((deal, ctx) => {
    if (deal.minimumAmount !== undefined && deal.minimumAmount.currency !== deal.currency)
      ctx.addIssue({ code: 'custom', path: ['minimumAmount', 'currency'], message: `must be the deal currency ${deal.currency}` });
    if (deal.calculation === 'percent' && deal.basis.measure !== 'value')
      ctx.addIssue({ code: 'custom', path: ['basis', 'measure'], message: 'a percent deal needs a value basis' });
    if (deal.calculation === 'amountPerUnit' && deal.basis.measure !== 'quantity')
      ctx.addIssue({ code: 'custom', path: ['basis', 'measure'], message: 'an amount-per-unit deal needs a quantity basis' });
    for (let i = 1; i < deal.tiers.length; i++) {
      const a = deal.tiers[i - 1];
      const b = deal.tiers[i];
      if (a !== undefined && b !== undefined && cmp(a.from, b.from) >= 0)
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'from'], message: 'tiers must start at strictly ascending values' });
    }
    if (deal.validTo !== undefined && deal.validTo < deal.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must not be before validFrom' });
    if (deal.guarantee !== undefined) {
      if (deal.programType !== 'royalty') ctx.addIssue({ code: 'custom', path: ['guarantee'], message: 'only royalties carry a guarantee' });
      else if (deal.guarantee.amount.currency !== deal.currency)
        ctx.addIssue({ code: 'custom', path: ['guarantee', 'amount', 'currency'], message: `must be the deal currency ${deal.currency}` });
    }
  });

function cmp(a: Scaled, b: Scaled): number {
  const s = Math.max(a.scale, b.scale);
  const x = a.units * 10n ** BigInt(s - a.scale);
  const y = b.units * 10n ** BigInt(s - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A source line of rebate accrual: an invoice, delivery or order line, or a credit-note
 * line. Quantity and net amount are written as on the document (positive for a normal
 * credit note); `kind: 'creditNote'` makes them count negatively.
 */
export type RebateSourceLine = {
  readonly documentId: string;
  readonly lineId: string;
  readonly kind: 'invoice' | 'creditNote';
  readonly stage: RebateStage;
  readonly customerId: string;
  readonly customerGroups: readonly string[];
  readonly itemId: string;
  readonly itemGroups: readonly string[];
  readonly quantity: Scaled;
  readonly netAmount: Money;
  readonly date: CalendarDate;
};

/**
 * Schema of one source line as a host sends it (decimals as strings, money as JSON).
 * @example
 * RebateSourceLineSchema.parse({ documentId: 'INV-1', lineId: '1', kind: 'invoice', stage: 'invoiced',
 *   customerId: 'C1', customerGroups: [], itemId: 'I1', itemGroups: [], quantity: '40',
 *   netAmount: { currency: 'USD', amount: '400.00' }, date: '2026-01-05' }).quantity.toString() //=> '40'
 */
export const RebateSourceLineSchema: z.ZodType<RebateSourceLine, unknown> = /* @__PURE__ */ z.object({
  documentId: z.string().min(1),
  lineId: z.string().min(1),
  kind: z.enum(['invoice', 'creditNote']),
  stage: z.enum(['ordered', 'delivered', 'invoiced']),
  customerId: z.string().min(1),
  customerGroups: z.array(z.string().min(1)),
  itemId: z.string().min(1),
  itemGroups: z.array(z.string().min(1)),
  quantity: DecimalSchema,
  netAmount: MoneyInputSchema,
  date: CalendarDateSchema,
});
