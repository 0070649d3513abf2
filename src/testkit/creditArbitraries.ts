import fc from 'fast-check';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { fromEpochDay, toEpochDay } from '../calendar/epochDay.js';
import type { ExposureInput } from '../credit/exposure.js';
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
