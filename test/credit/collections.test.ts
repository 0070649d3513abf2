import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { addDays } from '../../src/calendar/addDays.js';
import { calendarDate } from '../../src/calendar/CalendarDate.js';
import { dunningProposal } from '../../src/credit/dunningProposal.js';
import { interestNote } from '../../src/credit/interestNote.js';
import { formatMoney } from '../../src/money/formatMoney.js';
import { money } from '../../src/money/Money.js';
import { dateNearArb } from '../../src/testkit/creditArbitraries.js';
import { dec, eur } from '../helpers.js';

const d = calendarDate;
const rate8 = [{ from: d('2025-01-01'), annualPercent: dec('8') }];

describe('interestNote', () => {
  test.prop([fc.bigInt({ min: 1n, max: 10n ** 9n }), dateNearArb(d('2026-03-31'), { daysBefore: 400, daysAfter: 0 }), fc.bigInt({ min: 0n, max: 5000n }), fc.bigInt({ min: 0n, max: 5000n })])(
    'minimum and maximum interest: a positive total is clamped to [min, max] and the lines still sum to it',
    (principal, due, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const asOf = d('2026-03-31');
      const rates = [{ from: d('2024-01-01'), annualPercent: dec('6') }, { from: d('2026-01-01'), annualPercent: dec('9.5') }];
      const input = { principal: money(principal, 'EUR'), dueDate: due, asOf };
      const plain = interestNote(input, { rates, dayCount: 'act365', rounding: 'halfUp' });
      const n = interestNote(input, { rates, dayCount: 'act365', rounding: 'halfUp', minimumInterest: money(lo, 'EUR'), maximumInterest: money(hi, 'EUR') });
      const expected = plain.lines.length === 0 ? 0n : plain.total.minor > hi ? hi : plain.total.minor < lo ? lo : plain.total.minor;
      expect(n.total.minor).toBe(expected);
      expect(n.lines.reduce((t, l) => t + l.interest.minor, 0n)).toBe(n.total.minor);
      expect(n.lines.map((l) => [l.from, l.to, l.days])).toEqual(plain.lines.map((l) => [l.from, l.to, l.days]));
      expect(n.limited === undefined).toBe(expected === plain.total.minor);
    },
  );
  test('a minimum of 10.00 lifts 6.58 of interest; a maximum of 5.00 cuts it', () => {
    const input = { principal: eur('1000'), dueDate: d('2026-01-31'), asOf: d('2026-03-02') };
    const base = { rates: rate8, dayCount: 'act365' as const, rounding: 'halfUp' as const };
    const up = interestNote(input, { ...base, minimumInterest: eur('10') });
    expect([formatMoney(up.total), up.limited]).toEqual(['EUR 10.00', 'minimum']);
    const down = interestNote(input, { ...base, maximumInterest: eur('5') });
    expect([formatMoney(down.total), down.limited]).toEqual(['EUR 5.00', 'maximum']);
    expect(interestNote({ ...input, asOf: input.dueDate }, { ...base, minimumInterest: eur('10') }).total.minor).toBe(0n);
    expect(() => interestNote(input, { ...base, minimumInterest: eur('10'), maximumInterest: eur('5') })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.minimumInterest: must not exceed maximumInterest]`);
  });
  test('1,000 at 8 % for 30 days: Act/365 6.58, Act/360 6.67', () => {
    const input = { principal: eur('1000'), dueDate: d('2026-01-31'), asOf: d('2026-03-02') };
    expect(formatMoney(interestNote(input, { rates: rate8, dayCount: 'act365', rounding: 'halfUp' }).total)).toBe('EUR 6.58');
    expect(formatMoney(interestNote(input, { rates: rate8, dayCount: 'act360', rounding: 'halfUp' }).total)).toBe('EUR 6.67');
  });
  test('30/360: 31 Jan → 31 Mar is 60 days', () => {
    const n = interestNote({ principal: eur('3600'), dueDate: d('2026-01-31'), asOf: d('2026-03-31') }, { rates: [{ from: d('2025-01-01'), annualPercent: dec('10') }], dayCount: '30/360', rounding: 'halfUp' });
    expect([n.lines[0]?.days, formatMoney(n.total)]).toEqual([60, 'EUR 60.00']);
  });
  test('one line per rate version in effect', () => {
    const rates = [{ from: d('2025-01-01'), annualPercent: dec('5') }, { from: d('2026-02-16'), annualPercent: dec('7.3') }];
    const n = interestNote({ principal: eur('10000'), dueDate: d('2026-01-31'), asOf: d('2026-03-02') }, { rates, dayCount: 'act365', rounding: 'halfUp' });
    expect(n.lines.map((l) => [l.from, l.to, l.days, formatMoney(l.interest)])).toEqual([
      ['2026-01-31', '2026-02-15', 15, 'EUR 20.55'],
      ['2026-02-15', '2026-03-02', 15, 'EUR 30.00'],
    ]);
    expect(n.total.minor).toBe(n.lines.reduce((s, l) => s + l.interest.minor, 0n));
  });
  test.prop([fc.bigInt({ min: 0n, max: 10n ** 10n }), dateNearArb(d('2026-03-31')), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 400 })])(
    'splitting at a rate version with the same rate changes the total by at most one minor unit per line',
    (p, due, days, split) => {
      const asOf = addDays(due, days);
      const principal = money(p, 'EUR');
      const one = interestNote({ principal, dueDate: due, asOf }, { rates: [{ from: d('2020-01-01'), annualPercent: dec('9') }], dayCount: 'act365', rounding: 'halfEven' });
      const two = interestNote(
        { principal, dueDate: due, asOf },
        { rates: [{ from: d('2020-01-01'), annualPercent: dec('9') }, { from: addDays(due, split), annualPercent: dec('9') }], dayCount: 'act365', rounding: 'halfEven' },
      );
      const diff = one.total.minor - two.total.minor;
      expect(diff <= 1n && diff >= -1n).toBe(true);
      expect(two.lines.reduce((s, l) => s + l.days, 0)).toBe(days);
    },
  );
  test('refuses a period no rate covers', () => {
    expect(() => interestNote({ principal: eur('1'), dueDate: d('2024-01-01'), asOf: d('2024-02-01') }, { rates: rate8, dayCount: 'act365', rounding: 'halfUp' })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.rates: no rate version is in effect on 2024-01-02: add one from that date or earlier]`);
  });
});

describe('dunningProposal', () => {
  const levels = [
    { graceDays: 10, minimumOverdue: eur('50') },
    { graceDays: 14, minimumOverdue: eur('50'), fee: eur('15') },
    { graceDays: 14, minimumOverdue: eur('50'), fee: eur('40'), block: true },
  ];
  test('what to send to whom as of a date', () => {
    const items = [
      { id: 'A-1', customerId: 'A', open: eur('100'), dueDate: d('2026-03-15') },
      { id: 'A-2', customerId: 'A', open: eur('300'), dueDate: d('2026-01-31'), lastLetter: { level: 1, date: d('2026-03-10') } },
      { id: 'B-1', customerId: 'B', open: eur('20'), dueDate: d('2026-01-01') },
      { id: 'C-1', customerId: 'C', open: eur('500'), dueDate: d('2026-03-25') },
      { id: 'D-1', customerId: 'D', open: eur('900'), dueDate: d('2025-10-01'), lastLetter: { level: 2, date: d('2026-02-01') } },
    ];
    expect(dunningProposal(items, { currency: 'EUR', asOf: d('2026-03-31'), levels }).map((l) => [l.customerId, l.level, l.itemIds, formatMoney(l.overdue), l.fee && formatMoney(l.fee), l.block])).toEqual([
      ['A', 2, ['A-1', 'A-2'], 'EUR 400.00', 'EUR 15.00', false],
      ['D', 3, ['D-1'], 'EUR 900.00', 'EUR 40.00', true],
    ]);
  });
  test.prop([
    fc.array(
      fc.record({ customerId: fc.constantFrom('A', 'B', 'C'), open: fc.bigInt({ min: -1000n, max: 100000n }), due: dateNearArb(d('2026-03-31'), { daysBefore: 200, daysAfter: 30 }), last: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }),
      { maxLength: 20 },
    ),
    fc.integer({ min: 0, max: 120 }),
  ])('a later date never lowers a customer\'s letter level', (raw, later) => {
    const items = raw.map((r, i) => ({ id: `I${i}`, customerId: r.customerId, open: money(r.open, 'EUR'), dueDate: r.due, ...(r.last === undefined ? {} : { lastLetter: { level: r.last, date: r.due } }) }));
    const asOf = d('2026-03-31');
    const levelsBy = (at: typeof asOf) => new Map(dunningProposal(items, { currency: 'EUR', asOf: at, levels }).map((l) => [l.customerId, l.level]));
    const before = levelsBy(asOf);
    const after = levelsBy(addDays(asOf, later));
    for (const [c, level] of before) expect(after.get(c) ?? 0).toBeGreaterThanOrEqual(level);
  });
  test('refuses more than five levels', () => {
    expect(() => dunningProposal([], { currency: 'EUR', asOf: d('2026-03-31'), levels: [...levels, ...levels] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.levels: Too big: expected array to have <=5 items]`);
  });
});
