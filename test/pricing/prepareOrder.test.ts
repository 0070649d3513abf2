import { describe, expect, test } from 'vitest';
import { compilePriceBook } from '../../src/pricing/compilePriceBook.js';
import { prepareOrder } from '../../src/pricing/prepareOrder.js';
import { priceOrder } from '../../src/pricing/priceOrder.js';

const book = compilePriceBook({
  agreements: [{ id: 'p1', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '100', priceUnit: '5' }],
});
const options = { asOf: '2026-01-15', rounding: 'halfUp', combination: 'sum', trace: false } as const;
const order = { customer: { customerId: 'C1' }, currency: 'EUR', lines: [{ itemId: 'A', quantity: '3', unit: 'pcs' }] };

describe('prepareOrder', () => {
  test('a prepared order is frozen and prices without being parsed again', () => {
    const ready = prepareOrder(order);
    expect(Object.isFrozen(ready) && Object.isFrozen(ready.lines) && Object.isFrozen(ready.lines[0]) && Object.isFrozen(ready.customer)).toBe(true);
    expect(priceOrder(book, ready, options).total.minor).toBe(6000n);
  });

  test('a copy of a prepared order is parsed like any input', () => {
    const ready = prepareOrder(order);
    const copy = { ...ready, lines: [{ ...ready.lines[0], quantity: -1 }] };
    expect(() => priceOrder(book, copy, options)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: order.lines[0].quantity: must be greater than zero]`);
  });

  test('names the bad field', () => {
    expect(() => prepareOrder({ ...order, lines: [{ itemId: 'A', quantity: '0', unit: 'pcs' }] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: order.lines[0].quantity: must be greater than zero]`);
  });
});
