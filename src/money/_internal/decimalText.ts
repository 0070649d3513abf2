// The accepted decimal grammar (docs/money.md): an optional '-', an integer part without
// leading zeros, an optional '.' followed by at least one digit. Nothing else: no '+', no
// exponent, no separators, no spaces.
const DECIMAL_RE = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** Longest accepted integer part, in digits. */
export const MAX_INTEGER_DIGITS = 30;
/** Longest accepted fraction, in digits. */
export const MAX_FRACTION_DIGITS = 30;

/** Units and scale of a decimal text, or the reason it is not one. */
export function parseDecimalText(text: string): { units: bigint; scale: number } | string {
  if (text === '') return 'is an empty string: pass a decimal such as "19.99"';
  if (text.length > MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS + 2) {
    return `is longer than ${MAX_INTEGER_DIGITS} integer and ${MAX_FRACTION_DIGITS} fraction digits`;
  }
  if (!DECIMAL_RE.test(text)) return whyNotDecimal(text);
  const negative = text.charCodeAt(0) === 45;
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const fracPart = dot < 0 ? '' : body.slice(dot + 1);
  if (intPart.length > MAX_INTEGER_DIGITS) return `has more than ${MAX_INTEGER_DIGITS} integer digits`;
  if (fracPart.length > MAX_FRACTION_DIGITS) return `has more than ${MAX_FRACTION_DIGITS} decimals`;
  const magnitude = BigInt(intPart + fracPart);
  return { units: negative ? -magnitude : magnitude, scale: fracPart.length };
}

function whyNotDecimal(text: string): string {
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  if (text.trim() !== text) return `${shown} has surrounding spaces: remove them`;
  if (/[eE]/.test(text)) return `${shown} uses exponent notation: write the digits out, e.g. "100000"`;
  if (text.includes(',')) return `${shown} contains ',': use '.' as the decimal separator and no thousands separators`;
  if (text.startsWith('+')) return `${shown} has a '+' sign: remove it`;
  if (/^-?\./.test(text)) return `${shown} has no integer part: write "0.5", not ".5"`;
  if (/\.$/.test(text)) return `${shown} ends with '.': write "5" or "5.0"`;
  if (/^-?0[0-9]/.test(text)) return `${shown} has leading zeros: remove them`;
  return `${shown} is not a decimal: pass digits with an optional '-' and '.', e.g. "-19.99"`;
}

/** Decimal text of `units / 10^scale`, keeping exactly `scale` decimals. */
export function formatDecimalText(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  if (scale === 0) return negative ? `-${digits}` : digits;
  const padded = digits.length <= scale ? '0'.repeat(scale - digits.length + 1) + digits : digits;
  const cut = padded.length - scale;
  return `${negative ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}
