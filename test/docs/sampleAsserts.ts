// Assertions that doc samples compile to (see samples.ts).
import { expect } from 'vitest';
import { isOrderToCashError } from '../../src/errors/OrderToCashError.js';

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x)) ?? 'null');

/** The sample's `expr; //=> value`: equal as JSON (money and decimals by their text). */
export function __equals(actual: unknown, expected: unknown): void {
  expect(plain(actual)).toEqual(plain(expected));
}

/** The sample's `expr; // throws code`. */
export function __throws(run: () => unknown, code: string): void {
  let caught: unknown;
  try {
    run();
  } catch (e) {
    caught = e;
  }
  expect(isOrderToCashError(caught) ? caught.code : caught).toBe(code);
}
