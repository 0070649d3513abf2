import { formatDecimalText } from './_internal/decimalText.js';
import { requireMinorUnit } from './currencies.js';
import type { Money } from './Money.js';

/** Options of {@link formatMoney}. */
export type FormatMoneyOptions = {
  /** Put the currency code in front (default true). */
  readonly code?: boolean;
  /** Group thousands with ',' (default true). */
  readonly grouping?: boolean;
};

/**
 * A plain, locale-free rendering for logs, reports and tests: `EUR 1,234.50`. For
 * locale-aware display use `Intl.NumberFormat` on {@link moneyToJSON}'s amount.
 * @example
 * formatMoney(parseMoney('-1234.5', 'EUR')) //=> 'EUR -1,234.50'
 * formatMoney(parseMoney('1234.5', 'EUR'), { code: false, grouping: false }) //=> '1234.50'
 */
export function formatMoney(m: Money, options: FormatMoneyOptions = {}): string {
  let text = formatDecimalText(m.minor, requireMinorUnit(m.currency, ['currency']));
  if (options.grouping !== false) text = groupThousands(text);
  return options.code === false ? text : `${m.currency} ${text}`;
}

function groupThousands(text: string): string {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return (negative ? '-' : '') + grouped + (dot < 0 ? '' : body.slice(dot));
}
