import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { osaDistance } from '../../src/payments/_internal/osaDistance.js';
import type { CustomerId } from '../../src/payments/OpenItem.js';
import { matchParsed } from '../../src/payments/matchStatement.js';
import { payerNameKey } from '../../src/payments/payerNameKey.js';
import { paymentsScenarioArb } from '../../src/testkit/index.js';
import { d, item, pay } from './_fixtures.js';

// Full-matrix optimal string alignment distance: the textbook recurrence, as the oracle.
const oracle = (a: string, b: string): number => {
  const m = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = m[i] as number[];
      const up = m[i - 1] as number[];
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((m[i - 2] as number[])[j - 2] as number) + 1);
    }
  return (m[a.length] as number[])[b.length] as number;
};
const word = fc.string({ unit: fc.constantFrom('A', 'B', 'C', '1', '2'), maxLength: 9 });
const C1 = 'C1' as CustomerId;
const opts = { rounding: 'halfUp', asOf: d('2026-06-29') } as const;

describe('osaDistance and payerNameKey', () => {
  test.prop([word, word, fc.integer({ min: 0, max: 4 })])('equals the full-matrix distance, cut off at max + 1', (a, b, max) => {
    expect(osaDistance(a, b, max)).toBe(Math.min(oracle(a, b), max + 1));
  });
  test.prop([word, word])('is symmetric and zero exactly on equal strings', (a, b) => {
    expect(osaDistance(a, b, 20)).toBe(osaDistance(b, a, 20));
    expect(osaDistance(a, b, 20) === 0).toBe(a === b);
  });
  test('names: legal forms, punctuation, case and accents do not matter', () => {
    expect(payerNameKey('ACME GmbH & Co. KG')).toBe('ACME');
    expect(payerNameKey('The Acme Co., Ltd.')).toBe('ACME');
    expect(payerNameKey('Müller Söhne AG')).toBe('MULLER SOHNE');
    expect(payerNameKey('GmbH')).toBe('');
  });
});

describe('matchStatement — fuzzy references and payer names', () => {
  const items = () => [item('INV-2026-00123', '100.00', '2026-07-01'), item('INV-2026-00500', '80.00', '2026-07-01')];
  const fuzzy = { ...opts, fuzzyReferences: { maxEdits: 1 } };
  test('a transposed invoice number with the amount agreeing: fuzzy reference, auto-applied', () => {
    const r = matchParsed({ payments: [pay('100.00', '2026-06-29', { text: 'Invoice INV 2026 00132', customerId: C1 })], items: items() }, fuzzy);
    expect(r.proposals[0]).toMatchObject({ rule: 'reference', itemIds: ['INV-2026-00123'], decision: 'autoApply' });
    expect(r.proposals[0]?.signals.map((s) => s.name)).toEqual(['CUSTOMER_BY_ID', 'REF_FUZZY', 'UNIQUE', 'AMOUNT_EXACT']);
    expect(r.proposals[0]?.signals[1]?.evidence).toMatchInlineSnapshot(`"INV202600132 in the remittance is 1 edit from INV-2026-00123"`);
  });
  test('the same typo with another amount is only suggested; without the option it is not a reference', () => {
    const p = pay('60.00', '2026-06-29', { text: 'Invoice INV 2026 00132', customerId: C1 });
    expect(matchParsed({ payments: [p], items: items() }, fuzzy).proposals[0]).toMatchObject({ rule: 'reference', decision: 'suggest' });
    expect(matchParsed({ payments: [p], items: items() }, opts).proposals[0]?.rule).not.toBe('reference');
  });
  test('two items one edit away: no fuzzy identification', () => {
    const two = [item('INV-2026-00124', '100.00', '2026-07-01'), item('INV-2026-00122', '100.00', '2026-07-01')];
    const r = matchParsed({ payments: [pay('100.00', '2026-06-29', { text: 'INV 2026 00123', customerId: C1 })], items: two }, fuzzy);
    expect(r.proposals[0]?.signals.some((s) => s.name === 'REF_FUZZY')).toBe(false);
  });
  test('payer name identifies the customer after id and IBAN; a name two customers share identifies none', () => {
    const its = [item('INV-1', '100.00', '2026-07-01')];
    const p = pay('100.00', '2026-06-29', { payerName: 'ACME GMBH.' });
    const r = matchParsed({ payments: [p], items: its }, { ...opts, customerNames: { C1: 'Acme GmbH', C2: 'Beta Ltd' } });
    expect(r.proposals[0]).toMatchObject({ customerId: 'C1', rule: 'exactAmount' });
    expect(r.proposals[0]?.signals[0]).toMatchObject({ name: 'CUSTOMER_BY_NAME', points: 15 });
    const shared = matchParsed({ payments: [p], items: its }, { ...opts, customerNames: { C1: 'Acme GmbH', C2: 'ACME Ltd' } });
    expect(shared.proposals[0]?.signals.some((s) => s.name === 'CUSTOMER_BY_NAME')).toBe(false);
  });
  test.prop([paymentsScenarioArb({ customers: 2, maxItems: 10 })])('fuzzy matching never changes a payment an exact reference already identifies', ({ items: its, payments }) => {
    for (const p of payments) {
      const a = matchParsed({ items: its, payments: [p] }, opts).proposals[0];
      if (a?.rule === 'reference') expect(matchParsed({ items: its, payments: [p] }, fuzzy).proposals[0]).toEqual(a);
    }
  });
});
