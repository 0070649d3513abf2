import type { z } from 'zod';
import { invalidInputMessage } from './messages.js';
import { type InputIssue, type IssuePath, OrderToCashError } from './OrderToCashError.js';

/**
 * Converts zod issues into library issues, prefixing every path with `prefix` (the name of
 * the argument the value came from).
 * @example
 * const r = MoneyInputSchema.safeParse({ currency: 'EUR', amount: 1.5 });
 * if (!r.success) toInputIssues(r.error.issues, ['price']) //=> [{ path: ['price', 'amount'], message: '…' }]
 */
export function toInputIssues(issues: readonly z.core.$ZodIssue[], prefix: IssuePath = []): InputIssue[] {
  return issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))],
    message: issue.message,
  }));
}

/**
 * Parses `value` with `schema` and returns the parsed output, or throws an
 * {@link OrderToCashError} with code `invalid_input` naming every bad field, each path
 * prefixed with `path` (the argument the value came from).
 *
 * @param schema - the zod schema of the entry point's input
 * @param value - what the host passed
 * @param path - path prefix of the argument, e.g. `['order']`
 * @returns the parsed, branded value
 * @throws {@link OrderToCashError} `invalid_input`
 * @example
 * parseInput(CurrencyCodeSchema, 'EUR') //=> 'EUR'
 * parseInput(DecimalSchema, '1,5', ['quantity']) // throws invalid_input at ['quantity']
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, path: IssuePath = []): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = toInputIssues(result.error.issues, path);
  throw new OrderToCashError('invalid_input', invalidInputMessage(issues), issues[0]?.path ?? path, issues);
}

/**
 * Throws `invalid_input` for one field; for checks that a schema cannot express.
 *
 * @throws {@link OrderToCashError} `invalid_input`
 * @example
 * invalidInput(['lines', 0, 'quantity'], 'must be positive') // throws
 */
export function invalidInput(path: IssuePath, message: string): never {
  const issues = [{ path, message }];
  throw new OrderToCashError('invalid_input', invalidInputMessage(issues), path, issues);
}
