/**
 * Stable error codes. A code never changes meaning once published; new codes may be added
 * in minor versions, so switch on them with a default branch.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'currency_mismatch'
  | 'empty_allocation'
  | 'division_by_zero'
  | 'idempotency_key_reused'
  | 'illegal_transition'
  | 'not_found'
  | 'invariant_violated';

/** Path of a field inside the caller's input, e.g. `['lines', 3, 'quantity']`. */
export type IssuePath = readonly (string | number)[];

/** One problem found in the caller's input. */
export type InputIssue = { readonly path: IssuePath; readonly message: string };

// A registry symbol, so that errors from an ESM and a CJS copy of the library are recognised.
const BRAND = Symbol.for('order-to-cash/error');

/**
 * The one error class of the library. Thrown for bad input and broken preconditions only;
 * expected business outcomes (no price found, a credit hold, an unmatched payment) are
 * returned as values.
 *
 * `code` is stable, `message` says what to do, `path` names the offending field and
 * `issues` lists every problem when input failed validation.
 *
 * @example
 * try { parseMoney('1.005', 'EUR') } catch (e) {
 *   if (isOrderToCashError(e)) e.code //=> 'invalid_input'
 * }
 */
export class OrderToCashError extends Error {
  override readonly name = 'OrderToCashError';
  readonly code: ErrorCode;
  readonly path: IssuePath;
  readonly issues: readonly InputIssue[];

  constructor(code: ErrorCode, message: string, path: IssuePath = [], issues: readonly InputIssue[] = []) {
    super(message);
    Object.defineProperty(this, BRAND, { value: true });
    this.code = code;
    this.path = path;
    this.issues = issues;
  }
}

/**
 * True when `e` is an {@link OrderToCashError}, also when it comes from another copy of the
 * library (an ESM and a CJS copy in one process).
 *
 * @example
 * isOrderToCashError(new OrderToCashError('not_found', 'x')) //=> true
 * isOrderToCashError(new Error('x')) //=> false
 */
export const isOrderToCashError = (e: unknown): e is OrderToCashError =>
  typeof e === 'object' && e !== null && BRAND in e;
