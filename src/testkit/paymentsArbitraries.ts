import fc from 'fast-check';
import { addDays } from '../calendar/addDays.js';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { money } from '../money/Money.js';
import { scaledOf } from '../money/Scaled.js';
import type { CustomerId, OpenItem, OpenItemId, OpenItemKind, Payment } from '../payments/OpenItem.js';

/** Options of {@link openItemsArb} and {@link paymentsScenarioArb}. */
export type PaymentsArbOptions = {
  /** Currency of every item and payment (default EUR). */
  readonly currency?: string;
  /** Number of customers (default 3). */
  readonly customers?: number;
  /** Largest number of items (default 12). */
  readonly maxItems?: number;
  /** Largest residual in minor units (default 100 000). */
  readonly maxMinor?: number;
  /** Include credit notes and unapplied payments (default true). */
  readonly credits?: boolean;
  /** Give credit notes a cash-discount chain too, as the invoices they credit (default false). */
  readonly creditNoteDiscounts?: boolean;
};

const BASE = '2026-01-01' as CalendarDate;

/**
 * Open items of a few customers in one currency: invoices, interest notes, fees, deductions
 * and (optionally) credit notes and unapplied payments, with due dates and cash-discount
 * chains; ids `I000`, `I001`, … are unique, document numbers `DOC-…` too.
 * @example
 * fc.sample(openItemsArb({ maxItems: 5 }), 1)[0].length <= 5 //=> true
 */
export function openItemsArb(options: PaymentsArbOptions = {}): fc.Arbitrary<OpenItem[]> {
  const currency = options.currency ?? 'EUR';
  const kinds: OpenItemKind[] = ['invoice', 'invoice', 'invoice', 'interestNote', 'fee', 'deduction'];
  if (options.credits ?? true) kinds.push('creditNote', 'payment');
  const one = fc.record({
    kind: fc.constantFrom(...kinds),
    customer: fc.integer({ min: 0, max: (options.customers ?? 3) - 1 }),
    minor: fc.integer({ min: 1, max: options.maxMinor ?? 100_000 }),
    docDay: fc.integer({ min: 0, max: 120 }),
    term: fc.integer({ min: 0, max: 60 }),
    discounts: fc.uniqueArray(fc.record({ percent: fc.constantFrom(1n, 2n, 3n, 25n), days: fc.integer({ min: 1, max: 40 }) }), { maxLength: 2, selector: (d) => d.days }),
    rate: fc.option(fc.integer({ min: 5000, max: 15000 }), { nil: undefined }),
  });
  return fc.array(one, { maxLength: options.maxItems ?? 12 }).map((rows) =>
    rows.map((r, i): OpenItem => {
      const id = `I${String(i).padStart(3, '0')}`;
      const credit = r.kind === 'creditNote' || r.kind === 'payment';
      const documentDate = addDays(BASE, r.docDay);
      const steps = credit && !(r.kind === 'creditNote' && options.creditNoteDiscounts === true) ? [] : [...r.discounts].sort((a, b) => a.days - b.days).map((d, k, all) => ({ percent: scaledOf(all.length - k === 2 ? d.percent + 1n : d.percent, 0), until: addDays(documentDate, d.days) }));
      return {
        id: id as OpenItemId,
        kind: r.kind,
        customerId: `C${r.customer}` as CustomerId,
        currency,
        residual: money(BigInt(credit ? -r.minor : r.minor), currency),
        documentNumber: `DOC-${1000 + i}`,
        references: [],
        documentDate,
        dueDate: addDays(documentDate, r.term),
        cashDiscounts: steps,
        ...(r.rate === undefined ? {} : { exchangeRate: scaledOf(BigInt(r.rate), 4) }),
      };
    }),
  );
}

/**
 * A payment in `currency`, value date in the first half of 2026, optionally of a customer.
 * @example
 * fc.sample(paymentArb(), 1)[0].amount.minor > 0n //=> true
 */
export function paymentArb(options: PaymentsArbOptions = {}): fc.Arbitrary<Payment> {
  const currency = options.currency ?? 'EUR';
  return fc
    .record({
      minor: fc.integer({ min: 1, max: (options.maxMinor ?? 100_000) * 3 }),
      day: fc.integer({ min: 0, max: 200 }),
      customer: fc.option(fc.integer({ min: 0, max: (options.customers ?? 3) - 1 }), { nil: undefined }),
      rate: fc.option(fc.integer({ min: 5000, max: 15000 }), { nil: undefined }),
    })
    .map((r): Payment => ({
      id: 'P',
      currency,
      amount: money(BigInt(r.minor), currency),
      valueDate: addDays(BASE, r.day),
      references: [],
      ...(r.customer === undefined ? {} : { customerId: `C${r.customer}` as CustomerId }),
      ...(r.rate === undefined ? {} : { exchangeRate: scaledOf(BigInt(r.rate), 4) }),
    }));
}

/**
 * A statement scenario: open items and payments, some paying exactly one item with its
 * document number in the text, some the sum of two items of a customer, some random.
 * Payment ids `P000`, … are unique.
 * @example
 * fc.sample(paymentsScenarioArb(), 1)[0].payments.length <= 6 //=> true
 */
export function paymentsScenarioArb(options: PaymentsArbOptions = {}): fc.Arbitrary<{ items: OpenItem[]; payments: Payment[] }> {
  const currency = options.currency ?? 'EUR';
  return openItemsArb(options).chain((items) => {
    const debits = items.filter((i) => i.residual.minor > 0n);
    const pick = debits.length === 0 ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: debits.length - 1 }), { nil: undefined });
    const line = fc.record({ kind: fc.constantFrom('ref', 'pair', 'random'), a: pick, b: pick, withRef: fc.boolean(), p: paymentArb(options) });
    return fc.array(line, { maxLength: 6 }).map((lines) => ({
      items,
      payments: lines.map((l, i): Payment => {
        const a = l.a === undefined ? undefined : debits[l.a];
        const b = l.b === undefined ? undefined : debits[l.b];
        const id = `P${String(i).padStart(3, '0')}`;
        if (l.kind === 'ref' && a !== undefined)
          return { ...l.p, id, amount: a.residual, ...(l.withRef ? { text: `invoice ${a.documentNumber}` } : { customerId: a.customerId }) };
        if (l.kind === 'pair' && a !== undefined && b !== undefined && a.id !== b.id && a.customerId === b.customerId)
          return { ...l.p, id, customerId: a.customerId, amount: money(a.residual.minor + b.residual.minor, currency) };
        return { ...l.p, id };
      }),
    }));
  });
}
