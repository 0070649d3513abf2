import { describe, expect, test } from 'vitest';
import { formatMoney } from '../../src/money/formatMoney.js';
import { formatScaled } from '../../src/money/formatScaled.js';
import type { Money } from '../../src/money/Money.js';
import type { Scaled } from '../../src/money/Scaled.js';
import { compilePriceBook } from '../../src/pricing/compilePriceBook.js';
import { explain } from '../../src/pricing/explain.js';
import { type PricedLine, priceLine, priceOrder } from '../../src/pricing/priceOrder.js';

const s = (v: Money | Scaled): string => ('minor' in v ? formatMoney(v) : formatScaled(v));
const opts = { asOf: '2026-01-15', rounding: 'halfUp', combination: 'sum' } as const;
const price = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  relation: 'price',
  accountCode: 'all',
  itemCode: 'table',
  itemRelation: 'A',
  currency: 'EUR',
  unit: 'pcs',
  ...extra,
});
const disc = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  relation: 'lineDiscount',
  accountCode: 'all',
  itemCode: 'all',
  currency: 'EUR',
  unit: 'pcs',
  ...extra,
});
const one = (lines: { itemId: string; quantity: string; unit?: string }[], customer: Record<string, string> = {}) => ({
  customer: { customerId: 'C1', ...customer },
  currency: 'EUR',
  lines: lines.map((l) => ({ unit: 'pcs', ...l })),
});
const priced = (l: unknown): PricedLine => {
  expect((l as PricedLine).kind).toBe('priced');
  return l as PricedLine;
};

describe('reference §1 worked examples', () => {
  test('§1.4 line amount: 1 × ((100 − 10)/5) × (1 − 0.15) = 15.30', () => {
    const book = compilePriceBook({
      agreements: [price('p', { amount: '100', priceUnit: '5' }), disc('d', { amount: '10', percent1: '15' })],
    });
    const line = priced(priceLine(book, { customerId: 'C1' }, 'EUR', { itemId: 'A', quantity: '1', unit: 'pcs' }, opts));
    expect(s(line.lineAmount)).toBe('EUR 15.30');
    expect(s(priceOrder(book, one([{ itemId: 'A', quantity: '1' }]), opts).total)).toBe('EUR 15.30');
  });

  test('§1.4 percentages 1 and 2 compound: 100 × 0.9 × 0.95 = 85.50', () => {
    const book = compilePriceBook({ agreements: [price('p', { amount: '100' }), disc('d', { percent1: '10', percent2: '5' })] });
    expect(s(priced(priceOrder(book, one([{ itemId: 'A', quantity: '1' }]), opts).lines[0]).lineAmount)).toBe('EUR 85.50');
  });

  test('§1.3 discounts with find next accumulate: 5 % + 10 % = 15 %', () => {
    const book = compilePriceBook({
      agreements: [price('p', { amount: '100' }), disc('d1', { accountCode: 'table', accountRelation: 'C1', percent1: '5' }), disc('d2', { percent1: '10' })],
    });
    const line = priced(priceOrder(book, one([{ itemId: 'A', quantity: '1' }]), opts).lines[0]);
    expect(line.lineDiscount.recordIds).toEqual(['d1', 'd2']);
    expect(s(line.lineAmount)).toBe('EUR 85.00');
  });

  test('§1.3 a discount with find next off stops the walk at the most specific record', () => {
    const book = compilePriceBook({
      agreements: [
        price('p', { amount: '100' }),
        disc('d1', { accountCode: 'table', accountRelation: 'C1', percent1: '5', findNext: false }),
        disc('d2', { percent1: '10' }),
      ],
    });
    const line = priced(priceOrder(book, one([{ itemId: 'A', quantity: '1' }]), opts).lines[0]);
    expect(line.lineDiscount.recordIds).toEqual(['d1']);
    expect(s(line.lineAmount)).toBe('EUR 95.00');
  });

  test('§1.3 prices: find next on takes the lowest, off takes the first hit, none falls back to the base price', () => {
    const specific = price('p1', { accountCode: 'table', accountRelation: 'C1', amount: '12' });
    const general = price('p9', { amount: '10' });
    const on = compilePriceBook({ agreements: [specific, general] });
    expect(s(priced(priceOrder(on, one([{ itemId: 'A', quantity: '1' }]), opts).lines[0]).unitPrice)).toBe('10');
    const off = compilePriceBook({ agreements: [{ ...specific, findNext: false }, general] });
    expect(s(priced(priceOrder(off, one([{ itemId: 'A', quantity: '1' }]), opts).lines[0]).unitPrice)).toBe('12');
    const base = compilePriceBook({ agreements: [], basePrices: [{ itemId: 'A', currency: 'EUR', unit: 'pcs', price: '7.50' }] });
    const l = priced(priceOrder(base, one([{ itemId: 'A', quantity: '2' }]), opts).lines[0]);
    expect(l.priceSource).toEqual({ kind: 'basePrice' });
    expect(s(l.lineAmount)).toBe('EUR 15.00');
  });

  test('§1.2 quantity bands: from inclusive, to exclusive, 0 unbounded ("1 to 10 → 5 %, above 10 → 7 %")', () => {
    const book = compilePriceBook({
      agreements: [price('p', { amount: '10' }), disc('d5', { fromQty: '1', toQty: '10', percent1: '5' }), disc('d7', { fromQty: '10', percent1: '7' })],
    });
    const at = (q: string) => priced(priceOrder(book, one([{ itemId: 'A', quantity: q }]), opts).lines[0]).lineDiscount.recordIds;
    expect(at('9.99')).toEqual(['d5']);
    expect(at('10')).toEqual(['d7']);
    expect(at('1000')).toEqual(['d7']);
  });

  test('§1.2 price unit: 10.00 per 50 is 0.20 for one', () => {
    const book = compilePriceBook({ agreements: [price('p', { amount: '10', priceUnit: '50' })] });
    expect(s(priced(priceOrder(book, one([{ itemId: 'A', quantity: '1' }]), opts).lines[0]).lineAmount)).toBe('EUR 0.20');
  });

  test('§1.6 multiline discount uses the quantity summed over the lines of the group', () => {
    const book = compilePriceBook({
      agreements: [
        price('pA', { amount: '10' }),
        price('pB', { itemRelation: 'B', amount: '20' }),
        { id: 'm', relation: 'multilineDiscount', accountCode: 'all', itemCode: 'group', itemRelation: 'G', currency: 'EUR', fromQty: '10', percent1: '10' },
      ],
      items: [
        { itemId: 'A', multilineDiscountGroup: 'G' },
        { itemId: 'B', multilineDiscountGroup: 'G' },
      ],
    });
    const order = priceOrder(book, one([{ itemId: 'A', quantity: '6' }, { itemId: 'B', quantity: '4' }]), opts);
    expect(order.lines.map((l) => s(priced(l).lineAmount))).toEqual(['EUR 54.00', 'EUR 72.00']);
    const alone = priceOrder(book, one([{ itemId: 'A', quantity: '6' }]), opts);
    expect(s(priced(alone.lines[0]).lineAmount)).toBe('EUR 60.00');
  });

  test('§1.5 the six combination modes on line 10 % and multiline 20 %', () => {
    const book = compilePriceBook({
      agreements: [
        price('p', { amount: '100' }),
        disc('l', { percent1: '10' }),
        { id: 'm', relation: 'multilineDiscount', accountCode: 'all', itemCode: 'all', currency: 'EUR', percent1: '20' },
      ],
      items: [{ itemId: 'A', multilineDiscountGroup: 'G' }],
    });
    const amount = (combination: string) =>
      s(priced(priceOrder(book, one([{ itemId: 'A', quantity: '1' }]), { ...opts, combination }).lines[0]).lineAmount);
    expect(['line', 'multiline', 'max', 'min', 'sum', 'compound'].map(amount)).toEqual([
      'EUR 90.00',
      'EUR 80.00',
      'EUR 80.00',
      'EUR 90.00',
      'EUR 70.00',
      'EUR 72.00',
    ]);
  });

  test('§1.7 total discount on eligible lines, spread so lines sum to the total', () => {
    const book = compilePriceBook({
      agreements: [
        price('pA', { amount: '33.33' }),
        price('pB', { itemRelation: 'B', amount: '10' }),
        { id: 't', relation: 'totalDiscount', accountCode: 'all', itemCode: 'all', currency: 'EUR', fromQty: '50', percent1: '3' },
      ],
      items: [{ itemId: 'B', totalDiscountEligible: false }],
    });
    const order = priceOrder(book, one([{ itemId: 'A', quantity: '1' }, { itemId: 'A', quantity: '2' }, { itemId: 'B', quantity: '1' }]), opts);
    expect(s(order.totalDiscount.eligibleTotal)).toBe('EUR 99.99');
    expect(s(order.totalDiscount.amount)).toBe('EUR 3.00');
    expect(s(order.total)).toBe('EUR 106.99');
    const nets = order.lines.map((l) => priced(l).netAmount.minor);
    expect(nets.reduce((a, b) => a + b, 0n)).toBe(order.total.minor);
    expect(priced(order.lines[2]).totalDiscountShare.minor).toBe(0n);
  });

  test('no price is a result with a trace', () => {
    const book = compilePriceBook({ agreements: [price('p', { amount: '1', fromDate: '2027-01-01' })] });
    const line = priceOrder(book, one([{ itemId: 'A', quantity: '1' }]), opts).lines[0];
    expect(line?.kind).toBe('noPrice');
    expect(explain(line?.trace ?? [])).toMatchInlineSnapshot(`
      "price cell 1 (table × table)
      price cell 4 skipped: noGroup
      price cell 7 (all × table)
        p: rejected: outside its dates
      no price: no agreement and no base price"
    `);
  });

  test('unit conversion and generic currency fallbacks', () => {
    const book = compilePriceBook({
      agreements: [{ ...price('p', { amount: '2', unit: 'kg', currency: 'USD' }) }],
    });
    const order = priceOrder(book, one([{ itemId: 'A', quantity: '3', unit: 'box' }]), {
      ...opts,
      unitConversions: [{ from: 'box', to: 'kg', factor: '5' }],
      genericCurrency: { currency: 'USD', rate: '0.9' },
    });
    const line = priced(order.lines[0]);
    expect(line.unit).toBe('kg');
    expect(s(line.lineAmount)).toBe('EUR 27.00');
    expect(explain(line.trace)).toMatchInlineSnapshot(`
      "generic currency USD at rate 0.9
      price cell 1 (table × table)
      price cell 4 skipped: noGroup
      price cell 7 (all × table)
        p (generic currency): rejected: another unit
      converted 1 box = 5 kg
      price cell 1 (table × table)
      price cell 4 skipped: noGroup
      price cell 7 (all × table)
        p (generic currency): matched
      price 1.8 per 1 from p
      combination sum: discount amount 0, percentages 0 then 0
      total discount share EUR 0.00"
    `);
  });
});

describe('traces', () => {
  test('inactive cells and generic currency without a rate are traced, not thrown', () => {
    const book = compilePriceBook({
      agreements: [price('p1', { accountCode: 'table', accountRelation: 'C1', amount: '5' }), price('p9', { amount: '9', currency: 'USD' })],
      activation: { price: [false, true, true, true, true, true, true, true, true] },
    });
    const line = priceOrder(book, one([{ itemId: 'A', quantity: '1' }]), { ...opts, genericCurrency: { currency: 'USD' } }).lines[0];
    expect(line?.kind).toBe('noPrice');
    expect(explain(line?.trace ?? [])).toMatchInlineSnapshot(`
      "price cell 1 skipped: inactive
      price cell 4 skipped: noGroup
      price cell 7 (all × table)
        p9 (generic currency): rejected: generic currency without a rate
      no price: no agreement and no base price"
    `);
  });
});

describe('errors', () => {
  test('a bad record names its id and field', () => {
    expect(() => compilePriceBook({ agreements: [price('p1', { itemCode: 'group', itemRelation: 'G' })] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: agreements.id:p1.itemCode: a price agreement takes item code table (reference §1.1)]`);
    expect(() => compilePriceBook({ agreements: [price('p1', { percent1: '101', toQty: '-1' })] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: agreements.id:p1.toQty: must not be negative; agreements.id:p1.percent1: is a percentage: use 0–100; agreements.id:p1.toQty: must be above fromQty (it is exclusive), or 0 for unbounded]`);
    expect(() => compilePriceBook({ agreements: [price('p1'), price('p1')] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: agreements.id:p1.id: duplicate agreement id "p1": ids must be unique]`);
  });
  test('a bad order line names its index', () => {
    const book = compilePriceBook({ agreements: [] });
    expect(() => priceOrder(book, one([{ itemId: 'A', quantity: '1.5' }, { itemId: 'A', quantity: '0' }]), opts)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: order.lines[1].quantity: must be greater than zero]`);
  });
});
