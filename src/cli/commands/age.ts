import * as z from 'zod';
import { CalendarDateSchema } from '../../calendar/CalendarDate.js';
import { ageItems, type AgingOptions, STANDARD_AGING_BUCKETS } from '../../credit/aging.js';
import { parseInput } from '../../errors/parseInput.js';
import { MoneyInputSchema } from '../../money/schemas.js';
import type { CliCommand } from '../command.js';
import { parseJsonText } from '../json.js';

const ItemSchema = /* @__PURE__ */ z.object({
  open: MoneyInputSchema,
  dueDate: CalendarDateSchema,
  transactionDate: CalendarDateSchema,
  documentDate: CalendarDateSchema.optional(),
});
const InputSchema = /* @__PURE__ */ z.object({ items: z.array(z.unknown()), options: z.object({ buckets: z.unknown().optional() }).loose() });

/**
 * `order-to-cash age`: ages open items into buckets as of a date.
 * @example
 * // order-to-cash age items.json
 */
export const ageCommand: CliCommand = {
  name: 'age',
  summary: 'Age open items into buckets as of a date (totals sum to the open balance)',
  usage: `Input: { "items": [{ "open": Money, "dueDate", "transactionDate", "documentDate"? }],
         "options": { "asOf", "basis": "due" | "transaction" | "document", "currency",
                      "buckets"?: [{ "label", "upToDays": number | null }] } }
         buckets default to current, 1-30, 31-60, 61-90, 91-120, over 120 days
Output: AgingSnapshot { asOf, basis, currency, buckets: [{ label, upToDays, amount, count }], total, count }`,
  options: {},
  run: async ({ input, io }) => {
    const raw = parseInput(InputSchema, parseJsonText(await io.readText(input), ['input']), ['input']);
    const items = raw.items.map((item, i) => {
      const it = parseInput(ItemSchema, item, ['items', i]);
      const { documentDate, ...rest } = it;
      return (documentDate === undefined ? rest : { ...rest, documentDate });
    });
    const options = { buckets: STANDARD_AGING_BUCKETS, ...raw.options } as unknown as AgingOptions;
    return ageItems(items, options);
  },
};
