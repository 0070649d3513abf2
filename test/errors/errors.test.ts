import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { z } from 'zod';
import { formatPath, invalidInput, isOrderToCashError, OrderToCashError, parseInput } from '../../src/errors/index.js';
import { CalendarDateSchema } from '../../src/calendar/index.js';
import { DecimalSchema, MoneyInputSchema, PositiveDecimalSchema, RoundingModeSchema } from '../../src/money/index.js';
import { moneyArb, scaledArb } from '../../src/testkit/index.js';

const LineSchema = z.object({ quantity: PositiveDecimalSchema, price: MoneyInputSchema, date: CalendarDateSchema });
const OrderSchema = z.object({ lines: z.array(LineSchema), rounding: RoundingModeSchema });

describe('parseInput', () => {
  test('returns the parsed, typed value', () => {
    const order = parseInput(OrderSchema, { lines: [{ quantity: '2', price: { currency: 'EUR', amount: '9.99' }, date: '2026-11-23' }], rounding: 'halfUp' });
    expect(order.lines[0]?.price.minor).toBe(999n);
    expect(order.lines[0]?.quantity).toEqual({ units: 2n, scale: 0 });
  });

  test('names every bad field, each path prefixed by the argument', () => {
    const bad = {
      lines: [
        { quantity: '2', price: { currency: 'EUR', amount: '9.999' }, date: '2026-11-23' },
        { quantity: 1.5, price: { currency: 'EURO', amount: '1' }, date: '2026-02-30' },
        { quantity: '0', price: { currency: 'EUR', amount: '1' }, date: '2026-01-01' },
      ],
      rounding: 'nearest',
    };
    try {
      parseInput(OrderSchema, bad, ['order']);
      expect.unreachable();
    } catch (e) {
      expect(isOrderToCashError(e)).toBe(true);
      const err = e as OrderToCashError;
      expect(err.code).toBe('invalid_input');
      expect(err.path).toEqual(['order', 'lines', 0, 'price', 'amount']);
      expect(err.issues.map((i) => formatPath(i.path))).toEqual([
        'order.lines[0].price.amount',
        'order.lines[1].quantity',
        'order.lines[1].price.currency',
        'order.lines[1].date',
        'order.lines[2].quantity',
        'order.rounding',
      ]);
      expect(err.message).toMatchInlineSnapshot(`"Invalid input. Fix these fields and call again: order.lines[0].price.amount: has 3 decimals but EUR has 2: round the amount before sending it; order.lines[1].quantity: is the binary float 1.5: pass it as the decimal string "1.5" so no digit is lost; order.lines[1].price.currency: unknown currency "EURO": use an ISO 4217 code such as "EUR" or registerCurrency({ code, minorUnit }) first; order.lines[1].date: 2026-02-30 does not exist: that month has 28 days; order.lines[2].quantity: must be greater than zero; and 1 more (see error.issues)"`);
    }
  });

  test.prop([fc.anything()])('never throws anything but invalid_input, whatever the value', (value) => {
    try {
      parseInput(OrderSchema, value);
    } catch (e) {
      expect(isOrderToCashError(e) && e.code).toBe('invalid_input');
      expect((e as OrderToCashError).issues.length).toBeGreaterThan(0);
    }
  });

  test.prop([moneyArb(), scaledArb()])('accepts the library\'s own values as well as their JSON forms', (m, s) => {
    const parsed = parseInput(z.object({ price: MoneyInputSchema, quantity: DecimalSchema }), { price: m, quantity: s });
    expect(parsed).toEqual({ price: m, quantity: s });
    expect(parseInput(MoneyInputSchema, JSON.parse(JSON.stringify(m)))).toEqual(m);
    expect(() => parseInput(z.object({ q: DecimalSchema }), { q: { units: 1n, scale: -1 } })).toThrow(expect.objectContaining({ path: ['q'] }));
    expect(() => parseInput(z.object({ p: MoneyInputSchema }), { p: { minor: 1n, currency: 'XYZ' } })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  test.prop([fc.oneof(fc.double(), fc.string(), fc.bigInt())])('the decimal schema never yields NaN or a partial value', (value) => {
    const r = DecimalSchema.safeParse(value);
    if (r.success) expect(typeof r.data.units).toBe('bigint');
    else expect(r.error.issues[0]?.message.length).toBeGreaterThan(0);
  });
});

describe('OrderToCashError', () => {
  test('carries code, path and issues, and is recognised across library copies', () => {
    const e = new OrderToCashError('not_found', 'Customer C-1 not found: create it first', ['customerId']);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('OrderToCashError');
    expect(isOrderToCashError(e)).toBe(true);
    // What another copy of the library would throw: same registry symbol, other class.
    const foreign = Object.defineProperty(new Error('x'), Symbol.for('order-to-cash/error'), { value: true });
    expect(isOrderToCashError(foreign)).toBe(true);
    expect(isOrderToCashError(new Error('x'))).toBe(false);
    expect(isOrderToCashError(null)).toBe(false);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ name: 'OrderToCashError', code: 'not_found', path: ['customerId'], issues: [] });
  });

  test('invalidInput builds the same shape for one field', () => {
    expect(() => invalidInput(['lines', 2, 'unit'], 'is not a unit of the item')).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: lines[2].unit: is not a unit of the item]`);
  });
});
