/**
 * True when `text` is a valid ISO 11649 RF creditor reference: `RF`, two check digits and
 * 1–21 alphanumerics, passing the mod-97 check (spaces ignored, case-insensitive).
 * @example
 * isValidRfReference('RF18 5390 0754 7034') //=> true
 * isValidRfReference('RF19 5390 0754 7034') //=> false
 */
export function isValidRfReference(text: string): boolean {
  const s = text.replace(/\s+/g, '').toUpperCase();
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rem = value >= 10 ? (rem * 100 + value) % 97 : (rem * 10 + value) % 97;
  }
  return rem === 1;
}

const MIN_LENGTH = 4;

/** True when every UTF-16 unit is ASCII: NFKC and upper-casing then reduce to a table lookup. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * Upper-case alphanumeric tokens of `text`, split on every other character. ASCII text is
 * cut into slices in one scan, no regular expression and no string built per character;
 * other text goes through NFKC and `toUpperCase` first (`ſ` → `S`), as the index and the
 * remittance must agree.
 */
function alnumTokens(text: string): string[] {
  const ascii = isAscii(text);
  const s = ascii ? text : text.normalize('NFKC').toUpperCase();
  const out: string[] = [];
  let start = -1;
  let lower = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0;
    const upperOrDigit = (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
    const low = ascii && c >= 97 && c <= 122;
    if (upperOrDigit || low) {
      if (start < 0) start = i;
      if (low) lower = true;
    } else if (start >= 0) {
      const token = s.slice(start, i);
      out.push(lower ? token.toUpperCase() : token);
      start = -1;
      lower = false;
    }
  }
  return out;
}

function digitsOf(token: string): string {
  let first = -1;
  let parts = 0;
  let digits = '';
  for (let i = 0; i <= token.length; i++) {
    const c = i < token.length ? token.charCodeAt(i) : 0;
    if (c >= 48 && c <= 57) {
      if (first < 0) first = i;
    } else if (first >= 0) {
      // Most tokens hold one run of digits: keep the slice, concatenate only when there are more.
      digits = parts === 0 ? token.slice(first, i) : digits + token.slice(first, i);
      parts++;
      first = -1;
    }
  }
  return digits;
}

function digitsForms(token: string, out: Set<string>): void {
  const digits = digitsOf(token);
  if (digits.length >= MIN_LENGTH) {
    out.add(digits);
    let z = 0;
    while (z < digits.length && digits.charCodeAt(z) === 48) z++;
    if (digits.length - z >= MIN_LENGTH) out.add(z === 0 ? digits : digits.slice(z));
  }
}

/**
 * Normalised forms of a document number or reference, as indexed for an open item: the
 * alphanumerics joined in upper case (`INV/2023/00123` → `INV202300123`), their digits
 * (`202300123`) and the digits without leading zeros; forms shorter than 4 are dropped.
 * @example
 * referenceKeys('INV/2023/00123') //=> ['INV202300123', '202300123']
 */
export function referenceKeys(reference: string): string[] {
  const out: string[] = [];
  forEachReferenceKey(reference, (key) => out.push(key));
  return out;
}

/**
 * Calls `emit` with each form {@link referenceKeys} returns, in the same order, without
 * collecting them (the index of a statement run takes them one by one).
 * @internal
 * @example
 * forEachReferenceKey('INV/2023/00123', (k) => keys.push(k))
 */
export function forEachReferenceKey(reference: string, emit: (key: string) => void): void {
  const tokens = alnumTokens(reference);
  const joined = tokens.length === 1 ? (tokens[0] as string) : tokens.join('');
  if (joined.length >= MIN_LENGTH) emit(joined);
  const digits = digitsOf(joined);
  if (digits.length < MIN_LENGTH) return;
  if (digits !== joined) emit(digits);
  let z = 0;
  while (z < digits.length && digits.charCodeAt(z) === 48) z++;
  if (z > 0 && digits.length - z >= MIN_LENGTH) emit(digits.slice(z));
}

/**
 * Candidate reference keys found in free-text remittance: each token, adjacent tokens joined
 * (bank lines split `INV 2023 00123`), and their digit forms. RF-looking tokens are kept only
 * when their check digits are valid.
 * @example
 * textReferenceKeys('Pay INV/2023/00123 thanks').includes('INV202300123') //=> true
 */
export function textReferenceKeys(text: string): string[] {
  return [...textReferenceKeySet(text)].sort();
}

/**
 * The keys of {@link textReferenceKeys} as an unordered set, for callers whose result does
 * not depend on the order (the matching pipeline sorts what it finds).
 * @internal
 * @example
 * textReferenceKeySet('Pay INV/2023/00123').has('INV202300123') //=> true
 */
export function textReferenceKeySet(text: string): Set<string> {
  const tokens = alnumTokens(text);
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    let joined = '';
    for (let j = i; j < tokens.length && j < i + 3; j++) {
      joined += tokens[j] ?? '';
      if (joined.startsWith('RF') && /^RF\d{2}/.test(joined) && !isValidRfReference(joined)) continue;
      if (joined.length >= MIN_LENGTH) out.add(joined);
      digitsForms(joined, out);
    }
  }
  return out;
}
