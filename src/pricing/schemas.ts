import * as z from 'zod';
import { type CalendarDate, CalendarDateSchema } from '../calendar/CalendarDate.js';
import type { CurrencyCode } from '../money/currencies.js';
import { type DecimalInput, type Scaled, scaledOf } from '../money/Scaled.js';
import { CurrencyCodeSchema, NonNegativeDecimalSchema, PositiveDecimalSchema } from '../money/schemas.js';

/** The four sales relations of reference §1.1. */
export type Relation = 'price' | 'lineDiscount' | 'multilineDiscount' | 'totalDiscount';
/** Account or item code: one account/item (`table`), a group, or every one (`all`). */
export type RelationCode = 'table' | 'group' | 'all';

/**
 * A posted trade agreement record (reference §1.2), as validated by {@link TradeAgreementSchema}.
 * Amounts are in major units of `currency`, exact. For `totalDiscount` the band
 * `fromQty`/`toQty` is an amount band on the eligible lines' total.
 */
export type TradeAgreement = {
  readonly id: string;
  readonly relation: Relation;
  readonly accountCode: RelationCode;
  /** Customer id (table), group id (group) or '' (all). */
  readonly accountRelation: string;
  readonly itemCode: RelationCode;
  /** Item id (table), group id (group) or '' (all). */
  readonly itemRelation: string;
  readonly currency: CurrencyCode;
  /** Unit of measure; '' for multiline and total discounts, which ignore units. */
  readonly unit: string;
  /** Inclusive lower bound of the band. */
  readonly fromQty: Scaled;
  /** Exclusive upper bound; zero means unbounded. */
  readonly toQty: Scaled;
  /** Inclusive; absent = open. */
  readonly fromDate?: CalendarDate;
  /** Inclusive; absent = open. */
  readonly toDate?: CalendarDate;
  readonly priceUnit: Scaled;
  /** Price (price relation) or discount amount per price unit (discounts). */
  readonly amount: Scaled;
  readonly percent1: Scaled;
  readonly percent2: Scaled;
  /** Added once per line (reference §1.2), before the percentages (§1.4). */
  readonly priceCharges: Scaled;
  readonly findNext: boolean;
};

const CodeSchema = /* @__PURE__ */ z.enum(['table', 'group', 'all']);
const PercentSchema: z.ZodType<Scaled, DecimalInput> = /* @__PURE__ */ NonNegativeDecimalSchema.refine(
  (v) => v.units <= 100n * 10n ** BigInt(v.scale),
  { message: 'is a percentage: use 0–100' },
);
// Shared immutable defaults: a million records need not carry a million zeros.
const ZERO: Scaled = /* @__PURE__ */ scaledOf(0n, 0);
const ONE: Scaled = /* @__PURE__ */ scaledOf(1n, 0);
const zero = (): Scaled => ZERO;
const one = (): Scaled => ONE;

/** Which item codes D365 allows per relation (reference §1.1). */
const ITEM_CODES: Readonly<Record<Relation, readonly RelationCode[]>> = {
  price: ['table'],
  lineDiscount: ['table', 'group', 'all'],
  multilineDiscount: ['group', 'all'],
  totalDiscount: ['all'],
};

/** Host-side shape of a trade agreement record. */
export type TradeAgreementInput = z.input<typeof TradeAgreementSchema>;

/**
 * Schema of one trade agreement record: D365's item-code restrictions per relation
 * (price → item table only, multiline → group or all, total → all only), bands with
 * `toQty` 0 or absent meaning unbounded, dates inclusive.
 * @example
 * TradeAgreementSchema.parse({ id: 'p1', relation: 'price', accountCode: 'all', itemCode: 'table',
 *   itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '9.90' }).findNext //=> true
 */
export const TradeAgreementSchema: z.ZodType<
  TradeAgreement,
  {
    id: string;
    relation: Relation;
    accountCode: RelationCode;
    accountRelation?: string | undefined;
    itemCode: RelationCode;
    itemRelation?: string | undefined;
    currency: string;
    unit?: string | undefined;
    fromQty?: DecimalInput | undefined;
    toQty?: DecimalInput | undefined;
    fromDate?: string | undefined;
    toDate?: string | undefined;
    priceUnit?: DecimalInput | undefined;
    amount?: DecimalInput | undefined;
    percent1?: DecimalInput | undefined;
    percent2?: DecimalInput | undefined;
    priceCharges?: DecimalInput | undefined;
    findNext?: boolean | undefined;
  }
> = /* @__PURE__ */ z
  .object({
    id: z.string().min(1),
    relation: z.enum(['price', 'lineDiscount', 'multilineDiscount', 'totalDiscount']),
    accountCode: CodeSchema,
    accountRelation: z.string().optional(),
    itemCode: CodeSchema,
    itemRelation: z.string().optional(),
    currency: CurrencyCodeSchema,
    unit: z.string().optional(),
    fromQty: NonNegativeDecimalSchema.default(zero),
    toQty: NonNegativeDecimalSchema.default(zero),
    fromDate: CalendarDateSchema.optional(),
    toDate: CalendarDateSchema.optional(),
    priceUnit: PositiveDecimalSchema.default(one),
    amount: NonNegativeDecimalSchema.default(zero),
    percent1: PercentSchema.default(zero),
    percent2: PercentSchema.default(zero),
    priceCharges: NonNegativeDecimalSchema.default(zero),
    findNext: z.boolean().default(true),
  })
  .superRefine((r, ctx) => {
    if (!ITEM_CODES[r.relation].includes(r.itemCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['itemCode'],
        message: `a ${r.relation} agreement takes item code ${ITEM_CODES[r.relation].join(' or ')} (reference §1.1)`,
      });
    }
    for (const [code, rel, field] of [
      [r.accountCode, r.accountRelation, 'accountRelation'],
      [r.itemCode, r.itemRelation, 'itemRelation'],
    ] as const) {
      if (code !== 'all' && (rel === undefined || rel === '')) {
        ctx.addIssue({ code: 'custom', path: [field], message: `is required when the code is ${code}` });
      }
    }
    if ((r.relation === 'price' || r.relation === 'lineDiscount') && (r.unit === undefined || r.unit === '')) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'is required for price and line discount agreements' });
    }
    if (r.toQty.units !== 0n && compare(r.toQty, r.fromQty) <= 0) {
      ctx.addIssue({ code: 'custom', path: ['toQty'], message: 'must be above fromQty (it is exclusive), or 0 for unbounded' });
    }
    if (r.fromDate !== undefined && r.toDate !== undefined && r.toDate < r.fromDate) {
      ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'is before fromDate' });
    }
  })
  .transform((r): TradeAgreement => {
    const multiOrTotal = r.relation === 'multilineDiscount' || r.relation === 'totalDiscount';
    return {
      id: r.id,
      relation: r.relation,
      accountCode: r.accountCode,
      accountRelation: r.accountCode === 'all' ? '' : (r.accountRelation ?? ''),
      itemCode: r.itemCode,
      itemRelation: r.itemCode === 'all' ? '' : (r.itemRelation ?? ''),
      currency: r.currency,
      unit: multiOrTotal ? '' : (r.unit ?? ''),
      fromQty: r.fromQty,
      toQty: r.toQty,
      ...(r.fromDate === undefined ? {} : { fromDate: r.fromDate }),
      ...(r.toDate === undefined ? {} : { toDate: r.toDate }),
      priceUnit: r.priceUnit,
      amount: r.amount,
      percent1: r.percent1,
      percent2: r.percent2,
      priceCharges: r.priceCharges,
      findNext: r.findNext,
    };
  });

function compare(a: Scaled, b: Scaled): number {
  const s = Math.max(a.scale, b.scale);
  const x = a.units * 10n ** BigInt(s - a.scale);
  const y = b.units * 10n ** BigInt(s - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Base price of an item in a unit and currency (the fallback of reference §1.3). */
export type BasePrice = {
  readonly itemId: string;
  readonly currency: CurrencyCode;
  readonly unit: string;
  readonly price: Scaled;
  readonly priceUnit: Scaled;
};

/**
 * Schema of an item base price.
 * @example
 * BasePriceSchema.parse({ itemId: 'A', currency: 'EUR', unit: 'pcs', price: '12.00' }).priceUnit.units //=> 1n
 */
export const BasePriceSchema: z.ZodType<
  BasePrice,
  { itemId: string; currency: string; unit: string; price: DecimalInput; priceUnit?: DecimalInput | undefined }
> = /* @__PURE__ */ z.object({
  itemId: z.string().min(1),
  currency: CurrencyCodeSchema,
  unit: z.string().min(1),
  price: NonNegativeDecimalSchema,
  priceUnit: PositiveDecimalSchema.default(one),
});

/** Item attributes that steer discount search (reference §1.1, §1.7). */
export type ItemAttributes = {
  readonly itemId: string;
  readonly lineDiscountGroup?: string;
  readonly multilineDiscountGroup?: string;
  /** Whether the item's lines count for the total discount (default true). */
  readonly totalDiscountEligible: boolean;
  /**
   * Stopped for sales (the D365 item's sales "Stopped" setting, Odoo's "Can be sold" off): its
   * lines come out `blocked`, not priced, and count for nothing. Present only when true.
   */
  readonly blocked?: true;
};

/**
 * Schema of item attributes.
 * @example
 * ItemAttributesSchema.parse({ itemId: 'A' }).totalDiscountEligible //=> true
 */
export const ItemAttributesSchema: z.ZodType<
  ItemAttributes,
  { itemId: string; lineDiscountGroup?: string | undefined; multilineDiscountGroup?: string | undefined; totalDiscountEligible?: boolean | undefined; blocked?: boolean | undefined }
> = /* @__PURE__ */ z
  .object({
    itemId: z.string().min(1),
    lineDiscountGroup: z.string().min(1).optional(),
    multilineDiscountGroup: z.string().min(1).optional(),
    totalDiscountEligible: z.boolean().default(true),
    blocked: z.boolean().optional(),
  })
  .transform((a): ItemAttributes => ({
    itemId: a.itemId,
    ...(a.lineDiscountGroup === undefined ? {} : { lineDiscountGroup: a.lineDiscountGroup }),
    ...(a.multilineDiscountGroup === undefined ? {} : { multilineDiscountGroup: a.multilineDiscountGroup }),
    totalDiscountEligible: a.totalDiscountEligible,
    ...(a.blocked === true ? { blocked: true as const } : {}),
  }));

/** Which of the 9 cells (index 0 = cell 1 customer×item … 8 = cell 9 all×all) are searched, per relation. */
export type ActivationMatrix = { readonly [R in Relation]: readonly boolean[] };

const CellsSchema = /* @__PURE__ */ z.array(z.boolean()).length(9);

/**
 * Schema of the activation matrix; a relation left out has all 9 cells active.
 * @example
 * ActivationMatrixSchema.parse({ price: [true, false, false, true, false, false, true, false, false] }).lineDiscount.length //=> 9
 */
export const ActivationMatrixSchema: z.ZodType<ActivationMatrix, { [R in Relation]?: boolean[] | undefined }> = /* @__PURE__ */ z
  .object({
    price: CellsSchema.optional(),
    lineDiscount: CellsSchema.optional(),
    multilineDiscount: CellsSchema.optional(),
    totalDiscount: CellsSchema.optional(),
  })
  .transform((m): ActivationMatrix => {
    const all = [true, true, true, true, true, true, true, true, true];
    return {
      price: m.price ?? all,
      lineDiscount: m.lineDiscount ?? all,
      multilineDiscount: m.multilineDiscount ?? all,
      totalDiscount: m.totalDiscount ?? all,
    };
  });

/** Customer side of an order: the account and its one group per relation (reference §1.1). */
export type CustomerContext = {
  readonly customerId: string;
  readonly priceGroup?: string;
  readonly lineDiscountGroup?: string;
  readonly multilineDiscountGroup?: string;
  readonly totalDiscountGroup?: string;
};

/**
 * Schema of the customer context.
 * @example
 * CustomerContextSchema.parse({ customerId: 'C1', priceGroup: 'RETAIL' }).priceGroup //=> 'RETAIL'
 */
export const CustomerContextSchema: z.ZodType<
  CustomerContext,
  {
    customerId: string;
    priceGroup?: string | undefined;
    lineDiscountGroup?: string | undefined;
    multilineDiscountGroup?: string | undefined;
    totalDiscountGroup?: string | undefined;
  }
> = /* @__PURE__ */ z
  .object({
    customerId: z.string().min(1),
    priceGroup: z.string().min(1).optional(),
    lineDiscountGroup: z.string().min(1).optional(),
    multilineDiscountGroup: z.string().min(1).optional(),
    totalDiscountGroup: z.string().min(1).optional(),
  })
  .transform((c): CustomerContext => {
    const out: { -readonly [K in keyof CustomerContext]: CustomerContext[K] } = { customerId: c.customerId };
    if (c.priceGroup !== undefined) out.priceGroup = c.priceGroup;
    if (c.lineDiscountGroup !== undefined) out.lineDiscountGroup = c.lineDiscountGroup;
    if (c.multilineDiscountGroup !== undefined) out.multilineDiscountGroup = c.multilineDiscountGroup;
    if (c.totalDiscountGroup !== undefined) out.totalDiscountGroup = c.totalDiscountGroup;
    return out;
  });
