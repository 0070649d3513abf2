import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { formatScaled } from '../../src/money/formatScaled.js';
import { compilePriceBook } from '../../src/pricing/compilePriceBook.js';
import { TradeAgreementSchema } from '../../src/pricing/schemas.js';
import { prepareOrder } from '../../src/pricing/prepareOrder.js';
import { type PricedOrder, priceOrder } from '../../src/pricing/priceOrder.js';
import { type PricingScenario, pricingScenarioArb } from '../../src/testkit/pricingArbitraries.js';
import { deepFreeze, Oracle } from '../helpers.js';
import { type NaiveOrder, naivePriceOrder } from './naive.js';

function run(s: PricingScenario): PricedOrder {
  return priceOrder(compilePriceBook(s.book), s.order, s.options);
}

function summary(o: PricedOrder): NaiveOrder {
  return {
    lines: o.lines.map((l) =>
      l.kind !== 'priced'
        ? { kind: 'noPrice' }
        : {
            kind: 'priced',
            unit: l.unit,
            unitPrice: new Oracle(formatScaled(l.unitPrice)).toString(),
            lineAmount: l.lineAmount.minor,
            netAmount: l.netAmount.minor,
            lineDiscountIds: [...l.lineDiscount.recordIds],
            multilineDiscountIds: [...l.multilineDiscount.recordIds],
          },
    ),
    total: o.total.minor,
    totalDiscount: o.totalDiscount.amount.minor,
  };
}

const shuffled = <T>(xs: readonly T[], seed: number): T[] => {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

describe('priceOrder', () => {
  test.prop([pricingScenarioArb()])('the compiled book agrees with the naive linear scan (decimal.js oracle)', (s) => {
    expect(summary(run(s))).toEqual(naivePriceOrder(s.book, s.order, s.options));
  });

  test.prop([pricingScenarioArb(), fc.nat()])('does not depend on the order of records', (s, seed) => {
    const again = { ...s, book: { ...s.book, agreements: shuffled(s.book.agreements, seed) } };
    expect(summary(run(again))).toEqual(summary(run(s)));
  });

  test.prop([pricingScenarioArb(), fc.nat()])('does not depend on the order of lines', (s, seed) => {
    const perm = shuffled(s.order.lines.map((_, i) => i), seed);
    const again = { ...s, order: { ...s.order, lines: perm.map((i) => s.order.lines[i] as PricingScenario['order']['lines'][number]) } };
    const a = summary(run(s));
    const b = summary(run(again));
    expect(b.total).toBe(a.total);
    // Each line's own amount is the same; total-discount shares may move between equal lines on ties.
    expect(perm.map((i) => a.lines[i]).map((l) => (l?.kind === 'priced' ? l.lineAmount : -1n))).toEqual(b.lines.map((l) => (l.kind === 'priced' ? l.lineAmount : -1n)));
  });

  test.prop([pricingScenarioArb()])('adding a record that cannot match changes nothing', (s) => {
    const never = { id: 'zz-never', relation: 'price', accountCode: 'table', accountRelation: 'nobody', itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '0.01' };
    const expired = { id: 'zz-expired', relation: 'lineDiscount', accountCode: 'all', itemCode: 'all', currency: 'EUR', unit: 'pcs', percent1: '50', toDate: '2000-01-01', findNext: false };
    const again = { ...s, book: { ...s.book, agreements: [...s.book.agreements, never, expired] } };
    expect(summary(run(again))).toEqual(summary(run(s)));
  });

  // Collapsing the keys puts 10–30 records on one key, above the size where a bucket gets its
  // day/band interval index; without traces the index is what the search uses.
  test.prop([pricingScenarioArb({ maxAgreements: 60 })])('large buckets (interval index) agree with the naive linear scan', (s) => {
    const agreements = s.book.agreements.map((a) => ({
      ...a,
      accountCode: 'all',
      currency: 'EUR',
      unit: 'pcs',
      ...(a['relation'] === 'price' ? { itemRelation: 'A' } : a['relation'] === 'lineDiscount' ? { itemCode: 'all' } : {}),
    }));
    const book = { ...s.book, agreements };
    const order = { ...s.order, lines: s.order.lines.map((l) => ({ ...l, itemId: 'A', unit: 'pcs' })) };
    const quiet = priceOrder(compilePriceBook(book), order, { ...s.options, trace: false });
    expect(summary(quiet)).toEqual(naivePriceOrder(book, order, s.options));
    expect(summary(quiet)).toEqual(summary(priceOrder(compilePriceBook(book), prepareOrder(order), s.options)));
  });

  test.prop([pricingScenarioArb()])('a prepared order prices like the raw one', (s) => {
    const book = compilePriceBook(s.book);
    expect(summary(priceOrder(book, prepareOrder(s.order), s.options))).toEqual(summary(priceOrder(book, s.order, s.options)));
  });

  test.prop([pricingScenarioArb()])('lines sum exactly to the order total after the total discount', (s) => {
    const o = run(s);
    let sum = 0n;
    for (const l of o.lines) if (l.kind === 'priced') sum += l.netAmount.minor;
    expect(sum).toBe(o.total.minor);
    expect(o.subtotal.minor - o.totalDiscount.amount.minor).toBe(o.total.minor);
  });

  test.prop([pricingScenarioArb()])('trace: false changes only the traces', (s) => {
    const quiet = priceOrder(compilePriceBook(s.book), s.order, { ...s.options, trace: false });
    expect(summary(quiet)).toEqual(summary(run(s)));
    expect(quiet.lines.every((l) => l.trace.length === 0)).toBe(true);
  });

  // Without traces prices and line discounts come from the compact index (flat arrays), with
  // the object index as fallback; every figure of every line must equal the traced search's.
  // (A generic currency turns the compact index off: these scenarios have none.)
  const untraced = (o: PricedOrder) => ({ ...o, trace: [], lines: o.lines.map((l) => ({ ...l, trace: [] })) });
  const ownCurrency = (s: PricingScenario): PricingScenario => {
    const { genericCurrency: _, ...options } = s.options;
    return { ...s, options };
  };
  // One item, unit and currency: most records meet every line, in several cells at once.
  const crowded = (s: PricingScenario): PricingScenario => ({
    ...s,
    book: { ...s.book, agreements: s.book.agreements.map((a) => ({ ...a, currency: 'EUR', unit: 'pcs', ...(a['itemCode'] === 'table' ? { itemRelation: 'A' } : {}) })) },
    order: { ...s.order, lines: s.order.lines.map((l) => ({ ...l, itemId: 'A', unit: 'pcs' })) },
  });
  test.prop([fc.oneof(pricingScenarioArb().map(ownCurrency), pricingScenarioArb().map(ownCurrency).map(crowded))])('without traces every figure equals the traced search', (s) => {
    // The first search of a fresh book may run before its object index exists (built when first
    // needed, then kept); the last after.
    const book = compilePriceBook(s.book);
    const quiet = untraced(priceOrder(book, s.order, { ...s.options, trace: false }));
    expect(quiet).toEqual(untraced(priceOrder(book, s.order, s.options)));
    expect(book.index.objects()).toBe(book.index.objects());
    expect(untraced(priceOrder(book, s.order, { ...s.options, trace: false }))).toEqual(quiet);
  });

  // Without traces the discounts an order's lines find are remembered by their records (32
  // slots by a hash of the records' offsets), so that lines finding the same records share one
  // result: with many lines, many distinct discounts share slots, and each line must still get
  // its own records' sums.
  test.prop([fc.oneof(pricingScenarioArb({ maxAgreements: 60, maxLines: 80 }).map(ownCurrency), pricingScenarioArb({ maxAgreements: 60, maxLines: 80 }).map(ownCurrency).map(crowded))])(
    'orders of many lines get the discounts of the traced search',
    (s) => {
      const book = compilePriceBook(s.book);
      expect(untraced(priceOrder(book, s.order, { ...s.options, trace: false }))).toEqual(untraced(priceOrder(book, s.order, s.options)));
    },
  );

  // An item's row tells which account groups may have a group × item bucket, one bit per group
  // number modulo 32: with 70 groups (numbered first by records on an item no line names), bits
  // are shared and a set bit does not mean a bucket.
  const manyGroups = fc.tuple(pricingScenarioArb().map(ownCurrency), fc.array(fc.nat(69), { minLength: 30, maxLength: 30 }), fc.nat(69)).map(([s, groups, own]): PricingScenario => {
    const group = (i: number) => `G${groups[i % groups.length] as number}`;
    const numbering = Array.from({ length: 70 }, (_, k) => ({ id: `g${k}`, relation: 'price', accountCode: 'group', accountRelation: `G${k}`, itemCode: 'table', itemRelation: 'Z', currency: 'EUR', unit: 'pcs', amount: '1' }));
    const agreements = [...numbering, ...s.book.agreements.map((a, i) => (a['accountCode'] === 'group' ? { ...a, accountRelation: group(i) } : a))];
    const customer = { ...s.order.customer, priceGroup: group(own), lineDiscountGroup: group(own + 1) };
    return { ...s, book: { ...s.book, agreements }, order: { ...s.order, customer } };
  });
  test.prop([manyGroups])('with many account groups, the group × item cells price as the traced search', (s) => {
    const book = compilePriceBook(s.book);
    expect(untraced(priceOrder(book, s.order, { ...s.options, trace: false }))).toEqual(untraced(priceOrder(book, s.order, s.options)));
  });

  // Without traces a record's id is cut from one string of every id, where it is found by its
  // start and length, both kept in one double: ids of any characters and lengths come out whole
  // (suffix `#i` keeps them distinct), and a bucket holding an id too long for that double is
  // searched through the object index.
  const renamed = fc.tuple(pricingScenarioArb().map(ownCurrency), fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 8 })).map(
    ([s, names]): PricingScenario => ({ ...s, book: { ...s.book, agreements: s.book.agreements.map((a, i) => ({ ...a, id: `${names[i % names.length] as string}#${i}` })) } }),
  );
  test.prop([renamed])('record ids of any characters and lengths come out whole without traces', (s) => {
    const book = compilePriceBook(s.book);
    expect(untraced(priceOrder(book, s.order, { ...s.options, trace: false }))).toEqual(untraced(priceOrder(book, s.order, s.options)));
  });
  test('an id of over 2^21 characters sends its bucket to the object index, and comes out whole', () => {
    const long = 'L'.repeat(2 ** 21 + 1);
    const book = compilePriceBook({
      agreements: [
        { id: 'short', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '2' },
        { id: long, relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'B', currency: 'EUR', unit: 'pcs', amount: '3' },
      ],
    });
    const order = { customer: { customerId: 'C' }, currency: 'EUR', lines: [{ itemId: 'A', quantity: '1', unit: 'pcs' }, { itemId: 'B', quantity: '1', unit: 'pcs' }] };
    const ids = priceOrder(book, order, { asOf: '2026-01-01', rounding: 'halfUp', combination: 'sum', trace: false }).lines.map((l) => (l.kind === 'priced' && l.priceSource.kind === 'agreement' ? l.priceSource.recordId : ''));
    expect(ids).toEqual(['short', long]);
  });

  // Amounts scaled up to 10^10–10^17 units pass or overflow the compact index's exact doubles
  // (bucket figures, price comparisons, discount sums), which then fall back to bigints.
  test.prop([pricingScenarioArb().map(ownCurrency), fc.constantFrom(8n, 11n, 13n)])('figures beyond exact doubles price as the traced search', (s, power) => {
    const scaleUp = (amount: unknown) => String(BigInt(String(amount).replace('.', '')) * 10n ** power);
    const agreements = s.book.agreements.map((a) => (a['relation'] === 'price' || a['relation'] === 'lineDiscount' ? { ...a, amount: scaleUp(a['amount']) } : a));
    const book = compilePriceBook({ ...s.book, agreements });
    const quiet = priceOrder(book, s.order, { ...s.options, trace: false });
    expect(untraced(quiet)).toEqual(untraced(priceOrder(book, s.order, s.options)));
    expect(summary(quiet)).toEqual(naivePriceOrder({ ...s.book, agreements }, s.order, s.options));
  });

  test.prop([pricingScenarioArb()])('the compiled book keeps each record as parsed: same keys in the same order, same values', (s) => {
    // Records are copied after parsing (small figures and strings shared); a copy must not change one.
    const book = compilePriceBook({ agreements: [...s.book.agreements, ...s.book.agreements.map((a) => ({ ...a, id: `${String(a['id'])}-again` }))] });
    book.agreements.forEach((a, i) => {
      const source = i < s.book.agreements.length ? s.book.agreements[i] : { ...s.book.agreements[i - s.book.agreements.length], id: a.id };
      const parsed = TradeAgreementSchema.parse(source);
      expect(Object.keys(a)).toEqual(Object.keys(parsed));
      expect(a).toEqual(parsed);
    });
  });

  test.prop([pricingScenarioArb()])('never mutates its inputs', (s) => {
    const frozen = deepFreeze(structuredClone(s));
    const book = compilePriceBook(frozen.book);
    expect(() => priceOrder(book, frozen.order, frozen.options)).not.toThrow();
    expect(frozen).toEqual(s);
  });

  test.prop([pricingScenarioArb()])('with find next on everywhere, the price is the lowest matching unit price', (s) => {
    const on = { ...s, book: { ...s.book, agreements: s.book.agreements.map((a) => ({ ...a, findNext: true })) } };
    const offFirst = { ...s, book: { ...s.book, agreements: s.book.agreements.map((a) => ({ ...a, findNext: false })) } };
    const lowest = run(on);
    const first = run(offFirst);
    lowest.lines.forEach((l, i) => {
      const f = first.lines[i];
      if (l.kind === 'priced' && f?.kind === 'priced' && l.priceSource.kind === 'agreement' && f.priceSource.kind === 'agreement' && l.unit === f.unit) {
        const unit = (x: typeof l) => new Oracle(formatScaled(x.unitPrice)).div(formatScaled(x.priceUnit));
        expect(unit(l).lte(unit(f))).toBe(true);
      }
      // With find next off, a line discount comes from one record at most.
      if (f?.kind === 'priced') expect(f.lineDiscount.recordIds.length).toBeLessThanOrEqual(1);
    });
  });
});
