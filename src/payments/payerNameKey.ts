const LEGAL_FORMS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'AG', 'BV', 'CO', 'CORP', 'GMBH', 'INC', 'KG', 'LLC', 'LTD', 'NV', 'OY', 'PLC', 'SA', 'SAS', 'SARL', 'SPA', 'SRL', 'THE',
]);

/**
 * The normalised form of a payer or customer name, as compared for identification: accents
 * removed, NFKC, upper case, letters and digits only, words in order, legal forms and "the" dropped
 * (`The Acme Co., Ltd.` → `ACME`). Two names identify the same payer only when their keys
 * are equal; an empty key identifies nobody.
 * @param name - a payer name from a statement line, or a customer's name
 * @returns the key, possibly empty
 * @example
 * payerNameKey('ACME GmbH & Co. KG') //=> 'ACME'
 */
export function payerNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && !LEGAL_FORMS.has(w))
    .join(' ');
}
