import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { dateKey } from '../../../src/calendar/_internal/dateKey.js';
import { DAY_UNIT, dayNumber } from '../../../src/pricing/_internal/fastIndex.js';
import { OPEN_FROM, OPEN_TO } from '../../../src/pricing/_internal/keys.js';
import { calendarDate } from '../../../src/calendar/CalendarDate.js';
import { calendarDateArb } from '../../../src/testkit/calendarArbitraries.js';

const anyDate = calendarDateArb({ min: calendarDate('0001-01-01'), max: calendarDate('9999-12-31') });

describe('dayNumber', () => {
  // A record's validity days are packed as first × DAY_UNIT + last: both must stay below it, in date order.
  test.prop([anyDate, anyDate])(
    'orders dates as their keys do, strictly between the open bounds',
    (a, b) => {
      const x = dayNumber(dateKey(a));
      const y = dayNumber(dateKey(b));
      expect(Math.sign(x - y)).toBe(Math.sign(dateKey(a) - dateKey(b)));
      expect(x).toBeGreaterThan(dayNumber(OPEN_FROM));
      expect(x).toBeLessThan(dayNumber(OPEN_TO));
    },
  );

  test('the extreme dates and open bounds', () => {
    expect(dayNumber(dateKey('0001-01-01'))).toBe(1);
    expect(dayNumber(dateKey('9999-12-31'))).toBe(3_652_059);
    expect(dayNumber(OPEN_TO)).toBe(DAY_UNIT - 1);
    expect(dayNumber(dateKey('2024-03-01')) - dayNumber(dateKey('2024-02-28'))).toBe(2);
  });
});
