import { type CalendarDate, calendarDate } from '../calendar/CalendarDate.js';
import { invalidInput } from '../errors/parseInput.js';
import type { PriceBook } from '../pricing/compilePriceBook.js';
import type { PriceOrderOptions } from '../pricing/priceOrder.js';
import type { DraftOutcome } from './draftQuotation.js';
import { deepFreeze } from './_internal/freeze.js';
import { newOrder } from './_internal/newOrder.js';
import { priceLines } from './_internal/pricing.js';
import { illegalTransition, targetOf } from './_internal/transition.js';
import type { Quotation } from './Quotation.js';
import type { SalesOrder } from './SalesOrder.js';
import { QUOTATION_TRANSITIONS } from './stateMachines.js';

/**
 * Pricing options of a reprice: those of `priceOrder` but the date, which is the operation's `asOf`.
 * @example
 * const pricing: RepriceOptions = { rounding: 'halfUp', combination: 'sum' };
 */
export type RepriceOptions = Omit<PriceOrderOptions, 'asOf'>;

/**
 * How a quotation's prices carry over to the order: kept exactly as quoted, or priced again
 * with the given book as of the conversion date.
 * @example
 * const keep: ConversionPolicy = { policy: 'keepQuotedPrices' };
 * const again: ConversionPolicy = { policy: 'reprice', book, pricing: { rounding: 'halfUp', combination: 'sum' } };
 */
export type ConversionPolicy = { readonly policy: 'keepQuotedPrices' } | { readonly policy: 'reprice'; readonly book: PriceBook; readonly pricing: RepriceOptions };

/**
 * Options of {@link orderFromQuotation}.
 * @example
 * const options: OrderFromQuotationOptions = { number: 'SO-1', asOf: '2026-03-10', policy: 'keepQuotedPrices' };
 */
export type OrderFromQuotationOptions = ConversionPolicy & {
  /** Number of the new sales order. */
  readonly number: string;
  /** Date of the conversion (the order date); the quotation must not have expired by then. */
  readonly asOf: CalendarDate | string;
  /** Policy of the new order (default false). */
  readonly invoiceAheadOfDelivery?: boolean;
};

/**
 * Outcome of {@link orderFromQuotation}: the converted quotation and the new open order, or
 * `noPrice` when repricing finds no price for some line.
 * @example
 * if (outcome.kind === 'converted') outcome.order.status //=> 'open'
 */
export type ConversionOutcome = DraftOutcome<'converted', { readonly quotation: Quotation; readonly order: SalesOrder }>;

/**
 * Transition `convert`: an accepted quotation becomes an open sales order, with the quoted
 * prices kept exactly (`keepQuotedPrices`) or priced again as of `asOf` (`reprice`).
 * @returns the quotation in state `converted` (naming the order) and the new order.
 * @throws {@link OrderToCashError} `illegal_transition` unless the quotation is `accepted` and
 *   still valid on `asOf` (an expired quotation cannot be converted).
 * @example
 * orderFromQuotation(accepted, { number: 'SO-1', asOf: '2026-03-10', policy: 'keepQuotedPrices' })
 *   .order.totals.total //=> accepted.totals.total
 */
export function orderFromQuotation(quotation: Quotation, options: OrderFromQuotationOptions): ConversionOutcome {
  const asOf = calendarDate(options.asOf, ['options', 'asOf']);
  if (typeof options.number !== 'string' || options.number === '') invalidInput(['options', 'number'], 'must be a non-empty order number');
  const status = targetOf(QUOTATION_TRANSITIONS, 'quotation', quotation.status, 'convert');
  if (asOf > quotation.expiresOn) illegalTransition('quotation', quotation.status, 'convert', ['expire'], `it expired after ${quotation.expiresOn}`);
  const lines = quotation.lines.map(({ price: _price, ...line }) => line);
  let prices = quotation.lines.map((l) => l.price);
  let totals = quotation.totals;
  if (options.policy === 'reprice') {
    const priced = priceLines(options.book, quotation.customer, quotation.currency, lines, { ...options.pricing, asOf }, asOf);
    if (priced.kind === 'noPrice') return priced;
    prices = [...priced.prices];
    totals = priced.totals;
  } else if (options.policy !== 'keepQuotedPrices') {
    invalidInput(['options', 'policy'], "must be 'keepQuotedPrices' or 'reprice'");
  }
  const order = newOrder({
    number: options.number,
    customer: quotation.customer,
    currency: quotation.currency,
    orderedOn: asOf,
    lines,
    prices,
    totals,
    invoiceAheadOfDelivery: options.invoiceAheadOfDelivery ?? false,
    quotationNumber: quotation.number,
  });
  return { kind: 'converted', quotation: deepFreeze({ ...quotation, status, salesOrderNumber: options.number }), order };
}
