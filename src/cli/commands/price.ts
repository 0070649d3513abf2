import * as z from 'zod';
import { parseInput } from '../../errors/parseInput.js';
import { compilePriceBook, type PriceBookInput } from '../../pricing/compilePriceBook.js';
import { explain } from '../../pricing/explain.js';
import { priceOrder } from '../../pricing/priceOrder.js';
import type { CliCommand } from '../command.js';
import { parseJsonText } from '../json.js';

const InputSchema = /* @__PURE__ */ z.object({ book: z.unknown(), order: z.unknown(), options: z.unknown() });

/**
 * `order-to-cash price`: compiles a price book and prices one order.
 * @example
 * // order-to-cash price order.json --explain
 */
export const priceCommand: CliCommand = {
  name: 'price',
  summary: 'Price an order against trade agreements (lines, discounts, total discount, traces)',
  usage: `Input: { "book": PriceBookInput, "order": Order, "options": { "asOf", "rounding", "combination", ... } }
  book    agreements, basePrices, items, unitConversions, ... as compilePriceBook takes them
  order   { customer, currency, lines: [{ itemId, quantity, unit }] }
Output: { "order": PricedOrder, "explanations"?: string[] }
Options:
  --explain   add a text explanation per line and for the total discount`,
  options: { explain: { type: 'boolean' } },
  run: async ({ input, values, io }) => {
    const raw = parseInput(InputSchema, parseJsonText(await io.readText(input), ['input']), ['input']);
    const book = compilePriceBook(raw.book as PriceBookInput);
    const order = priceOrder(book, raw.order, raw.options);
    if (values['explain'] !== true) return { order };
    return { order, explanations: [...order.lines.map((l) => explain(l.trace)), explain(order.trace)] };
  },
};
