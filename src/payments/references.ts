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

function digitsForms(token: string, out: Set<string>): void {
  const digits = token.replace(/\D/g, '');
  if (digits.length >= MIN_LENGTH) {
    out.add(digits);
    const stripped = digits.replace(/^0+/, '');
    if (stripped.length >= MIN_LENGTH) out.add(stripped);
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
  const joined = reference.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, '');
  const out = new Set<string>();
  if (joined.length >= MIN_LENGTH) out.add(joined);
  digitsForms(joined, out);
  return [...out];
}

/**
 * Candidate reference keys found in free-text remittance: each token, adjacent tokens joined
 * (bank lines split `INV 2023 00123`), and their digit forms. RF-looking tokens are kept only
 * when their check digits are valid.
 * @example
 * textReferenceKeys('Pay INV/2023/00123 thanks').includes('INV202300123') //=> true
 */
export function textReferenceKeys(text: string): string[] {
  const tokens = text.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, ' ').split(' ').filter((t) => t !== '');
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
  return [...out].sort();
}
