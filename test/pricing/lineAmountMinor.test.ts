import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { scaledOf } from '../../src/money/Scaled.js';
import { lineAmountMinor, lineAmountMinorDouble } from '../../src/pricing/_internal/lineAmountMinor.js';
import { roundingModeArb, scaledArb } from '../../src/testkit/moneyArbitraries.js';
import { dec, ORACLE_MODE, Oracle, oracleOf } from '../helpers.js';

const percentArb = fc.integer({ min: 0, max: 10_000 }).map((n) => scaledOf(BigInt(n), 2));

describe('lineAmountMinor', () => {
  test.prop([
    scaledArb({ positive: true, maxScale: 3, maxUnits: 10_000_000n }),
    scaledArb({ nonNegative: true, maxScale: 4, maxUnits: 100_000_000n }),
    scaledArb({ nonNegative: true, maxScale: 4, maxUnits: 100_000_000n }),
    scaledArb({ positive: true, maxScale: 2, maxUnits: 10_000n }),
    scaledArb({ nonNegative: true, maxScale: 2, maxUnits: 1_000_000n }),
    fc.array(percentArb, { maxLength: 4 }),
    fc.constantFrom(0, 2, 3),
    roundingModeArb(),
  ])('equals the decimal.js oracle, rounded once', (qty, price, disc, priceUnit, charges, percents, places, mode) => {
    let v = oracleOf(qty).times(Oracle.max(oracleOf(price).minus(oracleOf(disc)), 0)).div(oracleOf(priceUnit)).plus(oracleOf(charges));
    for (const p of percents) v = v.times(new Oracle(1).minus(oracleOf(p).div(100)));
    const expected = BigInt(v.toDecimalPlaces(places, ORACLE_MODE[mode]).times(new Oracle(10).pow(places)).toFixed(0));
    expect(lineAmountMinor(qty, price, disc, priceUnit, charges, percents, places, mode)).toBe(expected);
  });

  // Typical sizes take the exact double path; the property above mostly the bigint one.
  test.prop([
    scaledArb({ positive: true, maxScale: 2, maxUnits: 5_000n }),
    scaledArb({ nonNegative: true, maxScale: 2, maxUnits: 100_000n }),
    scaledArb({ nonNegative: true, maxScale: 2, maxUnits: 10_000n }),
    fc.constantFrom(dec('1'), dec('5'), dec('0.5'), dec('100')),
    fc.constantFrom(dec('0'), dec('1.5')),
    fc.array(fc.constantFrom(dec('0'), dec('5'), dec('12.5'), dec('3'), dec('100')), { maxLength: 4 }),
    fc.constantFrom(0, 2, 3),
    roundingModeArb(),
  ])('typical sizes equal the decimal.js oracle too', (qty, price, disc, priceUnit, charges, percents, places, mode) => {
    let v = oracleOf(qty).times(Oracle.max(oracleOf(price).minus(oracleOf(disc)), 0)).div(oracleOf(priceUnit)).plus(oracleOf(charges));
    for (const p of percents) v = v.times(new Oracle(1).minus(oracleOf(p).div(100)));
    const expected = BigInt(v.toDecimalPlaces(places, ORACLE_MODE[mode]).times(new Oracle(10).pow(places)).toFixed(0));
    expect(lineAmountMinor(qty, price, disc, priceUnit, charges, percents, places, mode)).toBe(expected);
  });

  // Compound combination passes four percentages (line and multiline, 1 and 2), most of them 0:
  // a zero one must not cost the doubles their room (it multiplies the fraction by 100 / 100).
  test.prop([
    fc.integer({ min: 1, max: 1000 }),
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 2 }),
    fc.integer({ min: 0, max: 3 }),
    roundingModeArb(),
  ])('a line of up to 1 000 at up to 10 000.00, two of its four percentages zero, takes the doubles', (qty, priceCents, given, at, mode) => {
    const percents = [dec('0'), dec('0'), dec('0'), dec('0')];
    given.forEach((p, k) => (percents[(at + 2 * k) % 4] = scaledOf(BigInt(p), 0)));
    const price = scaledOf(BigInt(priceCents), 2);
    const fast = lineAmountMinorDouble(scaledOf(BigInt(qty), 0), price, dec('0'), dec('1'), dec('0'), percents, 2, mode);
    let v = new Oracle(qty).times(oracleOf(price));
    for (const p of percents) v = v.times(new Oracle(1).minus(oracleOf(p).div(100)));
    expect(fast).toBe(v.toDecimalPlaces(2, ORACLE_MODE[mode]).times(100).toNumber());
  });

  test('amounts near 2^53 stay exact', () => {
    const big = scaledOf(2n ** 52n + 1n, 0);
    expect(lineAmountMinor(dec('3'), big, dec('0'), dec('1'), dec('0'), [dec('12.5')], 2, 'halfEven')).toBe((3n * (2n ** 52n + 1n) * 875n * 100n) / 1000n);
    expect(lineAmountMinor(dec('1'), scaledOf(9007199254740991n, 2), dec('0'), dec('3'), dec('0'), [], 2, 'halfUp')).toBe(3002399751580330n);
  });

  test('reference §1.4 worked example: 1 × ((100 − 10)/5) × (1 − 0.15) = 15.30', () => {
    expect(lineAmountMinor(dec('1'), dec('100'), dec('10'), dec('5'), dec('0'), [dec('15')], 2, 'halfUp')).toBe(1530n);
  });
});
