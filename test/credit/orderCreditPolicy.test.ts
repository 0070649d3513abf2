import { describe, expect, test as it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { memoryOrderPorts } from '../../src/adapters/memory/index.js';
import { calendarDate } from '../../src/calendar/CalendarDate.js';
import { type BlockingRule, creditPolicy } from '../../src/credit/blockingRules.js';
import { creditCheck } from '../../src/credit/creditCheck.js';
import { orderCreditPolicy } from '../../src/credit/orderCreditPolicy.js';
import { money } from '../../src/money/Money.js';
import { confirmOrder, draftSalesOrder } from '../../src/orders/index.js';

const asOf = calendarDate('2026-03-05');
const rules: BlockingRule[] = [{ id: 'OD30', kind: 'daysOverdue', type: 'block', level: 'all', days: 30 }];
const limitCheck = { rounding: 'halfUp', atLimit: 'hold' } as const;
const order = (minor: bigint) => ({ customer: { customerId: 'C-1' }, currency: 'EUR', totals: { total: money(minor, 'EUR') } });
const account = (exposure: bigint, limit: bigint, daysOverdue: number) => () =>
  Promise.resolve({
    data: { customerId: 'C-1', maxDaysOverdue: daysOverdue, overdueAmount: money(daysOverdue > 0 ? exposure : 0n, 'EUR'), exposure: money(exposure, 'EUR'), creditLimit: money(limit, 'EUR') },
    customer: { exposure: money(exposure, 'EUR'), limit: { amount: money(limit, 'EUR') } },
  });
const rank = { pass: 0, warn: 1, hold: 2 } as const;

describe('orderCreditPolicy', () => {
  test.prop([fc.bigInt({ min: 0n, max: 10_000_00n }), fc.bigInt({ min: 1n, max: 10_000_00n }), fc.bigInt({ min: 0n, max: 10_000_00n }), fc.integer({ min: 0, max: 90 })])(
    'answers the stricter of the limit check and the blocking rules, with the reasons of both',
    async (exposure, limit, amount, days) => {
      const verdict = await orderCreditPolicy({ rules, limitCheck, account: account(exposure, limit, days) }).check(order(amount), asOf);
      const acc = await account(exposure, limit, days)();
      const a = creditCheck({ orderAmount: money(amount, 'EUR'), customer: acc.customer }, { ...limitCheck, asOf });
      const b = creditPolicy(rules)({ customer: acc.data, orderAmount: money(amount, 'EUR'), asOf });
      expect(rank[verdict.kind]).toBe(Math.max(rank[a.kind], rank[b.kind]));
      expect(verdict.reasons.map((r) => r.code)).toEqual([...a.reasons.map((r) => r.code), ...b.reasons.map((r) => r.kind)]);
    },
  );

  test.prop([fc.bigInt({ min: 0n, max: 10_000_00n }), fc.bigInt({ min: 1n, max: 10_000_00n }), fc.bigInt({ min: 0n, max: 10_000_00n }), fc.bigInt({ min: 0n, max: 10_000_00n })])(
    'a bigger order is never judged more leniently',
    async (exposure, limit, small, extra) => {
      const policy = orderCreditPolicy({ rules, limitCheck, account: account(exposure, limit, 0) });
      const a = await policy.check(order(small), asOf);
      const b = await policy.check(order(small + extra), asOf);
      expect(rank[b.kind]).toBeGreaterThanOrEqual(rank[a.kind]);
    },
  );

  it('puts an order over the limit on hold at confirmation; one within it is confirmed', async () => {
    const ports = memoryOrderPorts({
      priceBook: { agreements: [{ id: 'P-X', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'X', currency: 'EUR', unit: 'pcs', amount: '100.00' }] },
    });
    const book = await ports.priceBooks.current();
    const creditPolicy = orderCreditPolicy({ rules, limitCheck, account: account(0n, 1000_00n, 0) });
    const statuses: string[] = [];
    for (const [number, quantity] of [['SO-1', '9'], ['SO-2', '12']] as const) {
      const draft = draftSalesOrder({ number, customer: { customerId: 'C-1' }, currency: 'EUR', lines: [{ itemId: 'X', quantity, unit: 'pcs' }] },
        book, { asOf, rounding: 'halfUp', combination: 'sum' });
      if (draft.kind !== 'ordered') throw new Error(draft.kind);
      await ports.salesOrders.save(draft.order, 0);
      const confirmed = await confirmOrder({ salesOrders: ports.salesOrders, creditPolicy }, { orderNumber: number, asOf });
      if (confirmed.kind !== 'saved') throw new Error(confirmed.kind);
      statuses.push(`${confirmed.order.status} ${confirmed.verdict.reasons.map((r) => r.code).join(',')}`);
    }
    expect(statuses).toEqual(['confirmed ', 'onHold limit_exceeded']);
  });
});
