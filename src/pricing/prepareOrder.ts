import { parseInput } from '../errors/parseInput.js';
import { markPrepared, OrderSchema } from './_internal/orderSchemas.js';
import type { PricingOrder } from './priceOrder.js';

declare const preparedOrderBrand: unique symbol;

/**
 * An order validated once by {@link prepareOrder} and frozen: `priceOrder` prices it without
 * parsing it again. Only the object `prepareOrder` returned is prepared; a copy is parsed as
 * any other input.
 */
export type PreparedOrder = PricingOrder & { readonly [preparedOrderBrand]: true };

/**
 * Validates an order once, for hosts that price the same order more than once (repricing as of
 * other dates, against other books, with other options) or that separate validation from bulk
 * pricing. Parsing an order costs about as much as pricing it; a prepared order skips it.
 * @param order `{ customer, currency, lines: [{ itemId, quantity, unit, lineId? }] }`, as for `priceOrder`.
 * @returns the parsed order, deeply frozen; never mutates `order`.
 * @throws {@link OrderToCashError} `invalid_input` naming the bad field (`['order', 'lines', 2, 'quantity']`).
 * @example
 * const ready = prepareOrder({ customer: { customerId: 'C1' }, currency: 'EUR',
 *   lines: [{ itemId: 'A', quantity: '1', unit: 'pcs' }] });
 * priceOrder(book, ready, { asOf: '2026-01-15', rounding: 'halfUp', combination: 'sum', trace: false }).total.toString() //=> 'EUR 15.30'
 */
export function prepareOrder(order: unknown): PreparedOrder {
  const o = parseInput(OrderSchema, order, ['order']);
  for (const line of o.lines) {
    Object.freeze(line.quantity);
    Object.freeze(line);
  }
  Object.freeze(o.lines);
  Object.freeze(o.customer);
  Object.freeze(o);
  markPrepared(o);
  return o as unknown as PreparedOrder;
}
