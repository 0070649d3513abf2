import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { calendarDate } from '../../src/calendar/CalendarDate.js';
import { type BlockingRule, type CustomerCreditData, creditPolicy, evaluateBlockingRules } from '../../src/credit/blockingRules.js';
import { money } from '../../src/money/Money.js';
import { dec, eur } from '../helpers.js';

const asOf = calendarDate('2026-03-31');
const customer: CustomerCreditData = {
  customerId: 'C1',
  groupId: 'G1',
  maxDaysOverdue: 12,
  overdueAmount: eur('800'),
  exposure: eur('5000'),
  creditLimit: eur('10000'),
  accountStatus: 'active',
};
const used90: BlockingRule = { id: 'used90', kind: 'creditLimitUsed', type: 'block', level: 'all', percent: dec('90') };
const overdue10: BlockingRule = { id: 'od10', kind: 'daysOverdue', type: 'block', level: 'all', days: 10 };

describe('evaluateBlockingRules', () => {
  test('credit limit used 90 %: limit 10,000, balance 5,000, order 4,500 held, 3,999 passes (B.5)', () => {
    expect(evaluateBlockingRules(customer, eur('4500'), [used90], { asOf })).toEqual({ kind: 'hold', reasons: [{ ruleId: 'used90', kind: 'creditLimitUsed', level: 'all', overridden: false }] });
    expect(evaluateBlockingRules(customer, eur('3999'), [used90], { asOf }).kind).toBe('pass');
  });
  test('a customer exclusion of the same value type lifts an all-level block; one at the same level does not', () => {
    const excl = (level: 'customer' | 'all'): BlockingRule => ({ id: `x-${level}`, kind: 'daysOverdue', type: 'exclude', level, scopeId: level === 'customer' ? 'C1' : undefined, days: 20 } as BlockingRule);
    expect(evaluateBlockingRules(customer, eur('1'), [overdue10, excl('customer')], { asOf }).kind).toBe('warn');
    expect(evaluateBlockingRules(customer, eur('1'), [overdue10, excl('all')], { asOf }).kind).toBe('hold');
    const amountExcl: BlockingRule = { id: 'xa', kind: 'daysOverdue', type: 'exclude', level: 'customer', scopeId: 'C1', valueType: 'amount', amount: eur('1000') };
    expect(evaluateBlockingRules(customer, eur('1'), [overdue10, amountExcl], { asOf }).kind).toBe('hold');
  });
  test('an exclusion with releaseOrder short-circuits every rule', () => {
    const release: BlockingRule = { id: 'vip', kind: 'accountStatus', type: 'exclude', level: 'group', scopeId: 'G1', values: ['active'], releaseOrder: true };
    expect(evaluateBlockingRules(customer, eur('99999'), [used90, overdue10, release], { asOf })).toEqual({ kind: 'pass', reasons: [], releasedBy: 'vip' });
  });
  test('the other rule kinds', () => {
    const rules: BlockingRule[] = [
      { id: 'status', kind: 'accountStatus', type: 'block', level: 'all', values: ['stopped'] },
      { id: 'terms', kind: 'paymentTerms', type: 'block', level: 'all', values: ['Net90'] },
      { id: 'exp', kind: 'limitExpired', type: 'block', level: 'all', days: 5 },
      { id: 'oda', kind: 'overdueAmount', type: 'block', level: 'all', amount: eur('500'), percent: dec('60') },
      { id: 'order', kind: 'orderAmount', type: 'block', level: 'all', amount: eur('2000') },
      { id: 'rank', kind: 'termsRankIncrease', type: 'block', level: 'all' },
      { id: 'disc', kind: 'discountRankIncrease', type: 'block', level: 'all' },
    ];
    const bad: CustomerCreditData = { ...customer, accountStatus: 'stopped', paymentTerms: 'Net90', limitExpires: calendarDate('2026-03-20'), orderTermsRank: 3, defaultTermsRank: 2, orderDiscountRank: 1, defaultDiscountRank: 1 };
    expect(evaluateBlockingRules(bad, eur('2500'), rules, { asOf }).reasons.map((r) => r.ruleId)).toEqual(['status', 'terms', 'exp', 'oda', 'order', 'rank']);
    expect(evaluateBlockingRules(customer, eur('100'), rules, { asOf }).kind).toBe('pass');
  });
  test('excluded or suspended customers pass', () => {
    expect(evaluateBlockingRules({ ...customer, excludedFromCreditManagement: true }, eur('99999'), [used90], { asOf }).kind).toBe('pass');
    expect(evaluateBlockingRules({ ...customer, ignoreUntil: asOf }, eur('99999'), [used90], { asOf }).kind).toBe('pass');
  });
  const big = fc.bigInt({ min: 0n, max: 10n ** 9n });
  test.prop([big, big, big, big, fc.integer({ min: 0, max: 150 })])('raising the limit never creates a hold; raising the order never releases one', (exposure, limit, order, raise, pct) => {
    const rules: BlockingRule[] = [{ ...used90, percent: dec(pct) }, { id: 'oda', kind: 'overdueAmount', type: 'block', level: 'all', amount: eur('0'), percent: dec(pct) }];
    const c = { ...customer, exposure: money(exposure, 'EUR'), creditLimit: money(limit, 'EUR') };
    const before = evaluateBlockingRules(c, money(order, 'EUR'), rules, { asOf }).kind;
    const higherLimit = evaluateBlockingRules({ ...c, creditLimit: money(limit + raise, 'EUR') }, money(order, 'EUR'), rules, { asOf }).kind;
    const biggerOrder = evaluateBlockingRules(c, money(order + raise, 'EUR'), rules, { asOf }).kind;
    if (before !== 'hold') expect(higherLimit).not.toBe('hold');
    if (before === 'hold') expect(biggerOrder).toBe('hold');
  });
  test('creditPolicy is what order confirmation calls', () => {
    const policy = creditPolicy([overdue10]);
    expect(policy({ customer, orderAmount: eur('1'), asOf }).kind).toBe('hold');
    expect(policy({ customer: { ...customer, maxDaysOverdue: 0 }, orderAmount: eur('1'), asOf }).kind).toBe('pass');
  });
  test('names a bad rule', () => {
    expect(() => creditPolicy([{ ...overdue10, kind: 'nope' as never }])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: rules[0].kind: Invalid option: expected one of "daysOverdue"|"accountStatus"|"paymentTerms"|"limitExpired"|"overdueAmount"|"orderAmount"|"creditLimitUsed"|"termsRankIncrease"|"discountRankIncrease"]`);
  });
});
