import type { InputIssue, IssuePath } from './OrderToCashError.js';

// One function per error code: the texts say what went wrong and what to do about it.

/**
 * Renders a path as `lines[3].quantity`; the root is `input`.
 * @example
 * formatPath(['lines', 3, 'quantity']) //=> 'lines[3].quantity'
 */
export function formatPath(path: IssuePath): string {
  if (path.length === 0) return 'input';
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out;
}

/** Message of an `invalid_input` error listing every issue. */
export function invalidInputMessage(issues: readonly InputIssue[]): string {
  const shown = issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${i.message}`);
  const more = issues.length > 5 ? `; and ${issues.length - 5} more (see error.issues)` : '';
  return `Invalid input. Fix these fields and call again: ${shown.join('; ')}${more}`;
}

/** Message of a `currency_mismatch` error. */
export function currencyMismatchMessage(expected: string, actual: string, path: IssuePath): string {
  return `${formatPath(path)} is in ${actual} but ${expected} was expected: convert it with convertMoney() first`;
}

/** Message of an `empty_allocation` error. */
export function emptyAllocationMessage(): string {
  return 'Cannot allocate over no ratios or ratios that are all zero: pass at least one positive ratio';
}

/** Message of a `division_by_zero` error. */
export function divisionByZeroMessage(what: string): string {
  return `Cannot divide by zero (${what}): check the divisor before dividing`;
}
