import { describe, expect, test } from 'vitest';
import { analysePriceBook } from '../../src/pricing/analysePriceBook.js';
import { compilePriceBook } from '../../src/pricing/compilePriceBook.js';
import { nearMiss } from '../../src/pricing/nearMiss.js';
import { type PricedLine, priceLine } from '../../src/pricing/priceOrder.js';

const price = (id: string, extra: Record<string, unknown> = {}) => ({
  id, relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '10', ...extra,
});
const disc = (id: string, extra: Record<string, unknown> = {}) => ({
  id, relation: 'lineDiscount', accountCode: 'all', itemCode: 'all', currency: 'EUR', unit: 'pcs', percent1: '5', ...extra,
});

describe('analysePriceBook', () => {
  test('finds overlaps, unreachable records, band gaps and currencies without a rate', () => {
    const book = compilePriceBook({
      agreements: [
        price('p1', { fromQty: '0', toQty: '10' }),
        price('p2', { fromQty: '5', toQty: '20' }),
        price('p3', { fromQty: '50' }),
        price('p4', { fromQty: '0', toQty: '10', fromDate: '2027-01-01', toDate: '2027-12-31', amount: '9' }),
        disc('d1', { findNext: false }),
        disc('d2', { fromQty: '10' }),
        price('u1', { accountCode: 'table', accountRelation: 'C1' }),
        price('x1', { currency: 'USD' }),
      ],
      activation: { price: [false, true, true, true, true, true, true, true, true] },
    });
    expect(analysePriceBook(book, { orderCurrency: 'EUR' }).map((d) => JSON.stringify(d))).toMatchInlineSnapshot(`
      [
        "{"kind":"bandGap","recordIds":["p2","p3"],"from":"20","to":"50"}",
        "{"kind":"currencyWithoutRate","currency":"USD","recordIds":["x1"]}",
        "{"kind":"overlap","recordIds":["d1","d2"]}",
        "{"kind":"overlap","recordIds":["p1","p2"]}",
        "{"kind":"overlap","recordIds":["p1","p4"]}",
        "{"kind":"overlap","recordIds":["p4","p2"]}",
        "{"kind":"unreachable","recordId":"d2","reason":"shadowed","by":"d1"}",
        "{"kind":"unreachable","recordId":"u1","reason":"cellInactive"}",
      ]
    `);
    expect(analysePriceBook(book, { orderCurrency: 'EUR', ratesFrom: ['USD'] }).some((d) => d.kind === 'currencyWithoutRate')).toBe(false);
  });
  test('does not depend on record order', () => {
    const records = [price('p1', { toQty: '10' }), price('p2', { fromQty: '5' }), disc('d1', { findNext: false }), disc('d2')];
    const a = analysePriceBook(compilePriceBook({ agreements: records }), { orderCurrency: 'EUR' });
    const b = analysePriceBook(compilePriceBook({ agreements: [...records].reverse() }), { orderCurrency: 'EUR' });
    expect(b).toEqual(a);
  });
});

describe('nearMiss', () => {
  test('says how much more quantity reaches the next band and the price there', () => {
    const book = compilePriceBook({ agreements: [price('p1', { toQty: '10', amount: '10' }), price('p2', { fromQty: '10', amount: '8' })] });
    const options = { asOf: '2026-01-15', rounding: 'halfUp', combination: 'sum' } as const;
    const line = priceLine(book, { customerId: 'C1' }, 'EUR', { itemId: 'A', quantity: '7', unit: 'pcs' }, options) as PricedLine;
    const hint = nearMiss(book, { customerId: 'C1' }, 'EUR', line, options);
    expect(JSON.stringify(hint)).toMatchInlineSnapshot(`"{"kind":"nextBand","recordId":"p2","addQuantity":"3","atQuantity":"10","unitPrice":"8","lineAmount":{"currency":"EUR","amount":"80.00"}}"`);
    const top = priceLine(book, { customerId: 'C1' }, 'EUR', { itemId: 'A', quantity: '12', unit: 'pcs' }, options) as PricedLine;
    expect(nearMiss(book, { customerId: 'C1' }, 'EUR', top, options)).toEqual({ kind: 'none' });
  });
});
