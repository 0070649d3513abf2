import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { isOrderToCashError } from '../../src/errors/OrderToCashError.js';
import {
  addScaled,
  compareScaled,
  divideScaled,
  formatScaled,
  multiplyScaled,
  negateScaled,
  normalizeScaled,
  roundScaled,
  roundToIncrement,
  scaled,
  subtractScaled,
} from '../../src/money/index.js';
import { roundingModeArb, scaledArb } from '../../src/testkit/index.js';
import { deepFreeze, ORACLE_MODE, type Oracle, oracleOf, oracleUnits } from '../helpers.js';

const anyScaled = scaledArb({ maxScale: 8 });
const nonZeroScaled = anyScaled.filter((s) => s.units !== 0n);
const sameValue = (a: { units: bigint; scale: number }, d: InstanceType<typeof Oracle>): boolean => oracleOf(a).eq(d);

describe('scaled: parsing and formatting', () => {
  test.prop([anyScaled])('format then parse gives back units and scale', (s) => {
    expect(scaled(formatScaled(s))).toEqual({ units: s.units, scale: s.scale });
  });

  test.prop([fc.stringMatching(/^-?(0|[1-9][0-9]{0,20})(\.[0-9]{1,20})?$/)])('parse then format gives back the text', (text) => {
    const expected = text === '-0' || /^-0\.0+$/.test(text) ? text.slice(1) : text;
    expect(formatScaled(scaled(text))).toBe(expected);
  });

  test.prop([fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })])('takes safe integers exactly', (n) => {
    expect(scaled(n)).toEqual({ units: BigInt(n), scale: 0 });
  });

  test.prop([fc.double().filter((x) => !Number.isSafeInteger(x))])('refuses every number that is not a safe integer', (x) => {
    expect(() => scaled(x)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  const rejected: unknown[] = ['1e5', '1,5', ' 1', '1 ', '', '+1', '.5', '5.', '01', '1.2.3', '0x10', 'NaN', 'Infinity', '١', null, undefined, {}, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53];
  test.each(rejected.map((v) => [String(v), v]))('refuses %s with invalid_input at the given path', (_, v) => {
    try {
      scaled(v as string, ['lines', 3, 'quantity']);
      expect.unreachable();
    } catch (e) {
      expect(isOrderToCashError(e) && e.code).toBe('invalid_input');
      expect(isOrderToCashError(e) && e.path).toEqual(['lines', 3, 'quantity']);
    }
  });

  test('messages say how to fix the value', () => {
    expect(() => scaled(1.5, ['price'])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: price: is the binary float 1.5: pass it as the decimal string "1.5" so no digit is lost]`);
    expect(() => scaled('1,5', ['price'])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: price: "1,5" contains ',': use '.' as the decimal separator and no thousands separators]`);
    expect(() => scaled('1e5')).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: input: "1e5" uses exponent notation: write the digits out, e.g. "100000"]`);
  });

  test('serialises to its decimal string', () => {
    expect(JSON.stringify({ q: scaled('1.50') })).toBe('{"q":"1.50"}');
  });
});

describe('scaled arithmetic equals the decimal.js oracle', () => {
  test.prop([anyScaled, anyScaled])('add, subtract, multiply are exact', (a, b) => {
    expect(sameValue(addScaled(a, b), oracleOf(a).plus(oracleOf(b)))).toBe(true);
    expect(sameValue(subtractScaled(a, b), oracleOf(a).minus(oracleOf(b)))).toBe(true);
    expect(sameValue(multiplyScaled(a, b), oracleOf(a).times(oracleOf(b)))).toBe(true);
    expect(addScaled(a, b).scale).toBe(Math.max(a.scale, b.scale));
  });

  test.prop([anyScaled, nonZeroScaled, fc.integer({ min: 0, max: 12 }), roundingModeArb()])('divide rounds once to the asked scale', (a, b, scale, mode) => {
    const q = divideScaled(a, b, { scale, rounding: mode });
    expect(q.scale).toBe(scale);
    expect(q.units).toBe(oracleUnits(oracleOf(a).div(oracleOf(b)), scale, mode));
  });

  test.prop([anyScaled, fc.integer({ min: 0, max: 10 }), roundingModeArb()])('round equals the oracle and is idempotent', (a, scale, mode) => {
    const r = roundScaled(a, scale, mode);
    expect(r.units).toBe(oracleUnits(oracleOf(a), scale, mode));
    expect(roundScaled(r, scale, mode)).toEqual(r);
  });

  test.prop([anyScaled, scaledArb({ positive: true, maxScale: 3, maxUnits: 1000n }), roundingModeArb()])(
    'round to an increment equals the oracle',
    (a, inc, mode) => {
      const r = roundToIncrement(a, inc, mode);
      const expected = oracleOf(a).div(oracleOf(inc)).toDecimalPlaces(0, ORACLE_MODE[mode]).times(oracleOf(inc));
      expect(sameValue(r, expected)).toBe(true);
      expect(roundToIncrement(r, inc, mode)).toEqual(r);
    },
  );

  test.prop([anyScaled, anyScaled])('compare agrees with the oracle and is antisymmetric', (a, b) => {
    expect(compareScaled(a, b)).toBe(oracleOf(a).comparedTo(oracleOf(b)));
    expect(compareScaled(b, a)).toBe(-compareScaled(a, b) || 0);
  });

  test.prop([anyScaled])('normalize keeps the value and removes trailing zeros; negate twice is the identity', (a) => {
    const n = normalizeScaled(a);
    expect(compareScaled(n, a)).toBe(0);
    expect(n.scale === 0 || n.units % 10n !== 0n).toBe(true);
    expect(negateScaled(negateScaled(a))).toEqual({ units: a.units, scale: a.scale });
  });

  test.prop([anyScaled, nonZeroScaled])('no operation mutates its inputs', (a, b) => {
    const fa = deepFreeze({ ...a });
    const fb = deepFreeze({ ...b });
    addScaled(fa, fb);
    multiplyScaled(fa, fb);
    divideScaled(fa, fb, { scale: 4, rounding: 'halfEven' });
    roundScaled(fa, 1, 'floor');
    expect(fa).toEqual(a);
    expect(fb).toEqual(b);
  });

  test('worked values', () => {
    expect(formatScaled(subtractScaled(scaled('1'), scaled('0.075')))).toBe('0.925');
    expect(formatScaled(divideScaled(scaled('10'), scaled('3'), { scale: 4, rounding: 'halfUp' }))).toBe('3.3333');
    expect(formatScaled(roundToIncrement(scaled('12.375'), scaled('0.05'), 'halfUp'))).toBe('12.40');
    expect(() => divideScaled(scaled('1'), scaled('0.00'), { scale: 2, rounding: 'halfUp' })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot divide by zero (divideScaled divisor): check the divisor before dividing]`);
  });
});
