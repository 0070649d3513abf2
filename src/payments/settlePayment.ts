import * as z from 'zod';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { CalendarDateSchema } from '../calendar/CalendarDate.js';
import { currencyMismatchMessage } from '../errors/messages.js';
import { OrderToCashError } from '../errors/OrderToCashError.js';
import { parseInput } from '../errors/parseInput.js';
import { minorUnitOf } from '../money/currencies.js';
import { type CurrencyCode, type Money, money } from '../money/Money.js';
import { divideRounded, type RoundingMode } from '../money/rounding.js';
import { pow10, type Scaled } from '../money/Scaled.js';
import { CurrencyCodeSchema, MoneyInputSchema, NonNegativeDecimalSchema, PositiveDecimalSchema, RoundingModeSchema } from '../money/schemas.js';
import { formatDecimalText } from '../money/_internal/decimalText.js';
import { availableCashDiscount } from './cashDiscount.js';
import { contentHash } from './contentHash.js';
import { type CashDiscountStep, type OpenItem, type OpenItemId, type OpenItemInput, OpenItemSchema, type Payment, type PaymentInput, PaymentSchema } from './OpenItem.js';
import type { Settlement, SettlementEntry } from './Settlement.js';
import { type SettlementPriority, SettlementPrioritySchema, sortBySettlementPriority } from './settlementPriority.js';

/**
 * Write-off limits in the payment currency. A difference is within the over/under tolerance
 * when it is within every limit given (the lower limit wins, SAP/D365).
 * @example
 * const t: SettlementTolerance = { pennyDifference: eur('0.01'), maxOverUnderPayment: eur('5'), maxOverUnderPercent: scaled('2') };
 */
export type SettlementTolerance = {
  /** Differences up to this close the item into the penny-difference account. */
  readonly pennyDifference?: Money;
  /** Fixed over/under-payment limit. */
  readonly maxOverUnderPayment?: Money;
  /** Percent limit (2 = 2 %) of the item residual (underpayment) or the payment (overpayment). */
  readonly maxOverUnderPercent?: Scaled;
  /** Limits are inclusive (Odoo, SAP; default) or strict (D365 wording "less than"). */
  readonly inclusive?: boolean;
};

/**
 * Underpayment policy: `'withinTolerance'` (earlier D365 edition: an underpayment within the
 * over/under limit is written off) or `'onlyWithCashDiscount'` (2026 edition, the default: beyond
 * the penny difference it is written off only when a cash discount applies).
 * @example
 * const u: UnderpaymentPolicy = 'withinTolerance';
 */
export type UnderpaymentPolicy = 'withinTolerance' | 'onlyWithCashDiscount';

/**
 * Options of {@link settlePayment}.
 * @example
 * const o: SettlePaymentOptions = { rounding: 'halfUp', asOf: calendarDate('2026-10-25') };
 */
export type SettlePaymentOptions = {
  readonly rounding: RoundingMode;
  /** The settlement date: decides which cash discounts are still available. */
  readonly asOf: CalendarDate;
  /** Default `'dueDate'`. */
  readonly priority?: SettlementPriority;
  /** Days of grace after each discount date (default 0). */
  readonly graceDays?: number;
  /** Proportional discount on partial payments, paid × d / (1 − d) (default false, as in D365). */
  readonly partialPaymentDiscount?: boolean;
  readonly tolerance?: SettlementTolerance;
  readonly underpayment?: UnderpaymentPolicy;
  /** Reason code on tolerance write-offs (default `'TOLERANCE'`). */
  readonly writeOffReasonCode?: string;
  /**
   * D365 *Full settlement*: a short payment beyond tolerance still closes the last item, the
   * rest posted as additional cash discount (reason `FULL_SETTLEMENT`): 990.00 on 1 000.00 →
   * cash discount 10.00. Checked after the tolerances, before deductions (default false).
   */
  readonly fullSettlement?: boolean;
  /**
   * What a short payment beyond tolerance leaves (SAP): `'partial'` (default: the item stays
   * open for the rest) or `'residualItem'` (the item closes; a new item of the same kind, due
   * on the same date, carries the rest with `residualReasonCode`, default `'RESIDUAL'`).
   */
  readonly shortPayment?: 'partial' | 'residualItem';
  readonly residualReasonCode?: string;
  /**
   * D365 "Calculate cash discounts for credit notes": a credit note used within its discount
   * period counts net of its discount (−100.00 at 2 % → 98.00 to settle, discount −2.00). Default false.
   */
  readonly creditNoteDiscount?: boolean;
  /** When set, a short payment beyond tolerance closes the item and moves the rest to a deduction with this code. */
  readonly deductionReasonCode?: string;
  /** Accounting currency of the realised FX entries (needed with exchange rates). */
  readonly accountingCurrency?: CurrencyCode;
  /**
   * D365 cash discount administration (§4.5): `'specific'` (default) takes the full discount
   * and treats an overpayment by tolerance; `'unspecific'` first reduces the discounts taken
   * by the overpayment (105.00 invoice, discount 10.50, paid 95.00 → discount 10.00).
   */
  readonly cashDiscountAdministration?: 'specific' | 'unspecific';
  /**
   * D365 cross rate (§4.7): units of the items' currency per unit of the payment's currency on
   * the settlement date, for a payment in one currency settling items in another. The payment
   * is converted once, rounded down (never more than was received); the items settle in their
   * currency; what is left goes on account in the payment's currency. Realised FX uses the
   * exchange rates of the payment and the items, not the cross rate.
   */
  readonly crossRate?: Scaled;
};

/**
 * Input of {@link settlePayment}: the payment, the items chosen to settle, the idempotency key.
 * @example
 * const i: SettlePaymentInput = { payment, items: [invoice], idempotencyKey: 'P1' };
 */
export type SettlePaymentInput = { readonly payment: Payment; readonly items: readonly OpenItem[]; readonly idempotencyKey: string };

const SettlePaymentInputSchema = /* @__PURE__ */ z.object({
  payment: PaymentSchema,
  items: z.array(OpenItemSchema),
  idempotencyKey: z.string().min(1),
});

/**
 * Schema of {@link SettlementTolerance} (amounts as decimal strings with a currency).
 * @internal
 * @example
 * SettlementToleranceSchema.parse({ pennyDifference: { currency: 'EUR', amount: '0.05' } });
 */
export const SettlementToleranceSchema: z.ZodType<SettlementTolerance, unknown> = /* @__PURE__ */ z.object({
  pennyDifference: MoneyInputSchema.optional(),
  maxOverUnderPayment: MoneyInputSchema.optional(),
  maxOverUnderPercent: NonNegativeDecimalSchema.optional(),
  inclusive: z.boolean().optional(),
}) as z.ZodType<SettlementTolerance, unknown>;

/**
 * The option fields settlement and matching share (matching settles what it matches).
 * @internal
 * @example
 * z.object({ ...SHARED_SETTLEMENT_OPTION_FIELDS, thresholds: … })
 */
export const SHARED_SETTLEMENT_OPTION_FIELDS: z.ZodRawShape = {
  rounding: RoundingModeSchema,
  asOf: CalendarDateSchema,
  priority: /* @__PURE__ */ SettlementPrioritySchema.optional(),
  graceDays: /* @__PURE__ */ z.number().int().min(0).max(366).optional(),
  partialPaymentDiscount: /* @__PURE__ */ z.boolean().optional(),
  tolerance: /* @__PURE__ */ SettlementToleranceSchema.optional(),
  underpayment: /* @__PURE__ */ z.enum(['withinTolerance', 'onlyWithCashDiscount']).optional(),
};

const SettlePaymentOptionsSchema = /* @__PURE__ */ z.object({
  ...SHARED_SETTLEMENT_OPTION_FIELDS,
  writeOffReasonCode: z.string().min(1).optional(),
  deductionReasonCode: z.string().min(1).optional(),
  accountingCurrency: CurrencyCodeSchema.optional(),
  cashDiscountAdministration: z.enum(['specific', 'unspecific']).optional(),
  fullSettlement: z.boolean().optional(),
  shortPayment: z.enum(['partial', 'residualItem']).optional(),
  residualReasonCode: z.string().min(1).optional(),
  creditNoteDiscount: z.boolean().optional(),
  crossRate: PositiveDecimalSchema.optional(),
});

const FULL_SETTLEMENT = 'FULL_SETTLEMENT';

const fmt = (minor: bigint, currency: CurrencyCode): string => `${currency} ${formatDecimalText(minor, minorUnitOf(currency) ?? 0)}`;

/** Within the over/under tolerance: every given limit holds (the lower wins). */
function withinTolerance(diff: bigint, base: bigint, t: SettlementTolerance | undefined, kind: 'penny' | 'overUnder'): boolean {
  if (t === undefined) return false;
  const inclusive = t.inclusive ?? true;
  const le = (a: bigint, b: bigint): boolean => (inclusive ? a <= b : a < b);
  if (kind === 'penny') return t.pennyDifference !== undefined && le(diff, t.pennyDifference.minor);
  if (t.maxOverUnderPayment === undefined && t.maxOverUnderPercent === undefined) return false;
  if (t.maxOverUnderPayment !== undefined && !le(diff, t.maxOverUnderPayment.minor)) return false;
  const p = t.maxOverUnderPercent;
  // Exact comparison diff ≤ p % × base, no rounding (the OCA 2.000000000000004 % bug).
  if (p !== undefined && !le(diff * 100n * pow10(p.scale), p.units * base)) return false;
  return true;
}

/**
 * Settles a payment against items that are already valid (no parsing). Used by
 * {@link settlePayment} and the matching pipeline.
 * @internal
 * @example
 * settleParsed(payment, items, 'P1', { rounding: 'halfUp', asOf })
 */
export function settleParsed(payment: Payment, items: readonly OpenItem[], idempotencyKey: string, options: SettlePaymentOptions): Settlement {
  if (options.crossRate !== undefined && items.length > 0 && items[0]?.currency !== payment.currency)
    return settleAtCrossRate(payment, items, idempotencyKey, { ...options, crossRate: options.crossRate });
  const cur = payment.currency;
  items.forEach((item, i) => {
    if (item.currency !== cur)
      throw new OrderToCashError('currency_mismatch', currencyMismatchMessage(cur, item.currency, ['items', i, 'currency']), ['items', i, 'currency']);
  });
  const { asOf, rounding } = options;
  const grace = options.graceDays ?? 0;
  const priority = options.priority ?? 'dueDate';
  const tol = options.tolerance;
  const reason = options.writeOffReasonCode ?? 'TOLERANCE';
  const entries: Omit<SettlementEntry, 'seq'>[] = [];
  const trace: string[] = [];
  const m = (minor: bigint): Money => money(minor, cur);
  const credits = sortBySettlementPriority(items.filter((i) => i.residual.minor < 0n), priority, asOf, grace);
  const debits = sortBySettlementPriority(items.filter((i) => i.residual.minor > 0n), priority, asOf, grace);
  // A credit counts for its residual, or net of its cash discount when credit notes earn one (D365 §4.2).
  const creditDiscount = new Map<OpenItem, { readonly discount: bigint; readonly step: CashDiscountStep }>();
  if (options.creditNoteDiscount === true)
    for (const c of credits) {
      const step = c.kind === 'creditNote' ? availableCashDiscount(c, asOf, grace) : undefined;
      if (step === undefined) continue;
      const discount = divideRounded(-c.residual.minor * step.percent.units, 100n * pow10(step.percent.scale), rounding);
      if (discount > 0n) creditDiscount.set(c, { discount, step });
    }
  const netCredit = (c: OpenItem): bigint => -c.residual.minor - (creditDiscount.get(c)?.discount ?? 0n);
  const totalCredit = credits.reduce((s, c) => s + netCredit(c), 0n);
  const customerId = payment.customerId ?? items[0]?.customerId;
  const newItems: OpenItem[] = [];
  const opened = (from: OpenItem, kind: OpenItem['kind'], amount: bigint, tag: string, reasonCode: string): OpenItem => ({
    id: `${idempotencyKey}:${tag}:${from.id}` as OpenItemId,
    kind,
    customerId: from.customerId,
    currency: cur,
    residual: m(amount),
    documentNumber: from.documentNumber,
    references: from.references,
    documentDate: asOf,
    dueDate: kind === 'deduction' ? asOf : from.dueDate,
    cashDiscounts: [],
    ...(from.exchangeRate === undefined ? {} : { exchangeRate: from.exchangeRate }),
    originItemId: from.id,
    reasonCode,
  });
  let pool = payment.amount.minor + totalCredit;
  trace.push(
    `Payment ${payment.id} ${fmt(payment.amount.minor, cur)} on ${asOf}` + (totalCredit > 0n ? ` plus credits ${fmt(totalCredit, cur)}` : '') +
      `; priority ${priority === 'dueDate' ? 'due date' : priority.map((c) => c.by).join(', ')}`,
  );
  const appliedCash = new Map<OpenItem, bigint>();
  debits.forEach((item, k) => {
    if (pool === 0n) {
      trace.push(`${item.documentNumber}: nothing left to apply, stays open ${fmt(item.residual.minor, cur)}`);
      return;
    }
    const r = item.residual.minor;
    const step = availableCashDiscount(item, asOf, grace);
    const hundred = step === undefined ? 1n : 100n * pow10(step.percent.scale);
    const fullDiscount = step === undefined ? 0n : divideRounded(r * step.percent.units, hundred, rounding);
    const due = r - fullDiscount;
    const disc = step === undefined ? '' : ` (discount ${formatDecimalText(step.percent.units, step.percent.scale)} % until ${step.until})`;
    if (pool >= due) {
      entries.push({ kind: 'applied', itemId: item.id, amount: m(due) });
      if (fullDiscount > 0n) entries.push({ kind: 'cashDiscount', itemId: item.id, amount: m(fullDiscount) });
      appliedCash.set(item, due);
      pool -= due;
      trace.push(`${item.documentNumber}: settled in full, applied ${fmt(due, cur)}${fullDiscount > 0n ? `, cash discount ${fmt(fullDiscount, cur)}` : ''}${disc}`);
      return;
    }
    const paid = pool;
    pool = 0n;
    let discount = 0n;
    if (step !== undefined && options.partialPaymentDiscount === true) {
      // D365 §4.4: discount = paid × d / (1 − d), rounded once.
      discount = divideRounded(paid * step.percent.units, hundred - step.percent.units, rounding);
      if (paid + discount > r) discount = r - paid;
    }
    entries.push({ kind: 'applied', itemId: item.id, amount: m(paid) });
    if (discount > 0n) entries.push({ kind: 'cashDiscount', itemId: item.id, amount: m(discount) });
    appliedCash.set(item, paid);
    const short = r - paid - discount;
    let line = `${item.documentNumber}: partial, applied ${fmt(paid, cur)}${discount > 0n ? `, partial cash discount ${fmt(discount, cur)}` : ''}${disc}`;
    const last = k === debits.length - 1;
    if (short > 0n && last) {
      const policy = options.underpayment ?? 'onlyWithCashDiscount';
      if (withinTolerance(short, r, tol, 'penny')) {
        entries.push({ kind: 'pennyDifference', itemId: item.id, amount: m(short) });
        line += `; penny difference ${fmt(short, cur)} written off`;
      } else if (withinTolerance(short, r, tol, 'overUnder') && (policy === 'withinTolerance' || step !== undefined)) {
        entries.push({ kind: 'writeOff', itemId: item.id, amount: m(short), reasonCode: reason });
        line += `; underpayment ${fmt(short, cur)} within tolerance written off (${reason})`;
      } else if (options.fullSettlement === true) {
        entries.push({ kind: 'cashDiscount', itemId: item.id, amount: m(short), reasonCode: FULL_SETTLEMENT });
        line += `; full settlement: ${fmt(short, cur)} posted as additional cash discount`;
      } else if (options.deductionReasonCode !== undefined) {
        entries.push({ kind: 'deduction', itemId: item.id, amount: m(short), reasonCode: options.deductionReasonCode });
        newItems.push(opened(item, 'deduction', short, 'deduction', options.deductionReasonCode));
        line += `; ${fmt(short, cur)} moved to a deduction (${options.deductionReasonCode})`;
      } else if (options.shortPayment === 'residualItem') {
        const code = options.residualReasonCode ?? 'RESIDUAL';
        entries.push({ kind: 'residualItem', itemId: item.id, amount: m(short), reasonCode: code });
        newItems.push(opened(item, item.kind, short, 'residual', code));
        line += `; item closed, ${fmt(short, cur)} carried by a residual item (${code})`;
      } else line += `; ${fmt(short, cur)} stays open`;
    } else if (short > 0n) line += `; ${fmt(short, cur)} stays open`;
    trace.push(line);
  });
  if (options.cashDiscountAdministration === 'unspecific' && pool > 0n) {
    // Unspecific: an overpayment reduces the discounts taken, the latest first.
    for (let i = entries.length - 1; i >= 0 && pool > 0n; i--) {
      const e = entries[i];
      if (e === undefined || e.kind !== 'cashDiscount' || e.itemId === undefined) continue;
      const take = e.amount.minor < pool ? e.amount.minor : pool;
      const appliedIndex = entries.findIndex((x) => x.kind === 'applied' && x.itemId === e.itemId);
      const applied = entries[appliedIndex];
      if (applied === undefined) continue;
      entries[appliedIndex] = { ...applied, amount: m(applied.amount.minor + take) };
      appliedCash.set(debits.find((d) => d.id === e.itemId) as OpenItem, applied.amount.minor + take);
      pool -= take;
      trace.push(`Unspecific cash discount: discount on ${e.itemId} reduced by the overpayment ${fmt(take, cur)}`);
      if (take === e.amount.minor) entries.splice(i, 1);
      else entries[i] = { ...e, amount: m(e.amount.minor - take) };
    }
  }
  // Unused money: the payment's own rest goes on account; credits are consumed only as needed.
  const onAccountRaw = pool < payment.amount.minor ? pool : payment.amount.minor;
  let creditToUse = totalCredit - (pool - onAccountRaw);
  for (const c of credits) {
    const net = netCredit(c);
    const take = net < creditToUse ? net : creditToUse;
    if (take > 0n) {
      entries.push({ kind: 'applied', itemId: c.id, amount: m(-take) });
      const cd = creditDiscount.get(c);
      // Used in full: the whole discount; in part: the same gross-up as a partial payment, if enabled.
      let discount = 0n;
      if (cd !== undefined && take === net) discount = cd.discount;
      else if (cd !== undefined && options.partialPaymentDiscount === true) {
        const hundred = 100n * pow10(cd.step.percent.scale);
        discount = divideRounded(take * cd.step.percent.units, hundred - cd.step.percent.units, rounding);
        if (take + discount > -c.residual.minor) discount = -c.residual.minor - take;
      }
      if (discount > 0n) entries.push({ kind: 'cashDiscount', itemId: c.id, amount: m(-discount) });
      trace.push(
        `${c.documentNumber}: credit of ${fmt(take, cur)} applied against the invoices` +
          (discount > 0n ? `, cash discount on the credit note ${fmt(-discount, cur)}` : ''),
      );
    }
    creditToUse -= take;
  }
  let onAccount = 0n;
  if (onAccountRaw > 0n) {
    if (debits.length > 0 && withinTolerance(onAccountRaw, payment.amount.minor, tol, 'penny')) {
      entries.push({ kind: 'overpaymentWriteOff', amount: m(onAccountRaw), reasonCode: 'PENNY' });
      trace.push(`Overpayment ${fmt(onAccountRaw, cur)} within the penny difference written off`);
    } else if (debits.length > 0 && withinTolerance(onAccountRaw, payment.amount.minor, tol, 'overUnder')) {
      entries.push({ kind: 'overpaymentWriteOff', amount: m(onAccountRaw), reasonCode: reason });
      trace.push(`Overpayment ${fmt(onAccountRaw, cur)} within tolerance written off (${reason})`);
    } else {
      onAccount = onAccountRaw;
      entries.push({ kind: 'onAccount', amount: m(onAccountRaw) });
      trace.push(`Overpayment ${fmt(onAccountRaw, cur)} left on account`);
      if (customerId !== undefined) {
        // The unapplied cash as an open credit item of the customer, like a payment posted on account.
        newItems.push({
          id: `${idempotencyKey}:onAccount` as OpenItemId,
          kind: 'payment',
          customerId,
          currency: cur,
          residual: m(-onAccountRaw),
          documentNumber: payment.id,
          references: payment.endToEndId === undefined ? payment.references : [...payment.references, payment.endToEndId],
          documentDate: asOf,
          dueDate: asOf,
          cashDiscounts: [],
          ...(payment.exchangeRate === undefined ? {} : { exchangeRate: payment.exchangeRate }),
        });
      }
    }
  }
  // Realised FX on the cash applied: settled × (rate on payment − rate on invoice), one rounding.
  const acc = options.accountingCurrency;
  if (acc !== undefined && payment.exchangeRate !== undefined) {
    const pr = payment.exchangeRate;
    for (const [item, paid] of appliedCash) {
      const ir = item.exchangeRate;
      if (ir === undefined) continue;
      const s = Math.max(pr.scale, ir.scale);
      const diff = pr.units * pow10(s - pr.scale) - ir.units * pow10(s - ir.scale);
      if (diff === 0n) continue;
      const fx = divideRounded(paid * diff * pow10(minorUnitOf(acc) ?? 0), pow10(s + (minorUnitOf(cur) ?? 0)), rounding);
      if (fx === 0n) continue;
      entries.push({ kind: fx > 0n ? 'exchangeGain' : 'exchangeLoss', itemId: item.id, amount: money(fx > 0n ? fx : -fx, acc) });
      trace.push(`${item.documentNumber}: realised exchange ${fx > 0n ? 'gain' : 'loss'} ${fmt(fx > 0n ? fx : -fx, acc)}`);
    }
  }
  const numbered: SettlementEntry[] = entries.map((e, seq) => ({ seq, ...e }));
  const content = { paymentId: payment.id, asOf, entries: numbered, onAccount: m(onAccount), ...(newItems.length === 0 ? {} : { newItems }) };
  return { idempotencyKey, contentHash: contentHash(content), ...content, trace };
}

/**
 * A payment settling items of another currency at a cross rate: the payment converted once
 * (rounded down), settled in the items' currency, the rest back in the payment's currency.
 */
function settleAtCrossRate(payment: Payment, items: readonly OpenItem[], idempotencyKey: string, options: SettlePaymentOptions & { readonly crossRate: Scaled }): Settlement {
  const from = payment.currency;
  const to = (items[0] as OpenItem).currency;
  const { crossRate: cr, rounding } = options;
  const ef = pow10(minorUnitOf(from) ?? 0);
  const et = pow10(minorUnitOf(to) ?? 0);
  const P = payment.amount.minor;
  const pool = divideRounded(P * cr.units * et, pow10(cr.scale) * ef, 'down');
  const back = (minor: bigint): bigint => divideRounded(minor * pow10(cr.scale) * ef, cr.units * et, rounding);
  const { crossRate: _, accountingCurrency, ...inner } = options;
  const converted: Payment = { id: payment.id, currency: to, amount: money(pool, to), valueDate: payment.valueDate, references: payment.references };
  const s = settleParsed({ ...converted, ...(payment.customerId === undefined ? {} : { customerId: payment.customerId }) }, items, idempotencyKey, inner);
  // Conservation in the payment's currency: cash used (converted back) + on account = payment.
  const onAccount = P - back(pool - s.onAccount.minor);
  const entries: Omit<SettlementEntry, 'seq'>[] = [];
  for (const { seq: _seq, ...e } of s.entries) {
    if (e.kind !== 'onAccount') entries.push(e);
  }
  if (onAccount > 0n) entries.push({ kind: 'onAccount', amount: money(onAccount, from) });
  const trace = [
    `Cross rate ${formatDecimalText(cr.units, cr.scale)} ${to} per ${from}: payment ${fmt(P, from)} settles ${fmt(pool, to)}`,
    ...s.trace,
    ...(onAccount > 0n ? [`Left on account in the payment currency: ${fmt(onAccount, from)}`] : []),
  ];
  // Realised FX: cash at the payment's rate (amount ÷ cross rate) against the items' rate, one rounding.
  const acc = accountingCurrency;
  const pr = payment.exchangeRate;
  if (acc !== undefined && pr !== undefined) {
    const ea = pow10(minorUnitOf(acc) ?? 0);
    for (const e of s.entries) {
      if (e.kind !== 'applied' || e.itemId === undefined || e.amount.minor <= 0n) continue;
      const ir = items.find((i) => i.id === e.itemId)?.exchangeRate;
      if (ir === undefined) continue;
      const diff = pr.units * pow10(cr.scale) * pow10(ir.scale) - ir.units * cr.units * pow10(pr.scale);
      if (diff === 0n) continue;
      const fx = divideRounded(e.amount.minor * diff * ea, et * pow10(pr.scale) * cr.units * pow10(ir.scale), rounding);
      if (fx === 0n) continue;
      entries.push({ kind: fx > 0n ? 'exchangeGain' : 'exchangeLoss', itemId: e.itemId, amount: money(fx > 0n ? fx : -fx, acc) });
      trace.push(`${e.itemId}: realised exchange ${fx > 0n ? 'gain' : 'loss'} ${fmt(fx > 0n ? fx : -fx, acc)}`);
    }
  }
  const customerId = payment.customerId ?? items[0]?.customerId;
  const newItems: OpenItem[] = (s.newItems ?? []).filter((n) => n.kind !== 'payment');
  if (onAccount > 0n && customerId !== undefined)
    newItems.push({
      id: `${idempotencyKey}:onAccount` as OpenItemId,
      kind: 'payment',
      customerId,
      currency: from,
      residual: money(-onAccount, from),
      documentNumber: payment.id,
      references: payment.endToEndId === undefined ? payment.references : [...payment.references, payment.endToEndId],
      documentDate: options.asOf,
      dueDate: options.asOf,
      cashDiscounts: [],
      ...(pr === undefined ? {} : { exchangeRate: pr }),
    });
  const numbered: SettlementEntry[] = entries.map((e, seq) => ({ seq, ...e }));
  const content = {
    paymentId: payment.id,
    asOf: options.asOf,
    entries: numbered,
    onAccount: money(onAccount, from),
    crossRate: { from, to, rate: cr },
    ...(newItems.length === 0 ? {} : { newItems }),
  };
  return { idempotencyKey, contentHash: contentHash(content), ...content, trace };
}

/**
 * Settles a payment against the chosen open items: in settlement priority order, taking the
 * cash discount available on `asOf` (plus grace days), partial payments with the proportional
 * discount paid × d / (1 − d), penny and over/under-payment tolerances, write-offs with reason
 * codes, credit notes against invoices, the rest on account, and realised FX. Pure: returns
 * immutable entries and a trace; apply them with {@link applySettlement}.
 * @param input - payment, chosen items (same currency) and idempotency key
 * @param options - rounding, asOf and the settlement policy
 * @returns the settlement
 * @throws {@link OrderToCashError} `invalid_input` on bad input; `currency_mismatch` when an item is in another currency.
 * @example
 * settlePayment({ payment: pay('485.00'), items: [fti10042], idempotencyKey: 'k' },
 *   { rounding: 'halfUp', asOf: calendarDate('2026-06-29'), partialPaymentDiscount: true })
 * //=> entries: applied EUR 485.00, cashDiscount EUR 9.90 (balance 505.10)
 */
export function settlePayment(input: SettlePaymentInput, options: SettlePaymentOptions): Settlement {
  const parsed = parseInput(SettlePaymentInputSchema, input, ['input']) as unknown as SettlePaymentInput;
  const opts = parseInput(SettlePaymentOptionsSchema, options, ['options']) as unknown as SettlePaymentOptions;
  return settleParsed(parsed.payment, parsed.items, parsed.idempotencyKey, { ...opts, ...(options.priority === undefined ? {} : { priority: options.priority }) });
}

export type { OpenItemInput, PaymentInput };
