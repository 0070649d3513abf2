/**
 * `YYYY-MM-DD` as the number YYYYMMDD: dates compare as their keys do, and a key is read from
 * the string without a call (string comparison and string-keyed maps cost a call each). For
 * the hot loops of pricing and rebates; the string must be a valid calendar date.
 */
export function dateKey(date: string): number {
  const y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  return y * 10000 + m * 100 + (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
}
