import * as z from 'zod';
import { parseInput } from '../../errors/parseInput.js';
import { calculateInvoice } from '../../invoicing/calculateInvoice.js';
import type { CliCommand } from '../command.js';
import { parseJsonText } from '../json.js';

const InputSchema = /* @__PURE__ */ z.object({ document: z.unknown() });

/**
 * `order-to-cash invoice`: calculates an invoice document (taxes, charges, rounding, terms).
 * @example
 * // order-to-cash invoice document.json
 */
export const invoiceCommand: CliCommand = {
  name: 'invoice',
  summary: 'Calculate an invoice: taxes, charges, rounding policy, cash rounding, due dates',
  usage: `Input: { "document": InvoiceDocument }   (see docs/invoicing.md)
Output: { "invoice": Invoice }   lines, charges, per-code taxes, totals in both currencies`,
  options: {},
  run: async ({ input, io }) => {
    const raw = parseInput(InputSchema, parseJsonText(await io.readText(input), ['input']), ['input']);
    return { invoice: calculateInvoice(raw.document) };
  },
};
