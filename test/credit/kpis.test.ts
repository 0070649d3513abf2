import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { addDays } from '../../src/calendar/addDays.js';
import { calendarDate } from '../../src/calendar/CalendarDate.js';
import { collectionEffectivenessIndex } from '../../src/credit/collectionEffectivenessIndex.js';
import { compileRatioOptions, countbackDso, daysSalesOutstanding } from '../../src/credit/dso.js';
import {
  averageDaysBeyondTerms,
  compilePaymentBehaviourOptions,
  mergePaymentBehaviour,
  paymentBehaviour,
  paymentBehaviourAccumulator,
  paymentBehaviourAsync,
  paymentIndex,
} from '../../src/credit/paymentIndex.js';
import { moneyToJSON } from '../../src/money/moneyJSON.js';
import { ROUNDING_MODES } from '../../src/money/rounding.js';
import { formatScaled } from '../../src/money/formatScaled.js';
import { money } from '../../src/money/Money.js';
import type { Scaled } from '../../src/money/Scaled.js';
import { paymentExperienceArb } from '../../src/testkit/creditArbitraries.js';
import { eur } from '../helpers.js';

const asOf = calendarDate('2026-03-31');
const r2 = { scale: 2, rounding: 'halfUp' } as const;
const text = (s: Scaled | null) => (s === null ? null : formatScaled(s));
const lt = (a: Scaled, b: Scaled) => a.units * 10n ** BigInt(b.scale) <= b.units * 10n ** BigInt(a.scale);

describe('daysSalesOutstanding', () => {
  const base = { balance: eur('50000'), creditSales: eur('150000'), to: calendarDate('2023-10-11') };
  test('D365 fixtures: 121.67 (12 months), 61.00 (6 months, 183 days), 54.33 (customer since 1 May, 163 days)', () => {
    expect(text(daysSalesOutstanding({ ...base, from: calendarDate('2022-10-11') }, r2).dso)).toBe('121.67');
    expect(text(daysSalesOutstanding({ ...base, from: calendarDate('2023-04-11') }, r2).dso)).toBe('61.00');
    const since = daysSalesOutstanding({ ...base, from: calendarDate('2023-04-11'), customerSince: calendarDate('2023-05-01') }, r2);
    expect([since.days, text(since.dso)]).toEqual([163, '54.33']);
  });
  test('zero credit sales give null', () => {
    expect(daysSalesOutstanding({ ...base, creditSales: eur('0'), from: calendarDate('2023-04-11') }, r2).dso).toBeNull();
  });
  test.prop([fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.bigInt({ min: 1n, max: 10n ** 10n }), fc.integer({ min: 1, max: 400 })])(
    'best possible DSO ≤ DSO, and ADD ≥ 0 (0 when nothing is past due)',
    (a, b, sales, days) => {
      const [current, balance] = a <= b ? [a, b] : [b, a];
      const r = daysSalesOutstanding(
        { balance: money(balance, 'EUR'), currentBalance: money(current, 'EUR'), creditSales: money(sales, 'EUR'), from: addDays(asOf, -days), to: asOf },
        { scale: 4, rounding: 'floor' },
      );
      expect(lt(r.bestPossibleDso as Scaled, r.dso as Scaled)).toBe(true);
      expect((r.averageDaysDelinquent as Scaled).units >= 0n).toBe(true);
      if (current === balance) expect((r.averageDaysDelinquent as Scaled).units).toBe(0n);
    },
  );
  test('countback: 150 over months of 100 sales: 31 + 30 × 50 / 100 = 46.00', () => {
    expect(text(countbackDso({ balance: eur('150'), periods: [{ days: 31, creditSales: eur('100') }, { days: 30, creditSales: eur('100') }] }, r2))).toBe('46.00');
    expect(text(countbackDso({ balance: eur('500'), periods: [{ days: 31, creditSales: eur('100') }] }, r2))).toBe('31.00');
  });
});

describe('collectionEffectivenessIndex', () => {
  test('reference example: 70.0', () => {
    const cei = collectionEffectivenessIndex(
      { beginningReceivables: eur('100000'), creditSales: eur('60000'), months: 1, endingTotalReceivables: eur('90000'), endingCurrentReceivables: eur('60000') },
      { scale: 1, rounding: 'halfUp' },
    );
    expect(text(cei)).toBe('70.0');
  });
  test.prop([fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.integer({ min: 1, max: 12 }), fc.bigInt({ min: 0n, max: 10n ** 9n })])(
    'CEI = 100 when everything outstanding is current',
    (br, cs, months, end) => {
      const e = money(end, 'EUR');
      const cei = collectionEffectivenessIndex({ beginningReceivables: money(br, 'EUR'), creditSales: money(cs, 'EUR'), months, endingTotalReceivables: e, endingCurrentReceivables: e }, r2);
      if (cei !== null) expect(text(cei)).toBe('100.00');
    },
  );
});

describe('paymentIndex', () => {
  const one = (late: number) =>
    paymentIndex(paymentBehaviour([{ amount: eur('100'), dueDate: calendarDate('2026-01-01'), paidDate: addDays(calendarDate('2026-01-01'), late) }], { asOf, currency: 'EUR' }), {
      scale: 0,
      rounding: 'halfUp',
    });
  test('published chart points (reference B.2)', () => {
    const points: [number, string][] = [[-30, '100'], [-18, '89'], [-10, '85'], [0, '80'], [23, '59'], [26, '55'], [29, '51'], [33, '49'], [45, '45'], [48, '44'], [200, '0']];
    expect(points.map(([d]) => text(one(d)))).toEqual(points.map(([, s]) => s));
  });
  const exps = fc.array(paymentExperienceArb('EUR', asOf), { minLength: 1, maxLength: 30 });
  test.prop([exps, fc.nat(), fc.integer({ min: 1, max: 60 })])('paying any invoice later never raises the index (worse behaviour never improves it)', (xs, pick, later) => {
    const i = pick % xs.length;
    const x = xs[i];
    if (x === undefined) return;
    const worse = xs.map((y, k) => (k === i && y.paidDate !== undefined ? { ...y, paidDate: addDays(y.paidDate, later) } : y));
    const opts = { scale: 6, rounding: 'floor' } as const;
    const before = paymentIndex(paymentBehaviour(xs, { asOf, currency: 'EUR' }), opts) as Scaled;
    const after = paymentIndex(paymentBehaviour(worse, { asOf: addDays(asOf, 60), currency: 'EUR' }), opts) as Scaled;
    expect(lt(after, before)).toBe(true);
    expect(after.units >= 0n && after.units <= 100n * 10n ** 6n).toBe(true);
  });
  test.prop([exps, fc.array(fc.boolean(), { maxLength: 30 })])('merge equivalence and async equivalence', async (xs, split) => {
    const o = { asOf, currency: 'EUR' } as const;
    const a = xs.filter((_, i) => split[i] === true);
    const b = xs.filter((_, i) => split[i] !== true);
    const one = paymentBehaviour(xs, o);
    expect(mergePaymentBehaviour(paymentBehaviour(b, o), paymentBehaviour(a, o))).toEqual(one);
    expect(await paymentBehaviourAsync(xs, o)).toEqual(one);
  });
  test('refuses a negative amount', () => {
    expect(() => paymentBehaviour([{ amount: eur('-1'), dueDate: asOf }], { asOf, currency: 'EUR' })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: experiences[0].amount: must not be negative: credit notes carry no payment experience]`);
  });
});

describe('compiled KPI settings', () => {
  const ratioArb = fc.record({ scale: fc.integer({ min: 0, max: 8 }), rounding: fc.constantFrom(...ROUNDING_MODES) });
  const exps = fc.array(paymentExperienceArb('EUR', asOf), { maxLength: 30 });
  test.prop([exps, ratioArb])('compiled behaviour and ratio options give exactly the plain results', async (xs, r) => {
    const o = { asOf, currency: 'EUR' } as const;
    const co = compilePaymentBehaviourOptions(o);
    const cr = compileRatioOptions(r);
    const plain = paymentBehaviour(xs, o);
    expect(paymentBehaviour(xs, co)).toEqual(plain);
    expect(await paymentBehaviourAsync(xs, co)).toEqual(plain);
    const acc = paymentBehaviourAccumulator(co);
    xs.forEach((x) => acc.add(x));
    expect(acc.result()).toEqual(plain);
    expect(paymentIndex(plain, cr)).toEqual(paymentIndex(plain, r));
    expect(averageDaysBeyondTerms(plain, cr)).toEqual(averageDaysBeyondTerms(plain, r));
  });
  test.prop([fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 800 }), ratioArb])(
    'DSO of library values equals DSO of the same input as JSON, with compiled or plain options',
    (balance, current, sales, days, r) => {
      const input = { balance: money(balance, 'EUR'), currentBalance: money(current, 'EUR'), creditSales: money(sales, 'EUR'), from: addDays(asOf, -days), to: asOf };
      const json = { ...input, balance: moneyToJSON(input.balance), currentBalance: moneyToJSON(input.currentBalance), creditSales: moneyToJSON(input.creditSales) };
      const expected = daysSalesOutstanding(json as never, r);
      expect(daysSalesOutstanding(input, compileRatioOptions(r))).toEqual(expected);
      expect(daysSalesOutstanding(input, r)).toEqual(expected);
    },
  );
  test('bad values still fail with the schema messages', () => {
    expect(() => compileRatioOptions({ scale: 31, rounding: 'halfUp' })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.scale: Too big: expected number to be <=30]`);
    expect(() => compilePaymentBehaviourOptions({ asOf: '2026-02-30' as never, currency: 'EUR' })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.asOf: 2026-02-30 does not exist: that month has 28 days]`);
    expect(() =>
      daysSalesOutstanding({ balance: { minor: 1n, currency: 'XXQ' }, creditSales: eur('1'), from: asOf, to: asOf }, compileRatioOptions({ scale: 2, rounding: 'halfUp' })),
    ).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: input.balance.currency: unknown currency "XXQ": use an ISO 4217 code such as "EUR" or registerCurrency({ code, minorUnit }) first; input.balance.amount: expected a decimal string such as "19.99", a safe integer or a Scaled value]`);
  });
});
