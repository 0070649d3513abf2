import { invalidInput } from '../errors/parseInput.js';
import { formatDecimalText, parseDecimalText } from './_internal/decimalText.js';

/**
 * An exact decimal: `units / 10^scale`, for quantities, unit prices, rates and percentages.
 * `scale` is a non-negative integer. `{ units: 1999n, scale: 2 }` is 19.99.
 * Values built by the library serialise to their decimal string with `JSON.stringify`.
 */
export type Scaled = { readonly units: bigint; readonly scale: number };

/**
 * What the library accepts as a decimal input: a decimal string, a safe integer, a bigint, or
 * a {@link Scaled} value a typed caller already holds.
 */
export type DecimalInput = string | number | bigint | Scaled;

class ScaledValue {
  readonly units: bigint;
  readonly scale: number;
  constructor(units: bigint, scale: number) {
    this.units = units;
    this.scale = scale;
  }
  toJSON(): string {
    return formatDecimalText(this.units, this.scale);
  }
  toString(): string {
    return formatDecimalText(this.units, this.scale);
  }
}

const POW10: readonly bigint[] = /* @__PURE__ */ Array.from({ length: 65 }, (_, i) => 10n ** BigInt(i));

/**
 * 10^n as a bigint (cached up to 10^64).
 * @example
 * pow10(3) //=> 1000n
 */
export function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

/**
 * Builds a {@link Scaled} from integer units and a scale, without parsing.
 * @example
 * scaledOf(1999n, 2) // 19.99
 */
export function scaledOf(units: bigint, scale: number): Scaled {
  return new ScaledValue(units, scale);
}

/**
 * Parses a decimal input into a {@link Scaled}, or returns why it is not one.
 * Shared by {@link scaled} and the zod schemas so both say the same thing.
 */
export function readDecimal(value: unknown): Scaled | string {
  switch (typeof value) {
    case 'string': {
      const parsed = parseDecimalText(value);
      return typeof parsed === 'string' ? parsed : new ScaledValue(parsed.units, parsed.scale);
    }
    case 'number':
      if (Number.isSafeInteger(value)) return new ScaledValue(BigInt(value), 0);
      if (Number.isNaN(value)) return 'is NaN: pass a decimal string such as "19.99"';
      if (!Number.isFinite(value)) return `is ${String(value)}: pass a finite decimal string`;
      if (Number.isInteger(value)) return `is ${String(value)}, beyond 2^53 − 1 where numbers lose digits: pass it as a decimal string`;
      return `is the binary float ${String(value)}: pass it as the decimal string "${String(value)}" so no digit is lost`;
    case 'bigint':
      return new ScaledValue(value, 0);
    case 'object':
      // A Scaled value a typed caller already holds.
      if (value !== null && typeof (value as Scaled).units === 'bigint') {
        const { units, scale } = value as Scaled;
        if (Number.isSafeInteger(scale) && scale >= 0) return new ScaledValue(units, scale);
        return 'has a scale that is not a non-negative integer';
      }
      return `expected a decimal string, a safe integer or a Scaled value, got ${value === null ? 'null' : 'an object'}`;
    default:
      return `expected a decimal string, a safe integer or a Scaled value, got ${typeof value}`;
  }
}

/**
 * Parses a decimal: a string in the grammar of docs/money.md (`"-12.50"`), a safe integer
 * number, or a bigint. The scale is the number of decimals written (`"1.50"` has scale 2).
 *
 * @param value - the decimal
 * @param path - where the value sits in the caller's input, for the error
 * @throws {@link OrderToCashError} `invalid_input` for floats with a fraction, NaN, ±Infinity,
 *   unsafe integers, `"1e5"`, `"1,5"`, `" 1"`, `""` and anything else outside the grammar.
 * @example
 * scaled('19.99') //=> { units: 1999n, scale: 2 }
 * scaled(3) //=> { units: 3n, scale: 0 }
 * scaled(1.5) // throws invalid_input: pass "1.5" as a string
 */
export function scaled(value: DecimalInput, path: readonly (string | number)[] = []): Scaled {
  const read = readDecimal(value);
  if (typeof read === 'string') invalidInput(path, read);
  return read;
}

