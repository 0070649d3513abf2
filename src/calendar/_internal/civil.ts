// Days from 1970-01-01 for a proleptic Gregorian date and back, in integer arithmetic
// (H. Hinnant's days_from_civil / civil_from_days). No Date object, so no time zone.

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatCivil(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Reads the fields of a valid YYYY-MM-DD without allocating substrings.
export function readFields(text: string): { year: number; month: number; day: number } {
  // Character codes minus '0' (48), written out: this runs for every date the library reads.
  return {
    year: text.charCodeAt(0) * 1000 + text.charCodeAt(1) * 100 + text.charCodeAt(2) * 10 + text.charCodeAt(3) - 48 * 1111,
    month: text.charCodeAt(5) * 10 + text.charCodeAt(6) - 48 * 11,
    day: text.charCodeAt(8) * 10 + text.charCodeAt(9) - 48 * 11,
  };
}

/** First and last day numbers the library accepts: 0001-01-01 and 9999-12-31. */
export const MIN_EPOCH_DAY: number = daysFromCivil(1, 1, 1);
export const MAX_EPOCH_DAY: number = daysFromCivil(9999, 12, 31);
