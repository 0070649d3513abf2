import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { calendarDate } from '../../src/calendar/CalendarDate.js';
import { creditCheck } from '../../src/credit/creditCheck.js';
import { effectiveCreditLimit } from '../../src/credit/effectiveCreditLimit.js';
import { computeExposure, groupExposure } from '../../src/credit/exposure.js';
import { money } from '../../src/money/Money.js';
import { formatMoney } from '../../src/money/formatMoney.js';
import { exposureInputArb } from '../../src/testkit/creditArbitraries.js';
import { dec, deepFreeze, eur, usd } from '../helpers.js';

const asOf = calendarDate('2026-03-31');
const amount = fc.bigInt({ min: 0n, max: 10n ** 9n }).map((m) => money(m, 'EUR'));

describe('computeExposure', () => {
  test.prop([exposureInputArb('EUR')])('the total is the sum of its components, and the input is not mutated', (input) => {
    const frozen = deepFreeze(input);
    const e = computeExposure(frozen);
    expect(e.total.minor).toBe(e.components.reduce((s, c) => s + c.amount.minor, 0n));
    const all = [...input.openItems.map((x) => x.open), ...input.openOrders.map((x) => x.amount), ...input.deliveredNotInvoiced.map((x) => x.amount), ...(input.other ?? []).map((x) => x.amount)];
    expect(e.total.minor).toBe(all.reduce((s, m) => s + m.minor, 0n));
  });
  test.prop([fc.array(exposureInputArb('EUR'), { maxLength: 5 })])('a group exposure is the sum of its members', (inputs) => {
    const members = inputs.map(computeExposure);
    const g = groupExposure('EUR', members);
    expect(g.total.minor).toBe(members.reduce((s, m) => s + m.total.minor, 0n));
  });
  test('lists each component', () => {
    const e = computeExposure({
      currency: 'EUR',
      openItems: [{ open: eur('5000') }, { open: eur('-200') }],
      openOrders: [{ amount: eur('1000') }],
      deliveredNotInvoiced: [{ amount: eur('300') }],
      other: [{ component: 'deductionsAddedBack', amount: eur('50') }],
    });
    expect(e.components.map((c) => `${c.component} ${formatMoney(c.amount)}`)).toEqual([
      'openReceivables EUR 4,800.00',
      'openOrders EUR 1,000.00',
      'deliveredNotInvoiced EUR 300.00',
      'deductionsAddedBack EUR 50.00',
    ]);
    expect(e.total).toEqual(eur('6150'));
  });
  test('dynamic check: open orders delivering after the horizon are left out', () => {
    const e = computeExposure({
      currency: 'EUR',
      openItems: [],
      openOrders: [{ amount: eur('100'), deliveryDate: calendarDate('2026-04-10') }, { amount: eur('200'), deliveryDate: calendarDate('2026-06-01') }, { amount: eur('5') }],
      deliveredNotInvoiced: [],
      horizon: calendarDate('2026-04-30'),
    });
    expect(e.total).toEqual(eur('105'));
  });
  test('names the field in another currency', () => {
    expect(() =>
      computeExposure({ currency: 'EUR', openItems: [{ open: usd('1') }], openOrders: [], deliveredNotInvoiced: [] }),
    ).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: input.openItems[0].open is in USD but EUR was expected: convert it with convertMoney() first]`);
  });
});

describe('effectiveCreditLimit', () => {
  test('insurance: 100,000 + 50,000 × 50 % = 125,000 (d365 §5.3)', () => {
    const r = effectiveCreditLimit({ amount: eur('100000'), insurance: [{ insured: eur('50000'), percent: dec('50') }] }, { asOf, rounding: 'halfUp' });
    expect(r.kind === 'limited' && r.amount).toEqual(eur('125000'));
  });
  test('insurance included in exposure: (A + B × C) − B = 75,000', () => {
    const r = effectiveCreditLimit(
      { amount: eur('100000'), insurance: [{ insured: eur('50000'), percent: dec('50'), includedInExposure: true }] },
      { asOf, rounding: 'halfUp' },
    );
    expect(r.kind === 'limited' && r.amount).toEqual(eur('75000'));
  });
  test('a temporary limit replaces the limit while active; expiry after the date', () => {
    const limit = { amount: eur('1000'), expires: calendarDate('2026-03-30'), temporary: [{ amount: eur('5000'), from: calendarDate('2026-03-01'), to: calendarDate('2026-03-31') }] };
    const now = effectiveCreditLimit(limit, { asOf, rounding: 'halfUp' });
    expect(now.kind === 'limited' && [now.amount, now.expired]).toEqual([eur('5000'), false]);
    const later = effectiveCreditLimit(limit, { asOf: calendarDate('2026-04-01'), rounding: 'halfUp' });
    expect(later.kind === 'limited' && [later.amount, later.expired]).toEqual([eur('1000'), true]);
  });
  test('zero means no credit with credit management, unlimited in the classic check', () => {
    expect(effectiveCreditLimit({ amount: eur('0') }, { asOf, rounding: 'halfUp' }).kind).toBe('limited');
    expect(effectiveCreditLimit({ amount: eur('0') }, { asOf, rounding: 'halfUp', zeroLimit: 'unlimited' }).kind).toBe('unlimited');
    expect(effectiveCreditLimit({ amount: eur('0'), mandatory: true }, { asOf, rounding: 'halfUp', zeroLimit: 'unlimited' }).kind).toBe('limited');
  });
  test('rejects a bad date with its path', () => {
    expect(() => effectiveCreditLimit({ amount: eur('1'), expires: '2026-02-30' as never }, { asOf, rounding: 'halfUp' })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: limit.expires: 2026-02-30 does not exist: that month has 28 days]`);
  });
});

describe('creditCheck', () => {
  const opts = { asOf, rounding: 'halfUp', atLimit: 'hold' } as const;
  test.prop([amount, amount, amount, fc.constantFrom('pass' as const, 'hold' as const)])(
    'the boundary behaves as configured',
    (exposure, limit, order, atLimit) => {
      const r = creditCheck({ orderAmount: order, customer: { exposure, limit: { amount: limit } } }, { ...opts, atLimit });
      const newBalance = exposure.minor + order.minor;
      const held = atLimit === 'pass' ? newBalance > limit.minor : newBalance >= limit.minor;
      expect(r.kind).toBe(held ? 'hold' : 'pass');
    },
  );
  test.prop([amount, amount, amount, fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.option(amount, { nil: undefined }), fc.integer({ min: 0, max: 20 })])(
    'raising the limit never creates a hold (a zero non-mandatory limit in a group means "the group governs", so it is left out)',
    (exposure, limit, order, raise, groupLimit, tol) => {
      fc.pre(groupLimit === undefined || limit.minor > 0n);
      const group = groupLimit === undefined ? {} : { group: { exposure, limit: { amount: groupLimit } } };
      const o = { ...opts, tolerancePercent: dec(tol) };
      const before = creditCheck({ orderAmount: order, customer: { exposure, limit: { amount: limit } }, ...group }, o);
      const after = creditCheck({ orderAmount: order, customer: { exposure, limit: { amount: money(limit.minor + raise, 'EUR') } }, ...group }, o);
      if (before.kind !== 'hold') expect(after.kind).not.toBe('hold');
    },
  );
  test.prop([amount, amount, amount, fc.bigInt({ min: 0n, max: 10n ** 9n }), amount, amount])(
    'raising the order never releases a hold, and the input is not mutated',
    (exposure, limit, order, more, gExposure, gLimit) => {
      const input = deepFreeze({ orderAmount: order, customer: { exposure, limit: { amount: limit } }, group: { exposure: gExposure, limit: { amount: gLimit } } });
      const before = creditCheck(input, opts);
      const after = creditCheck({ ...input, orderAmount: money(order.minor + more, 'EUR') }, opts);
      if (before.kind === 'hold') expect(after.kind).toBe('hold');
    },
  );
  test('group first: 4,000 + 4,000 in a 10,000 group, 1,999 passes and 2,000 is held (B.5)', () => {
    const check = (order: string) =>
      creditCheck({ orderAmount: eur(order), customer: { exposure: eur('4000'), limit: { amount: eur('0') } }, group: { exposure: eur('8000'), limit: { amount: eur('10000') } } }, opts);
    expect(check('1999').kind).toBe('pass');
    expect(check('2000')).toMatchObject({ kind: 'hold', reasons: [{ code: 'limit_exceeded', level: 'group' }] });
  });
  test('d365 group table: individual 10,000 / group 15,000 → 10,000 governs; mandatory zero holds', () => {
    const group = { exposure: eur('0'), limit: { amount: eur('15000') } };
    expect(creditCheck({ orderAmount: eur('12000'), customer: { exposure: eur('0'), limit: { amount: eur('10000') } }, group }, opts).kind).toBe('hold');
    expect(creditCheck({ orderAmount: eur('12000'), customer: { exposure: eur('0'), limit: { amount: eur('0') } }, group }, opts).kind).toBe('pass');
    expect(creditCheck({ orderAmount: eur('1'), customer: { exposure: eur('0'), limit: { amount: eur('0'), mandatory: true } }, group }, opts).kind).toBe('hold');
    expect(creditCheck({ orderAmount: eur('99999'), customer: { exposure: eur('0'), limit: { amount: eur('0'), unlimited: true } }, group: { exposure: eur('0'), limit: { amount: eur('15000'), unlimited: true } } }, opts).kind).toBe('pass');
  });
  test('tolerance warns, beyond it holds; near the limit warns', () => {
    const c = (order: string) =>
      creditCheck({ orderAmount: eur(order), customer: { exposure: eur('9000'), limit: { amount: eur('10000') } } }, { ...opts, tolerancePercent: dec('5'), warnAtPercent: dec('90') });
    expect(c('500').reasons.map((r) => r.code)).toEqual(['near_limit']);
    expect(c('500').kind).toBe('warn');
    expect(c('1400').kind).toBe('warn');
    expect(c('1500').kind).toBe('hold');
  });
  test('an expired limit holds', () => {
    const r = creditCheck({ orderAmount: eur('1'), customer: { exposure: eur('0'), limit: { amount: eur('100'), expires: calendarDate('2026-01-01') } } }, opts);
    expect(r.reasons.map((x) => x.code)).toEqual(['limit_expired']);
  });
  test('rejects a missing atLimit', () => {
    expect(() => creditCheck({ orderAmount: eur('1'), customer: { exposure: eur('0'), limit: { amount: eur('100') } } }, { asOf, rounding: 'halfUp' } as never)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.atLimit: Invalid option: expected one of "pass"|"hold"]`);
  });
});
