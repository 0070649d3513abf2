import { describe, expect, test } from 'vitest';
import type { CustomerId } from '../../src/payments/OpenItem.js';
import { matchParsed, matchStatement } from '../../src/payments/matchStatement.js';
import { isValidRfReference, referenceKeys, textReferenceKeys } from '../../src/payments/references.js';
import { eur } from '../helpers.js';
import { d, item, pay } from './_fixtures.js';

const C1 = 'C1' as CustomerId;
const opts = { rounding: 'halfUp', asOf: d('2026-06-29') } as const;

describe('references', () => {
  test('RF creditor references are checked mod 97', () => {
    expect(isValidRfReference('RF18 5390 0754 7034')).toBe(true);
    expect(isValidRfReference('RF18539007547034')).toBe(true);
    expect(isValidRfReference('RF19 5390 0754 7034')).toBe(false);
    expect(isValidRfReference('RF18')).toBe(false);
  });
  test('Odoo: label INV/2023/00123 gives the numerical token 202300123 that matches the move name', () => {
    expect(referenceKeys('INV/2023/00123')).toEqual(['INV202300123', '202300123']);
    expect(textReferenceKeys('INV/2023/00123')).toContain('202300123');
    expect(textReferenceKeys('paid INV 2023 00123 thanks')).toContain('INV202300123');
  });
  test('an invalid RF reference in the text is not a key', () => {
    expect(textReferenceKeys('RF19 5390 0754 7034').some((k) => k.startsWith('RF19'))).toBe(false);
  });
});

describe('matchStatement — pipeline rules', () => {
  test('a reference in free text that names one item, exact amount → auto-apply', () => {
    const items = [item('INV-2023-00123', '4512.30', '2026-07-01'), item('INV-2023-00124', '4512.30', '2026-07-01')];
    const r = matchParsed({ payments: [pay('4512.30', '2026-06-29', { text: 'Payment for inv 2023/00123', customerId: C1 })], items }, opts);
    expect(r.proposals[0]).toMatchObject({ rule: 'reference', itemIds: ['INV-2023-00123'], decision: 'autoApply', confidence: 100 });
    expect(r.proposals[0]?.explanation).toMatchInlineSnapshot(`"P1: matched by reference (confidence 100, autoApply). customer C1 given on the payment; INV-2023-00123 found in the remittance text; each reference names exactly one open item; amount EUR 4512.30 equals the open amount."`);
  });
  test('a reference naming several items is not an identification', () => {
    const items = [item('A', '10.00', '2026-07-01', { references: ['PO-7777'] }), item('B', '20.00', '2026-07-01', { references: ['PO-7777'] })];
    const r = matchParsed({ payments: [pay('30.00', '2026-06-29', { text: 'PO-7777', customerId: C1 })], items }, opts);
    expect(r.proposals[0]?.rule).toBe('clearAccount');
  });
  test('RF reference identifies the customer and the item', () => {
    const items = [item('INV-9', '100.00', '2026-07-01', { references: ['RF18 5390 0754 7034'] })];
    const r = matchParsed({ payments: [pay('100.00', '2026-06-29', { references: ['RF18539007547034'] })], items }, opts);
    expect(r.proposals[0]).toMatchObject({ rule: 'reference', customerId: 'C1', decision: 'autoApply' });
    expect(r.proposals[0]?.signals.map((s) => s.name)).toEqual(['CUSTOMER_BY_REFERENCE', 'RF_VALID', 'UNIQUE', 'AMOUNT_EXACT']);
  });
  test('Oracle: exact amount ties → earliest due date, then id; ambiguous is never auto-applied', () => {
    const items = [item('B', '50.00', '2026-07-01'), item('A', '50.00', '2026-07-01'), item('C', '50.00', '2026-06-01')];
    const r = matchParsed({ payments: [pay('50.00', '2026-06-29', { customerId: C1 })], items }, opts);
    expect(r.proposals[0]).toMatchObject({ rule: 'exactAmount', itemIds: ['C'], decision: 'suggest' });
  });
  test('JD Edwards: 220 vs 100 + 200 (tol 10) → nothing; 300 → both; 297 against open less discount → both', () => {
    const items = [item('I1', '100.00', '2026-07-01', { discounts: [['1', '2026-07-10']] }), item('I2', '200.00', '2026-07-02', { discounts: [['1', '2026-07-10']] })];
    const tol = { ...opts, tolerance: { maxOverUnderPayment: eur('10') } };
    const one = (amount: string) => matchParsed({ payments: [pay(amount, '2026-06-29', { customerId: C1 })], items }, tol).proposals[0];
    expect(one('220.00')).toMatchObject({ rule: 'onAccount', itemIds: [] });
    expect(one('300.00')).toMatchObject({ rule: 'clearAccount', itemIds: ['I1', 'I2'] });
    expect(one('297.00')).toMatchObject({ rule: 'clearAccount', itemIds: ['I1', 'I2'] });
  });
  test('Infor: combination of at most five items, exact; unique → auto-apply', () => {
    const items = ['100.00', '250.00', '333.00', '470.00', '512.00', '1000.00'].map((a, i) => item(`I${i}`, a, `2026-0${i + 1}-01`));
    const r = matchParsed({ payments: [pay('845.00', '2026-06-29', { customerId: C1 })], items }, opts);
    expect(r.proposals[0]).toMatchObject({ rule: 'combination', itemIds: ['I2', 'I4'], decision: 'autoApply' });
    const capped = matchParsed({ payments: [pay('845.00', '2026-06-29', { customerId: C1 })], items }, { ...opts, combination: { maxItems: 1 } });
    expect(capped.proposals[0]?.rule).toBe('onAccount');
  });
  test('the combination search stops at its step budget', () => {
    const items = Array.from({ length: 40 }, (_, i) => item(`I${String(i).padStart(2, '0')}`, `${101 + i * 7}.13`, '2026-06-01'));
    const r = matchParsed({ payments: [pay('1.00', '2026-06-29', { customerId: C1 })], items }, { ...opts, combination: { budget: 500 } });
    expect(r.maxSearchSteps).toBeLessThanOrEqual(500);
  });
  test('short pay with cash discount by reference → settlement with discount', () => {
    const items = [item('INV-7', '1000.00', '2026-07-25', { discounts: [['2', '2026-06-30']] })];
    const r = matchParsed({ payments: [pay('980.00', '2026-06-29', { text: 'INV-7', customerId: C1 })], items }, opts);
    expect(r.proposals[0]).toMatchObject({ decision: 'autoApply' });
    expect(r.items[0]?.residual.minor).toBe(0n);
  });
  test('unknown payer and no unique amount → exception', () => {
    const r = matchParsed({ payments: [pay('1.23', '2026-06-29')], items: [item('A', '5.00', '2026-07-01')] }, opts);
    expect(r.proposals[0]).toMatchObject({ rule: 'exception', decision: 'exception' });
  });
  test('thresholds are configurable', () => {
    const items = [item('B', '50.00', '2026-07-01'), item('A', '50.00', '2026-07-01')];
    const r = matchParsed({ payments: [pay('50.00', '2026-06-29', { customerId: C1 })], items }, { ...opts, thresholds: { autoApply: 95, suggest: 20 } });
    expect(r.proposals[0]?.decision).toBe('suggest');
  });
  test('rejects bad host input with the path', () => {
    expect(() => matchStatement({ payments: [], items: [{ id: '' } as never] }, opts)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: input.items[0].id: Too small: expected string to have >=1 characters; input.items[0].kind: Invalid option: expected one of "invoice"|"creditNote"|"payment"|"deduction"|"interestNote"|"fee"; input.items[0].customerId: Invalid input: expected string, received undefined; input.items[0].currency: Invalid input: expected string, received undefined; input.items[0].residual: Invalid input: expected object, received undefined; and 3 more (see error.issues)]`);
  });
});
