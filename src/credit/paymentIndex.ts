import { CalendarDateSchema } from '../calendar/CalendarDate.js';
import * as z from 'zod';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { toEpochDay } from '../calendar/epochDay.js';
import { currencyMismatchMessage } from '../errors/messages.js';
import { OrderToCashError } from '../errors/OrderToCashError.js';
import { invalidInput, parseInput } from '../errors/parseInput.js';
import { type CurrencyCode, type Money, sameCurrencyMoney } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import { CurrencyCodeSchema } from '../money/schemas.js';
import { ratio } from './_internal/ratio.js';
import { type RatioOptions, ratioOptionsOf } from './_internal/ratioOptions.js';

/** One invoice as payment behaviour sees it: paid on `paidDate`, or still open. */
export type PaymentExperience = { readonly amount: Money; readonly dueDate: CalendarDate; readonly paidDate?: CalendarDate };

/**
 * Mergeable partial result of payment behaviour: amount-weighted days beyond terms (DBT) of
 * invoices in one currency as of a date. DBT is `paidDate − dueDate` for paid invoices
 * (negative = early) and `max(0, asOf − dueDate)` for open ones.
 */
export type PaymentBehaviour = {
  readonly asOf: CalendarDate;
  readonly currency: CurrencyCode;
  /** Σ amount (minor units). */
  readonly amount: Money;
  /** Σ amount × DBT, in minor units × days. */
  readonly weightedDays: bigint;
  readonly count: number;
};

/** Options of {@link paymentBehaviour}. */
export type PaymentBehaviourOptions = { readonly asOf: CalendarDate; readonly currency: CurrencyCode };

/**
 * Anchors of this library's payment index: days beyond terms → index, linear in between;
 * at most 100 (30+ days early), 0 from 180 days late. Fitted to the published PAYDEX chart
 * points (reference B.2) but not D&B's proprietary algorithm.
 * @example
 * PAYMENT_INDEX_ANCHORS[2] //=> { days: 0, index: 80 } (prompt payment)
 */
export const PAYMENT_INDEX_ANCHORS: readonly { readonly days: number; readonly index: number }[] = [
  { days: -30, index: 100 },
  { days: -20, index: 90 },
  { days: 0, index: 80 },
  { days: 15, index: 70 },
  { days: 22, index: 60 },
  { days: 30, index: 50 },
  { days: 60, index: 40 },
  { days: 90, index: 30 },
  { days: 120, index: 20 },
  { days: 180, index: 0 },
];

const OptionsSchema = /* @__PURE__ */ z.object({ asOf: CalendarDateSchema, currency: CurrencyCodeSchema });

const COMPILED = /* @__PURE__ */ new WeakSet<object>();

/** Payment-behaviour options validated once by {@link compilePaymentBehaviourOptions}. */
export type CompiledPaymentBehaviourOptions = PaymentBehaviourOptions & z.$brand<'CompiledPaymentBehaviourOptions'>;

/**
 * Validates payment-behaviour options once for bulk use: {@link paymentBehaviourAccumulator},
 * {@link paymentBehaviour} and {@link paymentBehaviourAsync} then skip parsing them for every customer.
 * @throws {@link OrderToCashError} `invalid_input` for a bad date or an unknown currency.
 * @example
 * const options = compilePaymentBehaviourOptions({ asOf: calendarDate('2026-03-31'), currency: 'EUR' });
 * paymentBehaviourAccumulator(options).result().count //=> 0
 */
export function compilePaymentBehaviourOptions(options: PaymentBehaviourOptions): CompiledPaymentBehaviourOptions {
  const o = parseInput(OptionsSchema, options, ['options']);
  const compiled = Object.freeze({ asOf: o.asOf, currency: o.currency }) as CompiledPaymentBehaviourOptions;
  COMPILED.add(compiled);
  return compiled;
}

/** A running payment-behaviour computation. */
export type PaymentBehaviourAccumulator = { add(experience: PaymentExperience): void; result(): PaymentBehaviour };

/**
 * An accumulator of payment behaviour (hot path of {@link paymentBehaviour}); options validated once.
 * @throws {@link OrderToCashError} `invalid_input` for bad options or a negative amount; `currency_mismatch`.
 * @example
 * const acc = paymentBehaviourAccumulator({ asOf, currency: 'EUR' }); acc.add(x); acc.result().count //=> 1
 */
export function paymentBehaviourAccumulator(options: PaymentBehaviourOptions): PaymentBehaviourAccumulator {
  const o = COMPILED.has(options) ? options : parseInput(OptionsSchema, options, ['options']);
  const asOfDay = toEpochDay(o.asOf);
  let amount = 0n;
  let weighted = 0n;
  let n = 0;
  return {
    add(x: PaymentExperience): void {
      if (x.amount.currency !== o.currency) {
        throw new OrderToCashError('currency_mismatch', currencyMismatchMessage(o.currency, x.amount.currency, ['experiences', n, 'amount']), ['experiences', n, 'amount']);
      }
      if (x.amount.minor < 0n) invalidInput(['experiences', n, 'amount'], 'must not be negative: credit notes carry no payment experience');
      const due = toEpochDay(x.dueDate);
      const dbt = x.paidDate === undefined ? Math.max(0, asOfDay - due) : toEpochDay(x.paidDate) - due;
      amount += x.amount.minor;
      weighted += x.amount.minor * BigInt(dbt);
      n++;
    },
    result(): PaymentBehaviour {
      return { asOf: o.asOf, currency: o.currency, amount: sameCurrencyMoney(amount, o.currency), weightedDays: weighted, count: n };
    },
  };
}

/**
 * Payment behaviour of invoices as of a date (a mergeable partial result).
 * @example
 * paymentBehaviour([{ amount: eur('100'), dueDate: calendarDate('2026-01-31'), paidDate: calendarDate('2026-02-10') }],
 *   { asOf: calendarDate('2026-03-31'), currency: 'EUR' }).weightedDays //=> 100000n (10 000 cents × 10 days)
 */
export function paymentBehaviour(experiences: Iterable<PaymentExperience>, options: PaymentBehaviourOptions): PaymentBehaviour {
  const acc = paymentBehaviourAccumulator(options);
  for (const x of experiences) acc.add(x);
  return acc.result();
}

/**
 * {@link paymentBehaviour} over an async iterable.
 * @example
 * await paymentBehaviourAsync(cursor, { asOf, currency: 'EUR' })
 */
export async function paymentBehaviourAsync(
  experiences: AsyncIterable<PaymentExperience> | Iterable<PaymentExperience>,
  options: PaymentBehaviourOptions,
): Promise<PaymentBehaviour> {
  const acc = paymentBehaviourAccumulator(options);
  for await (const x of experiences) acc.add(x);
  return acc.result();
}

/**
 * Merges partial results of disjoint invoice sets (associative, commutative).
 * @throws {@link OrderToCashError} `invalid_input` when asOf or currency differ.
 * @example
 * mergePaymentBehaviour(paymentBehaviour(a, o), paymentBehaviour(b, o)) // = paymentBehaviour([...a, ...b], o)
 */
export function mergePaymentBehaviour(a: PaymentBehaviour, b: PaymentBehaviour): PaymentBehaviour {
  if (a.asOf !== b.asOf || a.currency !== b.currency) invalidInput(['b'], 'has another asOf or currency: merge only results of the same run');
  return {
    asOf: a.asOf,
    currency: a.currency,
    amount: sameCurrencyMoney(a.amount.minor + b.amount.minor, a.currency),
    weightedDays: a.weightedDays + b.weightedDays,
    count: a.count + b.count,
  };
}

/**
 * Amount-weighted average days beyond terms, rounded once; null with no amount.
 * @example
 * averageDaysBeyondTerms(behaviour, { scale: 2, rounding: 'halfUp' }) //=> 10.00
 */
export function averageDaysBeyondTerms(behaviour: PaymentBehaviour, options: RatioOptions): Scaled | null {
  const o = ratioOptionsOf(options);
  return ratio(behaviour.weightedDays, behaviour.amount.minor, o.scale, o.rounding);
}

/**
 * This library's payment index, 0–100: the amount-weighted average days beyond terms mapped
 * through {@link PAYMENT_INDEX_ANCHORS} (80 = prompt, 100 = 30 days early, 50 = 30 days late,
 * 0 = 180+ days late), exact until one rounding. It maps the weighted average DBT (not the
 * average of per-invoice scores as D&B's PAYDEX does), so one large late invoice weighs by its
 * amount. Never increases when any payment is later. Null with no amount.
 *
 * @example
 * paymentIndex(paymentBehaviour([{ amount: eur('100'), dueDate: d('2026-01-31'), paidDate: d('2026-03-02') }],
 *   { asOf, currency: 'EUR' }), { scale: 0, rounding: 'halfUp' }) //=> 50
 */
export function paymentIndex(behaviour: PaymentBehaviour, options: RatioOptions): Scaled | null {
  const o = ratioOptionsOf(options);
  const D = behaviour.amount.minor;
  const N = behaviour.weightedDays;
  if (D <= 0n) return null;
  const first = PAYMENT_INDEX_ANCHORS[0] as { days: number; index: number };
  const last = PAYMENT_INDEX_ANCHORS[PAYMENT_INDEX_ANCHORS.length - 1] as { days: number; index: number };
  if (N <= BigInt(first.days) * D) return ratio(BigInt(first.index), 1n, o.scale, o.rounding);
  if (N >= BigInt(last.days) * D) return ratio(BigInt(last.index), 1n, o.scale, o.rounding);
  for (let k = 1; k < PAYMENT_INDEX_ANCHORS.length; k++) {
    const a = PAYMENT_INDEX_ANCHORS[k - 1] as { days: number; index: number };
    const b = PAYMENT_INDEX_ANCHORS[k] as { days: number; index: number };
    if (N <= BigInt(b.days) * D) {
      const dd = BigInt(b.days - a.days);
      // index = a.index + (N/D − a.days) × (b.index − a.index) / (b.days − a.days)
      return ratio(BigInt(a.index) * D * dd + (N - BigInt(a.days) * D) * BigInt(b.index - a.index), D * dd, o.scale, o.rounding);
    }
  }
  return ratio(BigInt(last.index), 1n, o.scale, o.rounding);
}
