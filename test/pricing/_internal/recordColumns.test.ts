import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { recordsOf, recordWriter } from '../../../src/pricing/_internal/recordColumns.js';
import { compilePriceBook } from '../../../src/pricing/compilePriceBook.js';
import { priceOrder } from '../../../src/pricing/priceOrder.js';
import { type TradeAgreement, TradeAgreementSchema } from '../../../src/pricing/schemas.js';
import { memoryPriceBooks } from '../../../src/adapters/memory/memoryPriceBooks.js';

// Figures from small (shared) to many decimals and beyond exact doubles (kept aside as objects).
const figureArb = fc.oneof(
  fc.integer({ min: 0, max: 2_000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 1, max: 9 })).map(([u, s]) => (u / 10 ** s).toFixed(s)),
  fc.bigInt({ min: 2n ** 53n - 5n, max: 2n ** 70n }).map(String),
  fc.bigInt({ min: 1n, max: 10n ** 6n }).map((u) => `0.${'0'.repeat(20)}${u}`),
);
const dateArb = fc.option(fc.constantFrom('2026-01-01', '2026-06-30', '2027-02-28'), { nil: undefined });

const recordArb = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    relation: fc.constantFrom('price', 'lineDiscount', 'multilineDiscount', 'totalDiscount'),
    accountCode: fc.constantFrom('table', 'group', 'all'),
    account: fc.constantFrom('C1', 'C2', 'G1'),
    item: fc.constantFrom('A', 'B', 'IG1'),
    itemCode: fc.constantFrom('table', 'group', 'all'),
    currency: fc.constantFrom('EUR', 'USD'),
    unit: fc.constantFrom('pcs', 'box'),
    fromQty: figureArb,
    bounded: fc.boolean(),
    fromDate: dateArb,
    toDate: dateArb,
    priceUnit: fc.oneof(fc.constant('1'), figureArb.filter((f) => !/^0*\.?0*$/.test(f))),
    amount: figureArb,
    percent1: fc.constantFrom('0', '2.5', '10', '33.333333333'),
    percent2: fc.constantFrom('0', '1'),
    priceCharges: figureArb,
    findNext: fc.boolean(),
  })
  .map(({ relation, accountCode, account, item, bounded, fromDate, toDate, ...r }) => {
    const itemCode = relation === 'price' ? 'table' : relation === 'totalDiscount' ? 'all' : relation === 'multilineDiscount' && r.itemCode === 'table' ? 'group' : r.itemCode;
    const [from, to] = fromDate !== undefined && toDate !== undefined && toDate < fromDate ? [toDate, fromDate] : [fromDate, toDate];
    return {
      ...r,
      relation,
      accountCode,
      ...(accountCode === 'all' ? {} : { accountRelation: account }),
      itemCode,
      ...(itemCode === 'all' ? {} : { itemRelation: item }),
      // Appending a digit 1 to a decimal other than 0 makes a larger one.
      toQty: !bounded ? '0' : r.fromQty === '0' ? '1' : `${r.fromQty}1`,
      ...(from === undefined ? {} : { fromDate: from }),
      ...(to === undefined ? {} : { toDate: to }),
    };
  })
  .map((input) => TradeAgreementSchema.parse(input));

describe('record columns', () => {
  test.prop([fc.array(recordArb, { maxLength: 40 })])('give back every record as written: same keys in the same order, same values', (records) => {
    const writer = recordWriter(records.length + 3);
    for (const r of records) writer.add(r);
    const back = recordsOf(writer.done());
    expect(back).toHaveLength(records.length);
    back.forEach((r, i) => {
      const source = records[i] as TradeAgreement;
      expect(Object.keys(r)).toEqual(Object.keys(source));
      expect(r).toEqual(source);
    });
  });

  test('share one value per small figure and one string per value, and keep figures beyond doubles as given', () => {
    const parse = (id: string, amount: string) =>
      TradeAgreementSchema.parse({ id, relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: `item-${'x'.repeat(3)}`, currency: 'EUR', unit: 'pcs', amount });
    const writer = recordWriter(3);
    const wide = parse('w', '123456789012345678901234.5');
    for (const r of [parse('a', '9.90'), parse('b', '9.90'), wide]) writer.add(r);
    const [a, b, w] = recordsOf(writer.done()) as [TradeAgreement, TradeAgreement, TradeAgreement];
    expect(a.amount).toBe(b.amount);
    expect(a.itemRelation).toBe(b.itemRelation);
    expect(w.amount).toBe(wide.amount);
  });
});

describe('a compiled book’s agreements', () => {
  const input = {
    agreements: [
      { id: 'p1', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '9.90' },
      { id: 'd1', relation: 'lineDiscount', accountCode: 'all', itemCode: 'all', currency: 'EUR', unit: 'pcs', percent1: '5', fromDate: '2026-01-01' },
    ],
  };

  test('are built on first read, then the same frozen array of frozen records', () => {
    const book = compilePriceBook(input);
    expect(typeof Object.getOwnPropertyDescriptor(book, 'agreements')?.get).toBe('function');
    const first = book.agreements;
    expect(book.agreements).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.every((r) => Object.isFrozen(r))).toBe(true);
    expect(first.map((r) => r.id)).toEqual(['p1', 'd1']);
  });

  test('are not read by a search without trace, and a traced search after them agrees', () => {
    const book = compilePriceBook(input);
    const { agreements: _unread, ...rest } = Object.getOwnPropertyDescriptors(book);
    const guarded = Object.defineProperties({}, { ...rest, agreements: { get: () => expect.unreachable('agreements read') } }) as typeof book;
    const order = { customer: { customerId: 'C1' }, currency: 'EUR', lines: [{ itemId: 'A', quantity: '2', unit: 'pcs' }] };
    const options = { asOf: '2026-03-01', rounding: 'halfUp', combination: 'sum' } as const;
    const quiet = priceOrder(guarded, order, { ...options, trace: false });
    expect(quiet.total.minor).toBe(1881n);
    expect(priceOrder(book, order, options).total).toEqual(quiet.total);
  });

  test('stay frozen in a memory repository', async () => {
    const book = await memoryPriceBooks(input).current();
    expect(Object.isFrozen(book)).toBe(true);
    expect(Object.isFrozen(book.agreements)).toBe(true);
    expect(Object.isFrozen(book.agreements[0])).toBe(true);
  });
});
