import * as z from 'zod';
import { parseInput } from '../../errors/parseInput.js';
import { settlePayment, type SettlePaymentInput, type SettlePaymentOptions } from '../../payments/settlePayment.js';
import type { CliCommand } from '../command.js';
import { parseJsonText } from '../json.js';

const InputSchema = /* @__PURE__ */ z.object({ payment: z.unknown(), items: z.unknown(), idempotencyKey: z.unknown(), options: z.unknown() });

/**
 * `order-to-cash settle`: settles one payment against chosen open items.
 * @example
 * // order-to-cash settle payment.json
 */
export const settleCommand: CliCommand = {
  name: 'settle',
  summary: 'Settle a payment against open items (priority, cash discount, tolerances, write-offs)',
  usage: `Input: { "payment": Payment, "items": OpenItem[], "idempotencyKey": string,
         "options": { "asOf", "rounding", "priority"?, "graceDays"?, tolerances... } }
Output: { "settlement": Settlement }   entries per item, discounts, write-offs, on account`,
  options: {},
  run: async ({ input, io }) => {
    const raw = parseInput(InputSchema, parseJsonText(await io.readText(input), ['input']), ['input']);
    const request = { payment: raw.payment, items: raw.items, idempotencyKey: raw.idempotencyKey } as unknown as SettlePaymentInput;
    return { settlement: settlePayment(request, (raw.options ?? {}) as SettlePaymentOptions) };
  },
};
