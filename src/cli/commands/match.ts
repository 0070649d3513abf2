import * as z from 'zod';
import { parseInput } from '../../errors/parseInput.js';
import { matchStatement, type MatchStatementOptions } from '../../payments/matchStatement.js';
import { PaymentSchema } from '../../payments/OpenItem.js';
import type { CliCommand } from '../command.js';
import { parseJsonText } from '../json.js';
import { progress as showProgress } from '../progress.js';

const InputSchema = /* @__PURE__ */ z.object({ payments: z.array(z.unknown()), items: z.array(z.unknown()), options: z.unknown() });

/**
 * `order-to-cash match`: matches bank statement payments to open items and proposes settlements.
 * With `--items` the payments stream from a file or standard input, one JSON object per line.
 * @example
 * // order-to-cash match --items items.json --options options.json statement.ndjson
 */
export const matchCommand: CliCommand = {
  name: 'match',
  summary: 'Match bank statement payments to open items, with scores and explanations',
  usage: `Input, one of:
  a JSON file     { "payments": Payment[], "items": OpenItem[], "options": { "asOf", "rounding", ... } }
  --items FILE    with the payments as newline-delimited JSON (one Payment per line) from the
                  input file or standard input, and --options FILE
Output: { "proposals": [{ paymentId, rule, itemIds, confidence, decision, explanation, settlement }],
          "items": OpenItem[] (residuals after the applied proposals) }
Options:
  --items FILE     the open items (JSON array); the input is then newline-delimited payments
  --options FILE   the match options (JSON object), with --items`,
  options: { items: { type: 'string' }, options: { type: 'string' } },
  run: async ({ input, values, io }) => {
    const itemsFile = values['items'];
    if (typeof itemsFile !== 'string') {
      const raw = parseInput(InputSchema, parseJsonText(await io.readText(input), ['input']), ['input']);
      return matchStatement({ payments: raw.payments as never, items: raw.items as never }, raw.options as MatchStatementOptions);
    }
    const items = parseJsonText(await io.readText(itemsFile), ['items']);
    const optionsFile = values['options'];
    const options = typeof optionsFile === 'string' ? parseJsonText(await io.readText(optionsFile), ['options']) : undefined;
    const payments: unknown[] = [];
    const progress = showProgress(io, 'payments');
    for await (const text of io.readLines(input)) {
      if (text.trim() === '') continue;
      const i = payments.length;
      payments.push(parseInput(PaymentSchema, parseJsonText(text, ['payments', i]), ['payments', i]));
      if (payments.length % 10_000 === 0) progress.update(payments.length);
    }
    progress.done(payments.length);
    return matchStatement({ payments: payments as never, items: items as never }, options as MatchStatementOptions);
  },
};
