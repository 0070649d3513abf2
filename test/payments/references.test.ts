import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { referenceKeys, textReferenceKeys } from '../../src/payments/references.js';

// The regular-expression definition of the normalisation (reference A.2), kept as the oracle
// of the one-scan implementation.
const oracleTokens = (text: string): string[] =>
  text.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, ' ').split(' ').filter((t) => t !== '');
const oracleDigits = (token: string, out: Set<string>): void => {
  const digits = token.replace(/\D/g, '');
  if (digits.length >= 4) {
    out.add(digits);
    const stripped = digits.replace(/^0+/, '');
    if (stripped.length >= 4) out.add(stripped);
  }
};
const oracleReferenceKeys = (reference: string): string[] => {
  const joined = oracleTokens(reference).join('');
  const out = new Set<string>();
  if (joined.length >= 4) out.add(joined);
  oracleDigits(joined, out);
  return [...out];
};

const textArb = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'aAzZ09 -/.:#INVRF0123456789xq'.split('')), maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('ſ 2023 00123', 'ＩＮＶ２０２３', 'Straße 0012345', 'ı0001234'),
);

describe('reference normalisation', () => {
  test.prop([textArb])('referenceKeys equals the regular-expression definition, ASCII or not', (text) => {
    expect(referenceKeys(text)).toEqual(oracleReferenceKeys(text));
  });
  test.prop([textArb])('every key of a reference is found in a text that quotes it', (text) => {
    const found = new Set(textReferenceKeys(`paid ${text} thanks`));
    for (const k of referenceKeys(text)) if (!oracleTokens(text).join('').startsWith('RF') && oracleTokens(text).length <= 3) expect(found.has(k)).toBe(true);
  });
});
