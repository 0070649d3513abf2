import { money } from '../../../money/Money.js';
import { scaledOf } from '../../../money/Scaled.js';

// JSON for values of the library: bigints and Money survive the round trip through a
// `jsonb` column exactly. A bigint is stored as {"$bigint":"123"}, Money as
// {"$money":{"minor":"123","currency":"EUR"}}, a Scaled decimal as
// {"$scaled":{"units":"150","scale":2}}; everything else is plain JSON.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isScaledLike(value: object): value is { units: bigint; scale: number } {
  const rec = value as Record<string, unknown>;
  return typeof rec.units === 'bigint' && typeof rec.scale === 'number' && Object.keys(rec).length === 2;
}

function isMoneyLike(value: object): value is { minor: bigint; currency: string } {
  const rec = value as Record<string, unknown>;
  return typeof rec.minor === 'bigint' && typeof rec.currency === 'string' && Object.keys(rec).length === 2;
}

/**
 * A library value as plain JSON data (see the file comment for the tags).
 * @example
 * toJsonData({ n: 5n }) //=> { n: { $bigint: '5' } }
 */
export function toJsonData(value: unknown): Json {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'bigint':
      return { $bigint: value.toString() };
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot store the number ${value}`);
      return value;
    case 'object': {
      if (Array.isArray(value)) return value.map(toJsonData);
      if (isMoneyLike(value)) return { $money: { minor: value.minor.toString(), currency: value.currency } };
      if (isScaledLike(value)) return { $scaled: { units: value.units.toString(), scale: value.scale } };
      // fromEntries defines own properties, so a key such as "__proto__" stays data.
      return Object.fromEntries<Json>(Object.entries(value as Record<string, unknown>).flatMap(([k, v]): [string, Json][] => (v === undefined ? [] : [[k, toJsonData(v)]])));
    }
    default:
      throw new TypeError(`cannot store a ${typeof value}`);
  }
}

/**
 * The library value back from JSON data written by {@link toJsonData}.
 * @example
 * fromJsonData({ n: { $bigint: '5' } }) //=> { n: 5n }
 */
export function fromJsonData(data: unknown): unknown {
  if (data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) return data.map(fromJsonData);
  const rec = data as Record<string, unknown>;
  const keys = Object.keys(rec);
  if (keys.length === 1 && typeof rec.$bigint === 'string') return BigInt(rec.$bigint);
  if (keys.length === 1 && typeof rec.$money === 'object' && rec.$money !== null) {
    const m = rec.$money as { minor: string; currency: string };
    return money(BigInt(m.minor), m.currency);
  }
  if (keys.length === 1 && typeof rec.$scaled === 'object' && rec.$scaled !== null) {
    const d = rec.$scaled as { units: string; scale: number };
    return scaledOf(BigInt(d.units), d.scale);
  }
  return Object.fromEntries(keys.map((k) => [k, fromJsonData(rec[k])]));
}

/**
 * {@link toJsonData} as text, for a `$n::jsonb` parameter.
 * @example
 * toJsonText({ n: 5n }) //=> '{"n":{"$bigint":"5"}}'
 */
export function toJsonText(value: unknown): string {
  return JSON.stringify(toJsonData(value));
}

/**
 * The library value of a `jsonb` column as the drivers return it (parsed: pg and PGlite both parse `jsonb`).
 * @example
 * fromJsonColumn(row.data) // an OpenItem without its residual
 */
export function fromJsonColumn(column: unknown): unknown {
  return fromJsonData(column);
}
