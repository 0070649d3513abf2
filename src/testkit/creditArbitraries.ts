import fc from 'fast-check';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { fromEpochDay, toEpochDay } from '../calendar/epochDay.js';
import type { AgingBucketDefinition, AgingItem } from '../credit/aging.js';
import type { ExposureInput } from '../credit/exposure.js';
import type { PaymentExperience } from '../credit/paymentIndex.js';
import { type CurrencyCode, money } from '../money/Money.js';

const minorArb = (min: bigint, max: bigint) => fc.bigInt({ min, max });

/**
 * Exposure inputs in one currency: open items (credit notes included), open orders,
 * deliveries not invoiced and a few host components.
 * @example
 * fc.sample(exposureInputArb('EUR'), 1)
 */
export function exposureInputArb(currency: CurrencyCode): fc.Arbitrary<ExposureInput> {
  const m = (min: bigint) => minorArb(min, 10n ** 10n).map((x) => money(x, currency));
  return fc.record({
    currency: fc.constant(currency),
    openItems: fc.array(fc.record({ open: m(-(10n ** 8n)) }), { maxLength: 8 }),
    openOrders: fc.array(fc.record({ amount: m(0n) }), { maxLength: 4 }),
    deliveredNotInvoiced: fc.array(fc.record({ amount: m(0n) }), { maxLength: 4 }),
    other: fc.array(fc.record({ component: fc.constantFrom('deductions', 'prepayments'), amount: m(-(10n ** 8n)) }), { maxLength: 3 }),
  });
}

/** Options of {@link dateNearArb}. */
export type DateNearArbOptions = { readonly daysBefore?: number; readonly daysAfter?: number };

/**
 * Calendar dates within a window around `center` (default ±400 days).
 * @example
 * fc.sample(dateNearArb(calendarDate('2026-03-31')), 1) // e.g. ['2025-12-02']
 */
export function dateNearArb(center: CalendarDate, options: DateNearArbOptions = {}): fc.Arbitrary<CalendarDate> {
  const c = toEpochDay(center);
  return fc.integer({ min: c - (options.daysBefore ?? 400), max: c + (options.daysAfter ?? 400) }).map(fromEpochDay);
}

/**
 * Open items around `asOf` for aging: transaction date up to 400 days before, due 0–90
 * days after it, optional document date; open amounts mostly positive, some credit notes.
 * @example
 * fc.sample(agingItemArb('EUR', calendarDate('2026-03-31')), 1)
 */
export function agingItemArb(currency: CurrencyCode, asOf: CalendarDate): fc.Arbitrary<AgingItem> {
  const day = toEpochDay(asOf);
  return fc
    .record({
      open: minorArb(-(10n ** 7n), 10n ** 9n).map((m) => money(m, currency)),
      t: fc.integer({ min: day - 400, max: day + 10 }),
      terms: fc.integer({ min: 0, max: 90 }),
      doc: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
    })
    .map(({ open, t, terms, doc }) => ({
      open,
      transactionDate: fromEpochDay(t),
      dueDate: fromEpochDay(t + terms),
      ...(doc === undefined ? {} : { documentDate: fromEpochDay(t + doc) }),
    }));
}

/**
 * Aging bucket definitions: 1–6 strictly ascending bounds from −30 to 400 days, the last open-ended.
 * @example
 * fc.sample(agingBucketsArb(), 1) // e.g. [[{ label: 'b0', upToDays: 0 }, { label: 'b1', upToDays: null }]]
 */
export function agingBucketsArb(): fc.Arbitrary<readonly AgingBucketDefinition[]> {
  return fc.uniqueArray(fc.integer({ min: -30, max: 400 }), { maxLength: 5 }).map((bounds) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    return [...sorted.map((upToDays, i) => ({ label: `b${i}`, upToDays })), { label: `b${sorted.length}`, upToDays: null }];
  });
}

/**
 * Invoices for payment behaviour: due within 300 days before `asOf`, paid from 40 days early
 * to 200 days late, or open.
 * @example
 * fc.sample(paymentExperienceArb('EUR', calendarDate('2026-03-31')), 1)
 */
export function paymentExperienceArb(currency: CurrencyCode, asOf: CalendarDate): fc.Arbitrary<PaymentExperience> {
  const day = toEpochDay(asOf);
  return fc
    .record({
      amount: minorArb(1n, 10n ** 9n).map((m) => money(m, currency)),
      due: fc.integer({ min: day - 300, max: day }),
      late: fc.option(fc.integer({ min: -40, max: 200 }), { nil: undefined }),
    })
    .map(({ amount, due, late }) => ({
      amount,
      dueDate: fromEpochDay(due),
      ...(late === undefined || due + late > day ? {} : { paidDate: fromEpochDay(due + late) }),
    }));
}
