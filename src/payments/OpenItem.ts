import * as z from 'zod';
import { type CalendarDate, CalendarDateSchema } from '../calendar/CalendarDate.js';
import type { CurrencyCode, Money } from '../money/Money.js';
import type { DecimalInput, Scaled } from '../money/Scaled.js';
import { CurrencyCodeSchema, type MoneyInput, MoneyInputSchema, PositiveDecimalSchema } from '../money/schemas.js';

/** Id of an open item, branded by its schema. */
export type OpenItemId = string & z.$brand<'OpenItemId'>;
/** Id of a customer account, branded by its schema. */
export type CustomerId = string & z.$brand<'CustomerId'>;

/**
 * Kinds of open item. Debit items (invoice, deduction, interest note, fee) carry a positive
 * residual; credit items (credit note, payment / unapplied cash) a negative one.
 * @example
 * const kind: OpenItemKind = 'interestNote';
 */
export type OpenItemKind = 'invoice' | 'creditNote' | 'payment' | 'deduction' | 'interestNote' | 'fee';

/**
 * One step of a cash-discount chain: `percent` (2 means 2 %) while paid on or before `until`.
 * Steps are ordered by date; the next step is the chained discount once the first expires.
 * @example
 * const step: CashDiscountStep = { percent: scaled('2'), until: calendarDate('2026-06-30') };
 */
export type CashDiscountStep = { readonly percent: Scaled; readonly until: CalendarDate };

/**
 * A customer open item: what is still owed (or owed back) on one document.
 * @example
 * const item: OpenItem = { id, kind: 'invoice', customerId, currency: 'EUR', residual: eur('100'),
 *   documentNumber: 'INV-1', references: [], documentDate, dueDate, cashDiscounts: [] };
 */
export type OpenItem = {
  readonly id: OpenItemId;
  readonly kind: OpenItemKind;
  readonly customerId: CustomerId;
  readonly currency: CurrencyCode;
  /** Signed: positive for debit items, negative for credit items. */
  readonly residual: Money;
  readonly documentNumber: string;
  /** Further references that identify the item: RF creditor reference, order number, customer PO. */
  readonly references: readonly string[];
  readonly documentDate: CalendarDate;
  readonly dueDate: CalendarDate;
  readonly cashDiscounts: readonly CashDiscountStep[];
  /** Accounting-currency units per unit of the item's currency at posting (for realised FX). */
  readonly exchangeRate?: Scaled;
  /** For an item opened by a settlement (deduction, residual item): the item it came from. */
  readonly originItemId?: OpenItemId;
  /** For a deduction or residual item: its reason code. */
  readonly reasonCode?: string;
};

/**
 * An incoming payment (a bank statement line).
 * @example
 * const p: Payment = { id: 'P1', amount: eur('700'), currency: 'EUR', valueDate, references: [] };
 */
export type Payment = {
  readonly id: string;
  readonly currency: CurrencyCode;
  /** Positive amount received. */
  readonly amount: Money;
  readonly valueDate: CalendarDate;
  readonly customerId?: CustomerId;
  readonly payerIban?: string;
  /** Name of the payer as the bank reports it. */
  readonly payerName?: string;
  /** Free-text remittance. */
  readonly text?: string;
  /** Structured references (RF creditor references, invoice numbers). */
  readonly references: readonly string[];
  readonly endToEndId?: string;
  /** Accounting-currency units per unit of the payment's currency on the value date. */
  readonly exchangeRate?: Scaled;
};

const CREDIT_KINDS: ReadonlySet<OpenItemKind> = /* @__PURE__ */ new Set<OpenItemKind>(['creditNote', 'payment']);

/**
 * True for items whose residual is a credit (credit notes, payments / unapplied cash).
 * @example
 * isCreditKind('creditNote') //=> true
 */
export function isCreditKind(kind: OpenItemKind): boolean {
  return CREDIT_KINDS.has(kind);
}

/** Schema of an {@link OpenItemId}. @example OpenItemIdSchema.parse('INV-1') */
export const OpenItemIdSchema: z.ZodType<OpenItemId, string> = /* @__PURE__ */ z.string().min(1).transform((s) => s as OpenItemId);
/** Schema of a {@link CustomerId}. @example CustomerIdSchema.parse('C-1') */
export const CustomerIdSchema: z.ZodType<CustomerId, string> = /* @__PURE__ */ z.string().min(1).transform((s) => s as CustomerId);

/** Schema of a {@link CashDiscountStep}. @example CashDiscountStepSchema.parse({ percent: '2', until: '2026-06-30' }) */
export const CashDiscountStepSchema: z.ZodType<CashDiscountStep, { percent: DecimalInput; until: string }> =
  /* @__PURE__ */ z.object({
    percent: PositiveDecimalSchema.refine((p) => p.units < 100n * 10n ** BigInt(p.scale), { message: 'must be below 100' }),
    until: CalendarDateSchema,
  });


/** What a host sends for an open item. */
export type OpenItemInput = {
  id: string;
  kind: OpenItemKind;
  customerId: string;
  currency: string;
  residual: MoneyInput;
  documentNumber: string;
  references?: string[] | undefined;
  documentDate: string;
  dueDate: string;
  cashDiscounts?: { percent: DecimalInput; until: string }[] | undefined;
  exchangeRate?: DecimalInput | undefined;
  originItemId?: string | undefined;
  reasonCode?: string | undefined;
};

/**
 * Schema of an {@link OpenItem}: the residual's currency must be the item's and its sign
 * must fit the kind (credit notes and payments negative, the others positive or zero).
 * @example
 * OpenItemSchema.parse({ id: 'I1', kind: 'invoice', customerId: 'C1', currency: 'EUR',
 *   residual: { currency: 'EUR', amount: '100.00' }, documentNumber: 'INV-1',
 *   documentDate: '2026-01-01', dueDate: '2026-01-31' })
 */
export const OpenItemSchema: z.ZodType<OpenItem, OpenItemInput> = /* @__PURE__ */ z
  .object({
    id: OpenItemIdSchema,
    kind: z.enum(['invoice', 'creditNote', 'payment', 'deduction', 'interestNote', 'fee']),
    customerId: CustomerIdSchema,
    currency: CurrencyCodeSchema,
    residual: MoneyInputSchema,
    documentNumber: z.string().min(1),
    references: z.array(z.string()).default([]),
    documentDate: CalendarDateSchema,
    dueDate: CalendarDateSchema,
    cashDiscounts: z.array(CashDiscountStepSchema).default([]),
    exchangeRate: PositiveDecimalSchema.optional(),
    originItemId: OpenItemIdSchema.optional(),
    reasonCode: z.string().min(1).optional(),
  })
  .superRefine((item, ctx) => {
    if (item.residual.currency !== item.currency)
      ctx.addIssue({ code: 'custom', path: ['residual', 'currency'], message: `must be the item currency ${item.currency}` });
    const credit = CREDIT_KINDS.has(item.kind);
    if (credit ? item.residual.minor > 0n : item.residual.minor < 0n)
      ctx.addIssue({ code: 'custom', path: ['residual', 'amount'], message: credit ? 'must not be positive for a credit item' : 'must not be negative for a debit item' });
    for (let i = 1; i < item.cashDiscounts.length; i++) {
      const prev = item.cashDiscounts[i - 1];
      const cur = item.cashDiscounts[i];
      if (prev !== undefined && cur !== undefined && prev.until >= cur.until)
        ctx.addIssue({ code: 'custom', path: ['cashDiscounts', i, 'until'], message: 'discount steps must be in increasing date order' });
    }
  })
  .transform((item) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(item)) if (v !== undefined) out[k] = v;
    return out as OpenItem;
  });

/** What a host sends for a payment. */
export type PaymentInput = {
  id: string;
  currency: string;
  amount: MoneyInput;
  valueDate: string;
  customerId?: string | undefined;
  payerIban?: string | undefined;
  payerName?: string | undefined;
  text?: string | undefined;
  references?: string[] | undefined;
  endToEndId?: string | undefined;
  exchangeRate?: DecimalInput | undefined;
};

/**
 * Schema of a {@link Payment}: a positive amount in the payment's currency.
 * @example
 * PaymentSchema.parse({ id: 'P1', currency: 'EUR', amount: { currency: 'EUR', amount: '700' }, valueDate: '2026-10-25' })
 */
export const PaymentSchema: z.ZodType<Payment, PaymentInput> = /* @__PURE__ */ z
  .object({
    id: z.string().min(1),
    currency: CurrencyCodeSchema,
    amount: MoneyInputSchema,
    valueDate: CalendarDateSchema,
    customerId: CustomerIdSchema.optional(),
    payerIban: z.string().optional(),
    payerName: z.string().optional(),
    text: z.string().optional(),
    references: z.array(z.string()).default([]),
    endToEndId: z.string().optional(),
    exchangeRate: PositiveDecimalSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.amount.currency !== p.currency) ctx.addIssue({ code: 'custom', path: ['amount', 'currency'], message: `must be the payment currency ${p.currency}` });
    if (p.amount.minor <= 0n) ctx.addIssue({ code: 'custom', path: ['amount', 'amount'], message: 'must be greater than zero' });
  })
  .transform((p) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = v;
    return out;
  }) as unknown as z.ZodType<Payment, PaymentInput>;

