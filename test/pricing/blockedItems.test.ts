import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { compilePriceBook } from '../../src/pricing/compilePriceBook.js';
import { explain } from '../../src/pricing/explain.js';
import { type LineOutcome, priceOrder } from '../../src/pricing/priceOrder.js';
import { pricingScenarioArb } from '../../src/testkit/pricingArbitraries.js';

const withoutIndex = ({ lineIndex: _, ...rest }: LineOutcome): Omit<LineOutcome, 'lineIndex'> => rest;

describe('items stopped for sales', () => {
  test.prop([pricingScenarioArb(), fc.nat(), fc.boolean()])('a line of a blocked item is blocked, and the order prices as if it were not there', (s, pick, trace) => {
    const items = [...new Set(s.order.lines.map((l) => l.itemId))];
    const blocked = items[pick % items.length] as string;
    const book = compilePriceBook({ ...s.book, items: s.book.items.map((a) => (a.itemId === blocked ? { ...a, blocked: true } : a)) });
    const options = { ...s.options, trace };
    const priced = priceOrder(book, s.order, options);
    s.order.lines.forEach((l, i) => expect(priced.lines[i]?.kind === 'blocked').toBe(l.itemId === blocked));
    const kept = s.order.lines.filter((l) => l.itemId !== blocked);
    if (kept.length === 0) {
      expect(priced.total.minor).toBe(0n);
      expect(priced.subtotal.minor).toBe(0n);
      return;
    }
    const alone = priceOrder(book, { ...s.order, lines: kept }, options);
    expect(priced.lines.filter((l) => l.kind !== 'blocked').map(withoutIndex)).toEqual(alone.lines.map(withoutIndex));
    expect([priced.subtotal, priced.totalDiscount, priced.total]).toEqual([alone.subtotal, alone.totalDiscount, alone.total]);
  });

  test('the outcome and its explanation', () => {
    const book = compilePriceBook({
      agreements: [{ id: 'p1', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '9.90' }],
      items: [{ itemId: 'A', blocked: true }, { itemId: 'B' }],
      basePrices: [{ itemId: 'B', currency: 'EUR', unit: 'pcs', price: '5.00' }],
    });
    const order = { customer: { customerId: 'C1' }, currency: 'EUR', lines: [{ lineId: '1', itemId: 'A', quantity: '2', unit: 'pcs' }, { lineId: '2', itemId: 'B', quantity: '1', unit: 'pcs' }] };
    const priced = priceOrder(book, order, { asOf: '2026-01-15', rounding: 'halfUp', combination: 'sum' });
    expect(priced.lines[0]).toEqual({ kind: 'blocked', lineIndex: 0, lineId: '1', itemId: 'A', trace: [{ kind: 'blocked' }] });
    expect(priced.total.minor).toBe(500n);
    expect(explain(priced.lines[0]?.trace ?? [])).toBe('item stopped for sales: not priced');
  });
});
