import { UTCDate } from '@date-fns/utc';
import { invalidInput } from '../../errors/parseInput.js';
import { formatCivil, readFields } from './civil.js';
import type { CalendarDate } from '../CalendarDate.js';

// date-fns computes in the process's local time zone; a UTCDate makes it compute in UTC, so
// a calendar date never moves with TZ (tests run under TZ=Pacific/Kiritimati too).
export function toUtcDate(date: CalendarDate): UTCDate {
  const { year, month, day } = readFields(date);
  const d = new UTCDate(0, 0, 1);
  d.setFullYear(year, month - 1, day); // setFullYear keeps years 1–99 literal
  return d;
}

export function fromUtcDate(d: Date): CalendarDate {
  const year = d.getFullYear();
  if (!(year >= 1 && year <= 9999)) invalidInput([], 'the result falls outside 0001-01-01 … 9999-12-31');
  return formatCivil(year, d.getMonth() + 1, d.getDate()) as CalendarDate;
}
