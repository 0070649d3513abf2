import { sameCurrencyMoney } from '../../../money/Money.js';
import { scaledOf } from '../../../money/Scaled.js';

/**
 * A deep, frozen copy of a domain value: plain objects and arrays are copied, Money and Scaled
 * values are rebuilt, anything else (a compiled price book's maps) is kept as it is.
 */
export function frozenCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const v = value as { minor?: unknown; currency?: unknown; units?: unknown; scale?: unknown };
    if (typeof v.minor === 'bigint' && typeof v.currency === 'string') return Object.freeze(sameCurrencyMoney(v.minor, v.currency)) as T;
    if (typeof v.units === 'bigint' && typeof v.scale === 'number') return Object.freeze(scaledOf(v.units, v.scale)) as T;
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = frozenCopy(v);
  return Object.freeze(out) as T;
}
