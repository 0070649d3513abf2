import { type CalendarDate, calendarDate } from '../../src/calendar/CalendarDate.js';
import { parseMoney } from '../../src/money/parseMoney.js';
import { type Scaled, scaled } from '../../src/money/Scaled.js';
import type { CustomerId, OpenItem, OpenItemId, OpenItemKind, Payment } from '../../src/payments/OpenItem.js';
import type { Settlement } from '../../src/payments/Settlement.js';

export const d = (s: string): CalendarDate => calendarDate(s);

export function item(
  id: string,
  amount: string,
  due: string,
  extra: Partial<Omit<OpenItem, 'cashDiscounts'>> & { kind?: OpenItemKind; discounts?: [string, string][]; doc?: string } = {},
): OpenItem {
  const { discounts, doc, ...rest } = extra;
  const kind = extra.kind ?? 'invoice';
  const credit = kind === 'creditNote' || kind === 'payment';
  const currency = extra.currency ?? 'EUR';
  return {
    id: id as OpenItemId,
    kind,
    customerId: 'C1' as CustomerId,
    currency,
    residual: parseMoney(credit && !amount.startsWith('-') ? `-${amount}` : amount, currency),
    documentNumber: id,
    references: [],
    documentDate: d(doc ?? due),
    dueDate: d(due),
    cashDiscounts: (discounts ?? []).map(([p, u]) => ({ percent: scaled(p), until: d(u) })),
    ...rest,
  };
}

export function pay(amount: string, date: string, extra: Partial<Payment> = {}): Payment {
  const currency = extra.currency ?? 'EUR';
  return { id: 'P1', currency, amount: parseMoney(amount, currency), valueDate: d(date), references: [], ...extra };
}

/** Sum of entries of a kind on an item (or without item), in major-unit text for readable tests. */
export function total(s: Settlement, kind: string, itemId?: string): bigint {
  return s.entries.filter((e) => e.kind === kind && (itemId === undefined || e.itemId === itemId)).reduce((a, e) => a + e.amount.minor, 0n);
}

export function settledOn(s: Settlement, itemId: string): bigint {
  return s.entries
    .filter((e) => e.itemId === itemId && ['applied', 'cashDiscount', 'pennyDifference', 'writeOff', 'deduction'].includes(e.kind))
    .reduce((a, e) => a + e.amount.minor, 0n);
}

export const pct = (s: string): Scaled => scaled(s);
