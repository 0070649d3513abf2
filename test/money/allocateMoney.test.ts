import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { allocateMoney, negateMoney, type Ratio, scaled, sumMoney } from '../../src/money/index.js';
import { moneyArb, scaledArb } from '../../src/testkit/index.js';
import { deepFreeze, eur, Oracle, oracleOf } from '../helpers.js';

const ratiosArb = fc
  .array(fc.oneof(scaledArb({ nonNegative: true, maxScale: 4, maxUnits: 100_000n }), fc.bigInt({ min: 0n, max: 1000n })), { minLength: 1, maxLength: 12 })
  .filter((rs) => rs.some((r) => (typeof r === 'bigint' ? r : r.units) > 0n));
const amountArb = moneyArb('EUR', { maxMinor: 10n ** 9n });
const ratioValue = (r: Ratio) => (typeof r === 'bigint' ? new Oracle(r.toString()) : oracleOf(r));

describe('allocateMoney', () => {
  test.prop([amountArb, ratiosArb])('parts sum exactly to the amount', (amount, ratios) => {
    expect(sumMoney(allocateMoney(amount, ratios), 'EUR')).toEqual(amount);
  });

  test.prop([amountArb, ratiosArb])('each part is within one minor unit of its exact share', (amount, ratios) => {
    const total = ratios.reduce((s, r) => s.plus(ratioValue(r)), new Oracle(0));
    allocateMoney(amount, ratios).forEach((part, i) => {
      const exact = new Oracle(amount.minor.toString()).times(ratioValue(ratios[i] as Ratio)).div(total);
      expect(exact.minus(part.minor.toString()).abs().lt(1)).toBe(true);
    });
  });

  test.prop([amountArb, ratiosArb])('a negative amount splits as the mirror of the positive one', (amount, ratios) => {
    expect(allocateMoney(negateMoney(amount), ratios)).toEqual(allocateMoney(amount, ratios).map(negateMoney));
  });

  test.prop([amountArb, ratiosArb])('deterministic, and zero ratios get zero', (amount, ratios) => {
    const parts = allocateMoney(amount, deepFreeze([...ratios]));
    expect(allocateMoney(amount, ratios)).toEqual(parts);
    ratios.forEach((r, i) => {
      if ((typeof r === 'bigint' ? r : r.units) === 0n) expect(parts[i]?.minor).toBe(0n);
    });
  });

  test.prop([amountArb, ratiosArb, fc.nat(), fc.nat()])('swapping two equal ratios changes nothing', (amount, ratios, i, j) => {
    const a = i % ratios.length;
    const copy = [...ratios, ratios[a] as Ratio];
    const b = copy.length - 1;
    const swapped = [...copy];
    [swapped[a], swapped[b]] = [swapped[b] as Ratio, swapped[a] as Ratio];
    expect(allocateMoney(amount, swapped)).toEqual(allocateMoney(amount, copy));
    void j;
  });

  test.prop([amountArb, ratiosArb, fc.func(fc.integer())])('any reordering of the ratios reorders the parts the same way', (amount, ratios, key) => {
    const order = ratios.map((_, i) => i).sort((x, y) => key(x) - key(y) || x - y);
    const parts = allocateMoney(amount, ratios);
    const permuted = allocateMoney(amount, order.map((i) => ratios[i] as Ratio));
    const pairs = (rs: readonly Ratio[], ps: readonly { minor: bigint }[]) =>
      rs.map((r, i) => `${ratioValue(r).toString()}:${ps[i]?.minor}`).sort();
    expect(pairs(order.map((i) => ratios[i] as Ratio), permuted)).toEqual(pairs(ratios, parts));
  });

  test('worked examples', () => {
    expect(allocateMoney(eur('100.00'), [1n, 1n, 1n]).map(String)).toEqual(['EUR 33.34', 'EUR 33.33', 'EUR 33.33']);
    expect(allocateMoney(eur('8.49'), [scaled('50'), scaled('50')]).map(String)).toEqual(['EUR 4.25', 'EUR 4.24']);
    expect(allocateMoney(eur('-0.05'), [1n, 0n, 3n]).map(String)).toEqual(['EUR -0.01', 'EUR 0.00', 'EUR -0.04']);
    // The larger ratio wins a tie on remainders.
    expect(allocateMoney(eur('0.02'), [1n, 3n]).map(String)).toEqual(['EUR 0.00', 'EUR 0.02']);
  });

  test('errors', () => {
    expect(() => allocateMoney(eur('1'), [])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot allocate over no ratios or ratios that are all zero: pass at least one positive ratio]`);
    expect(() => allocateMoney(eur('1'), [0n, scaled('0.00')])).toThrow(expect.objectContaining({ code: 'empty_allocation' }));
    expect(() => allocateMoney(eur('1'), [1n, -1n])).toThrow(expect.objectContaining({ code: 'invalid_input', path: ['ratios', 1] }));
  });
});
