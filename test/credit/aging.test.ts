import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { addDays } from '../../src/calendar/addDays.js';
import { calendarDate } from '../../src/calendar/CalendarDate.js';
import { ageItems, ageItemsAsync, agingAccumulator, compileAgingOptions, mergeAging, STANDARD_AGING_BUCKETS } from '../../src/credit/aging.js';
import { agingBucketsArb, agingItemArb } from '../../src/testkit/creditArbitraries.js';
import { deepFreeze, eur, usd } from '../helpers.js';

const asOf = calendarDate('2026-03-31');
const itemsArb = fc.array(agingItemArb('EUR', asOf), { maxLength: 40 });
const basisArb = fc.constantFrom('due' as const, 'transaction' as const, 'document' as const);

describe('ageItems', () => {
  test.prop([itemsArb, agingBucketsArb(), basisArb])('buckets partition the open balance', (items, buckets, basis) => {
    const s = ageItems(deepFreeze(items), { asOf, basis, currency: 'EUR', buckets });
    expect(s.buckets.reduce((t, b) => t + b.amount.minor, 0n)).toBe(items.reduce((t, i) => t + i.open.minor, 0n));
    expect(s.buckets.reduce((t, b) => t + b.count, 0)).toBe(items.length);
    expect(s.total.minor).toBe(items.reduce((t, i) => t + i.open.minor, 0n));
  });
  test.prop([agingItemArb('EUR', asOf), agingBucketsArb(), fc.integer({ min: 0, max: 200 })])(
    'moving asOf forward never moves an item to a younger bucket',
    (item, buckets, days) => {
      const at = (d: typeof asOf) => ageItems([item], { asOf: d, basis: 'due', currency: 'EUR', buckets }).buckets.findIndex((b) => b.count === 1);
      expect(at(addDays(asOf, days))).toBeGreaterThanOrEqual(at(asOf));
    },
  );
  test.prop([itemsArb, fc.array(fc.nat(), { maxLength: 40 }), agingBucketsArb(), basisArb])(
    'merge equivalence: any split into shards, merged in any order, equals one pass',
    async (items, cuts, buckets, basis) => {
      const options = { asOf, basis, currency: 'EUR', buckets } as const;
      const shards: (typeof items)[] = [[], [], []];
      items.forEach((item, i) => shards[(cuts[i] ?? 0) % 3]?.push(item));
      const [a, b, c] = shards.map((s) => ageItems(s, options)) as [ReturnType<typeof ageItems>, ReturnType<typeof ageItems>, ReturnType<typeof ageItems>];
      const one = ageItems(items, options);
      expect(mergeAging(mergeAging(a, b), c)).toEqual(one);
      expect(mergeAging(c, mergeAging(b, a))).toEqual(one);
      async function* stream() {
        await Promise.resolve();
        yield* items;
      }
      expect(await ageItemsAsync(stream(), options)).toEqual(one);
    },
  );
  test('worked example: standard buckets by due date', () => {
    const item = (open: string, due: string) => ({ open: eur(open), dueDate: calendarDate(due), transactionDate: calendarDate('2025-10-01') });
    const s = ageItems([item('100', '2026-04-10'), item('200', '2026-03-31'), item('300', '2026-03-01'), item('400', '2026-01-30'), item('-50', '2025-10-31')], {
      asOf,
      basis: 'due',
      currency: 'EUR',
      buckets: STANDARD_AGING_BUCKETS,
    });
    expect(s.buckets.map((b) => [b.label, b.amount.minor, b.count])).toEqual([
      ['current', 30000n, 2],
      ['1-30', 30000n, 1],
      ['31-60', 40000n, 1],
      ['61-90', 0n, 0],
      ['91-120', 0n, 0],
      ['over 120', -5000n, 1],
    ]);
    expect(s.total).toEqual(eur('950'));
  });
  test('errors', () => {
    expect(() => ageItems([], { asOf, basis: 'due', currency: 'EUR', buckets: [{ label: 'a', upToDays: 10 }] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.buckets[0].upToDays: the last bucket must be open-ended: set upToDays to null]`);
    expect(() =>
      ageItems([{ open: usd('1'), dueDate: asOf, transactionDate: asOf }], { asOf, basis: 'due', currency: 'EUR', buckets: STANDARD_AGING_BUCKETS }),
    ).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: items[0].open is in USD but EUR was expected: convert it with convertMoney() first]`);
    const a = ageItems([], { asOf, basis: 'due', currency: 'EUR', buckets: STANDARD_AGING_BUCKETS });
    const b = ageItems([], { asOf, basis: 'transaction', currency: 'EUR', buckets: STANDARD_AGING_BUCKETS });
    expect(() => mergeAging(a, b)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: b: was taken with another asOf, basis, currency or buckets: merge only snapshots of the same aging run]`);
  });
});

describe('compileAgingOptions', () => {
  test.prop([itemsArb, agingBucketsArb(), basisArb])('compiled options give exactly the snapshots of the plain options', async (items, buckets, basis) => {
    const plain = { asOf, basis, currency: 'EUR', buckets } as const;
    const compiled = compileAgingOptions(plain);
    const one = ageItems(items, plain);
    expect(ageItems(items, compiled)).toEqual(one);
    expect(await ageItemsAsync(items, compiled)).toEqual(one);
    const acc = agingAccumulator(compiled);
    items.forEach((i) => acc.add(i));
    expect(acc.snapshot()).toEqual(one);
  });
  test.prop([itemsArb, agingBucketsArb()])('a compiled value is frozen and does not follow later changes to the options', (items, buckets) => {
    const mutable = { asOf, basis: 'due' as const, currency: 'EUR', buckets: buckets.map((b) => ({ ...b })) };
    const compiled = compileAgingOptions(mutable);
    const before = ageItems(items, compiled);
    mutable.buckets.forEach((b) => (b.upToDays = b.upToDays === null ? null : b.upToDays + 7));
    expect(ageItems(items, compiled)).toEqual(before);
    expect(Object.isFrozen(compiled) && Object.isFrozen(compiled.buckets)).toBe(true);
  });
  test('refuses bad options once, naming the field', () => {
    expect(() => compileAgingOptions({ asOf, basis: 'due', currency: 'EUR', buckets: [{ label: 'a', upToDays: null }, { label: 'b', upToDays: null }] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.buckets[0].upToDays: only the last bucket may be open-ended]`);
  });
});
