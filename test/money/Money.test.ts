import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import {
  addMoney,
  compareMoney,
  convertMoney,
  divideMoney,
  equalsMoney,
  formatMoney,
  listCurrencies,
  minorUnitOf,
  money,
  moneyFromJSON,
  moneyToJSON,
  moneyToScaled,
  multiplyMoney,
  negateMoney,
  parseMoney,
  registerCurrency,
  roundMoneyToIncrement,
  scaled,
  subtractMoney,
  sumMoney,
  toMoney,
} from '../../src/money/index.js';
import { currencyCodeArb, moneyArb, roundingModeArb, scaledArb } from '../../src/testkit/index.js';
import { deepFreeze, eur, ORACLE_MODE, oracleOf, oracleOfMoney, oracleUnits, usd } from '../helpers.js';

const eurArb = moneyArb('EUR');
const distinctCurrencies = fc.tuple(currencyCodeArb(), currencyCodeArb()).filter(([a, b]) => a !== b);

describe('currencies', () => {
  test('ISO minor units of every exponent', () => {
    expect(['JPY', 'EUR', 'KWD', 'CLF', 'USD', 'BHD', 'ISK'].map(minorUnitOf)).toEqual([0, 2, 3, 4, 2, 3, 0]);
    expect(minorUnitOf('XYZ')).toBeUndefined();
    expect(listCurrencies().length).toBeGreaterThan(150);
  });

  test('a host registers its own; the table only grows', () => {
    registerCurrency({ code: 'PTS', minorUnit: 0 });
    registerCurrency({ code: 'PTS', minorUnit: 0 });
    expect(formatMoney(parseMoney('1500', 'PTS'))).toBe('PTS 1,500');
    expect(() => registerCurrency({ code: 'PTS', minorUnit: 2 })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: code: PTS is already defined with 0 decimals and cannot be redefined]`);
    expect(() => registerCurrency({ code: 'EUR', minorUnit: 3 })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: code: EUR is already defined with 2 decimals and cannot be redefined]`);
    expect(() => registerCurrency({ code: 'x', minorUnit: 0 })).toThrow(expect.objectContaining({ path: ['code'] }));
    expect(() => registerCurrency({ code: 'ABCD', minorUnit: 19 })).toThrow(expect.objectContaining({ path: ['minorUnit'] }));
  });

  test('unknown currencies are refused when building money', () => {
    expect(() => money(1n, 'XYZ')).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: currency: unknown currency "XYZ": use an ISO 4217 code or registerCurrency({ code, minorUnit }) first]`);
  });
});

describe('parseMoney and JSON', () => {
  test.prop([moneyArb()])('JSON round trip, through JSON.stringify too', (m) => {
    expect(moneyFromJSON(moneyToJSON(m))).toEqual(m);
    const json = JSON.parse(JSON.stringify({ m })) as { m: { currency: string; amount: string } };
    expect(json.m).toEqual(moneyToJSON(m));
    expect(typeof json.m.amount).toBe('string');
  });

  test('amounts carry exactly the currency decimals', () => {
    expect(moneyToJSON(parseMoney('12.3', 'EUR'))).toEqual({ currency: 'EUR', amount: '12.30' });
    expect(moneyToJSON(parseMoney('1.25', 'KWD'))).toEqual({ currency: 'KWD', amount: '1.250' });
    expect(moneyToJSON(parseMoney(500, 'JPY'))).toEqual({ currency: 'JPY', amount: '500' });
    expect(moneyToJSON(parseMoney('0.1234', 'CLF'))).toEqual({ currency: 'CLF', amount: '0.1234' });
    expect(parseMoney('12.300', 'EUR').minor).toBe(1230n);
  });

  test('more decimals than the currency has is refused, saying how to round', () => {
    expect(() => parseMoney('1.005', 'EUR', ['price'])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: price: has 3 decimals but EUR has 2: round it first, e.g. toMoney(scaled("1.005"), 'EUR', { rounding: 'halfUp' })]`);
    expect(() => parseMoney('1.5', 'JPY')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => moneyFromJSON({ currency: 'EUR', amount: 1.5 }, ['lines', 0, 'price'])).toThrow(
      expect.objectContaining({ path: ['lines', 0, 'price', 'amount'] }),
    );
    expect(() => moneyFromJSON({ currency: 'EURO', amount: '1' }, ['price'])).toThrow(expect.objectContaining({ path: ['price', 'currency'] }));
  });

  test('formatMoney', () => {
    expect(formatMoney(parseMoney('-1234567.5', 'EUR'))).toBe('EUR -1,234,567.50');
    expect(formatMoney(parseMoney('1234.5', 'EUR'), { code: false, grouping: false })).toBe('1234.50');
    expect(formatMoney(parseMoney('0.005', 'KWD'))).toBe('KWD 0.005');
    expect(`${JSON.stringify(eur('3.1'))}`).toBe('{"currency":"EUR","amount":"3.10"}');
  });
});

describe('arithmetic', () => {
  test.prop([eurArb, eurArb, eurArb])('add is commutative and associative; subtract undoes add; negate', (a, b, c) => {
    expect(addMoney(a, b)).toEqual(addMoney(b, a));
    expect(addMoney(addMoney(a, b), c)).toEqual(addMoney(a, addMoney(b, c)));
    expect(subtractMoney(addMoney(a, b), b)).toEqual(a);
    expect(addMoney(a, negateMoney(a)).minor).toBe(0n);
    expect(sumMoney([a, b, c], 'EUR')).toEqual(addMoney(addMoney(a, b), c));
  });

  test.prop([eurArb, eurArb])('compare and equals agree with the minor units', (a, b) => {
    expect(compareMoney(a, b)).toBe(a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0);
    expect(equalsMoney(a, b)).toBe(a.minor === b.minor);
  });

  test.prop([distinctCurrencies, fc.bigInt(), fc.bigInt()])('mixing currencies always throws currency_mismatch', ([c1, c2], x, y) => {
    const a = money(x, c1);
    const b = money(y, c2);
    for (const op of [addMoney, subtractMoney, compareMoney] as const) {
      expect(() => op(a, b)).toThrow(expect.objectContaining({ code: 'currency_mismatch', path: ['b'] }));
    }
    expect(() => sumMoney([a, a, b], c1)).toThrow(expect.objectContaining({ code: 'currency_mismatch', path: ['items', 2] }));
    expect(equalsMoney(a, b)).toBe(false);
  });

  test('the mismatch message says what to do', () => {
    expect(() => addMoney(eur('1'), usd('1') as never)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: b is in USD but EUR was expected: convert it with convertMoney() first]`);
  });

  test.prop([moneyArb(), scaledArb({ maxScale: 8 }), roundingModeArb()])('multiply rounds once and equals the oracle', (m, f, mode) => {
    const exp = minorUnitOf(m.currency) ?? 0;
    expect(multiplyMoney(m, f, { rounding: mode }).minor).toBe(oracleUnits(oracleOfMoney(m).times(oracleOf(f)), exp, mode));
  });

  test.prop([moneyArb(), scaledArb({ maxScale: 6 }).filter((s) => s.units !== 0n), roundingModeArb()])('divide equals the oracle', (m, d, mode) => {
    const exp = minorUnitOf(m.currency) ?? 0;
    expect(divideMoney(m, d, { rounding: mode }).minor).toBe(oracleUnits(oracleOfMoney(m).div(oracleOf(d)), exp, mode));
  });

  test.prop([moneyArb(), currencyCodeArb(), scaledArb({ positive: true, maxScale: 8, maxUnits: 10n ** 10n }), roundingModeArb()])(
    'convert equals the oracle',
    (m, to, rate, mode) => {
      const converted = convertMoney(m, { to, rate, rounding: mode });
      expect(converted.currency).toBe(to);
      expect(converted.minor).toBe(oracleUnits(oracleOfMoney(m).times(oracleOf(rate)), minorUnitOf(to) ?? 0, mode));
    },
  );

  test.prop([scaledArb({ maxScale: 8 }), currencyCodeArb(), roundingModeArb()])('toMoney equals the oracle; moneyToScaled is exact', (s, c, mode) => {
    const m = toMoney(s, c, { rounding: mode });
    expect(m.minor).toBe(oracleUnits(oracleOf(s), minorUnitOf(c) ?? 0, mode));
    expect(toMoney(moneyToScaled(m), c, { rounding: mode })).toEqual(m);
  });

  test.prop([moneyArb('CHF'), fc.constantFrom('0.05', '0.10', '1', '0.25', '5'), roundingModeArb()])(
    'cash rounding lands on the increment, equals the oracle and is idempotent',
    (m, step, mode) => {
      const inc = scaled(step);
      const r = roundMoneyToIncrement(m, inc, mode);
      const expected = oracleOfMoney(m).div(oracleOf(inc)).toDecimalPlaces(0, ORACLE_MODE[mode]).times(oracleOf(inc));
      expect(oracleOfMoney(r).eq(expected)).toBe(true);
      expect(roundMoneyToIncrement(r, inc, mode)).toEqual(r);
    },
  );

  test.prop([eurArb, eurArb, scaledArb()])('no operation mutates its inputs', (a, b, f) => {
    const fa = deepFreeze({ ...a });
    const fb = deepFreeze({ ...b });
    const ff = deepFreeze({ ...f });
    addMoney(fa, fb);
    multiplyMoney(fa, ff, { rounding: 'halfUp' });
    convertMoney(fa, { to: 'USD', rate: scaled('1.1'), rounding: 'halfUp' });
    sumMoney([fa, fb], 'EUR');
    expect([fa, fb, ff]).toEqual([{ ...a }, { ...b }, { ...f }]);
  });

  test('worked values', () => {
    expect(multiplyMoney(eur('19.99'), scaled('0.925'), { rounding: 'halfUp' })).toEqual(eur('18.49'));
    expect(convertMoney(eur('100.00'), { to: 'USD', rate: scaled('1.0832'), rounding: 'halfUp' })).toEqual(usd('108.32'));
    expect(convertMoney(usd('10.00'), { to: 'JPY', rate: scaled('151.237'), rounding: 'halfUp' })).toEqual(parseMoney('1512', 'JPY'));
    expect(roundMoneyToIncrement(parseMoney('12.37', 'CHF'), scaled('0.05'), 'halfUp')).toEqual(parseMoney('12.35', 'CHF'));
    expect(() => roundMoneyToIncrement(parseMoney('1', 'JPY'), scaled('0.5'), 'halfUp')).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: increment: is finer than the minor unit of JPY]`);
    expect(() => convertMoney(eur('1'), { to: 'USD', rate: scaled('0'), rounding: 'halfUp' })).toThrow(expect.objectContaining({ path: ['rate'] }));
  });
});
