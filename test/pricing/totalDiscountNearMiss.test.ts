import { describe, expect, test } from 'vitest';
import { compilePriceBook } from '../../src/pricing/compilePriceBook.js';
import { priceOrder } from '../../src/pricing/priceOrder.js';
import { totalDiscountNearMiss } from '../../src/pricing/totalDiscountNearMiss.js';

const total = (id: string, extra: Record<string, unknown>) => ({ id, relation: 'totalDiscount', accountCode: 'all', itemCode: 'all', currency: 'EUR', ...extra });
const book = compilePriceBook({
  agreements: [
    { id: 'p1', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '10' },
    total('t1', { fromQty: '0', toQty: '100', percent1: '1' }),
    total('t2', { fromQty: '100', toQty: '500', percent1: '2' }),
    total('t3', { fromQty: '500', percent1: '3', percent2: '1' }),
    total('t4', { fromQty: '150', currency: 'USD', percent1: '9' }),
    total('t5', { fromQty: '120', percent1: '9', toDate: '2025-12-31' }),
  ],
});
const options = { asOf: '2026-01-15', rounding: 'halfUp', combination: 'sum' } as const;
const customer = { customerId: 'C1' };
const orderOf = (qty: string) => priceOrder(book, { customer, currency: 'EUR', lines: [{ itemId: 'A', quantity: qty, unit: 'pcs' }] }, options);

describe('totalDiscountNearMiss', () => {
  test('says how much more eligible amount reaches the next total-discount band and the discount there', () => {
    const hint = totalDiscountNearMiss(book, customer, orderOf('7'), options);
    expect(JSON.stringify(hint)).toMatchInlineSnapshot(`"{"kind":"nextBand","recordId":"t2","addAmount":{"currency":"EUR","amount":"30.00"},"atAmount":{"currency":"EUR","amount":"100.00"},"percent1":"2","percent2":"0","recordIds":["t2"]}"`);
    const next = totalDiscountNearMiss(book, customer, orderOf('10'), options);
    expect(next.kind === 'nextBand' && next.recordId).toBe('t3');
  });

  test('none above the last band', () => {
    expect(totalDiscountNearMiss(book, customer, orderOf('60'), options)).toEqual({ kind: 'none' });
  });
});
