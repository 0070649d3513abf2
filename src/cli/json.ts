import { invalidInput } from '../errors/parseInput.js';
import type { IssuePath } from '../errors/OrderToCashError.js';

/**
 * JSON text of a result: library values serialise through their `toJSON`, maps become
 * arrays of their values, bigints decimal strings.
 * @example
 * toJsonText({ n: 1n }) //=> '{"n":"1"}\n'
 */
export function toJsonText(value: unknown, pretty: boolean): string {
  const replacer = (_key: string, v: unknown): unknown =>
    v instanceof Map ? [...(v as Map<unknown, unknown>).values()] : typeof v === 'bigint' ? v.toString() : v;
  return `${JSON.stringify(value, replacer, pretty ? 2 : undefined)}\n`;
}

/**
 * Parses JSON text, turning a syntax error into `invalid_input` at `path`.
 * @example
 * parseJsonText('{"a":1}', ['input']) //=> { a: 1 }
 */
export function parseJsonText(text: string, path: IssuePath): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    return invalidInput(path, `is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}
