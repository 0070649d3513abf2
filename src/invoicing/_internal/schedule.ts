import type { CalendarDate } from '../../calendar/CalendarDate.js';
import { minorUnitOf } from '../../money/currencies.js';
import { type Money, sameCurrencyMoney } from '../../money/Money.js';
import { divideRounded } from '../../money/rounding.js';
import { pow10 } from '../../money/Scaled.js';
import type { CashDiscount, Instalment } from '../Invoice.js';
import type { InvoiceDocument } from '../InvoiceDocument.js';
import { dueDate, nextPaymentDay } from '../paymentTerms.js';
import { addDays } from '../../calendar/addDays.js';

/** Due date, instalments (summing to the total) and cash discounts of a document. */
export function buildSchedule(
  doc: InvoiceDocument,
  total: Money,
  tax: Money,
): { dueDate: CalendarDate | null; instalments: Instalment[]; cashDiscounts: CashDiscount[] } {
  const terms = doc.paymentTerms;
  if (terms === null) return { dueDate: null, instalments: [], cashDiscounts: [] };
  const m = (minor: bigint): Money => sameCurrencyMoney(minor, total.currency);
  const exp = minorUnitOf(total.currency) ?? 0;
  const due = dueDate(doc.invoiceDate, terms);
  const cashDiscounts: CashDiscount[] = terms.cashDiscounts.map((s) => ({
    until: nextPaymentDay(addDays(doc.invoiceDate, s.days), null),
    percent: s.percent,
    amount: m(divideRounded(total.minor * s.percent.units, pow10(s.percent.scale + 2), terms.cashDiscountMode)),
  }));
  const schedule = terms.schedule;
  if (schedule === null) return { dueDate: due, instalments: [{ dueDate: due, amount: total, tax }], cashDiscounts };
  const n = schedule.parts.length;
  const spreadTax = schedule.tax === 'proportional';
  const base = spreadTax ? total.minor : total.minor - tax.minor;
  const amounts: bigint[] = [];
  let left = base;
  schedule.parts.forEach((p, i) => {
    if (i === n - 1) {
      amounts.push(left); // the last instalment absorbs the remainder
      return;
    }
    const want =
      schedule.allocation === 'percent'
        ? divideRounded(base * p.value.units, pow10(p.value.scale + 2), schedule.mode)
        : divideRounded(p.value.units * pow10(exp), pow10(p.value.scale), schedule.mode);
    const a = base >= 0n ? (want > left ? left : want) : want < left ? left : want;
    amounts.push(a);
    left -= a;
  });
  const taxes: bigint[] = amounts.map(() => 0n);
  if (spreadTax) {
    let taxLeft = tax.minor;
    amounts.forEach((a, i) => {
      const t = i === n - 1 || total.minor === 0n ? taxLeft : divideRounded(tax.minor * a, total.minor, schedule.mode);
      taxes[i] = t;
      taxLeft -= t;
    });
  } else {
    const at = schedule.tax === 'first' ? 0 : n - 1;
    amounts[at] = (amounts[at] as bigint) + tax.minor;
    taxes[at] = tax.minor;
  }
  const instalments: Instalment[] = schedule.parts.map((p, i) => ({
    dueDate: dueDate(doc.invoiceDate, terms, p.days),
    amount: m(amounts[i] as bigint),
    tax: m(taxes[i] as bigint),
  }));
  return { dueDate: due, instalments, cashDiscounts };
}
