import { isOrderToCashError } from '../../../errors/OrderToCashError.js';
import { canonicalJson } from '../../../payments/contentHash.js';

// Assertions of the conformance suites, free of any test framework. Values are compared
// through canonical JSON, so bigints, Money and key order compare as data.

/**
 * Throws unless `actual` and `expected` are the same data.
 * @example
 * checkEqual(1n, 1n, 'amount')
 */
export function checkEqual(actual: unknown, expected: unknown, what: string): void {
  const a = canonicalJson(actual);
  const e = canonicalJson(expected);
  if (a !== e) throw new Error(`${what}:\n  expected ${e}\n  actual   ${a}`);
}

/**
 * Throws unless `condition` holds.
 * @example
 * check(items.length > 0, 'items listed')
 */
export function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(what);
}

/**
 * Throws unless `run` rejects with an OrderToCashError of `code`.
 * @example
 * await checkRejects(() => repo.applySettlement(other, key), 'idempotency_key_reused', 'reused key')
 */
export async function checkRejects(run: () => Promise<unknown>, code: string, what: string): Promise<void> {
  let outcome: unknown;
  try {
    outcome = await run();
  } catch (error) {
    if (isOrderToCashError(error) && error.code === code) return;
    throw new Error(`${what}: expected an OrderToCashError ${code}, got ${String(error)}`, { cause: error });
  }
  throw new Error(`${what}: expected an OrderToCashError ${code}, got ${canonicalJson(outcome)}`);
}

/**
 * The error code of an OrderToCashError thrown by `run`, or its result.
 * @example
 * await codeOrResult(() => Promise.resolve(1)) //=> { value: 1 }
 */
export async function codeOrResult<T>(run: () => Promise<T> | T): Promise<{ readonly error: string } | { readonly value: T }> {
  try {
    return { value: await run() };
  } catch (error) {
    if (isOrderToCashError(error)) return { error: error.code };
    throw error;
  }
}

/**
 * A value as JSON data: throws if a bigint lost its library type on the way (no `toJSON`).
 * @example
 * asJson(money(1n, 'EUR')) //=> { currency: 'EUR', amount: '0.01' }
 */
export const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/**
 * Does to `value` what a careless caller might: overwrites its fields and those of the objects
 * and arrays inside it (`depth` levels) and pushes onto its arrays. Frozen parts refuse
 * silently; the laws then check that what the repository gives next is unchanged.
 * @example
 * tryToChange(await repo.get('C1'))
 */
export function tryToChange(value: unknown, depth = 3): void {
  if (typeof value !== 'object' || value === null || depth === 0) return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    tryToChange(record[key], depth - 1);
    try {
      record[key] = Array.isArray(value) ? 'changed by the caller' : { changedBy: 'the caller' };
    } catch {
      // Frozen: the caller cannot change it.
    }
  }
  if (Array.isArray(value)) {
    try {
      value.push('pushed by the caller');
    } catch {
      // Frozen.
    }
  }
}
