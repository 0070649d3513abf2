import { CalendarDateSchema } from '../calendar/CalendarDate.js';
import * as z from 'zod';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { toEpochDay } from '../calendar/epochDay.js';
import { parseInput } from '../errors/parseInput.js';
import { assertSameCurrency } from '../money/assertSameCurrency.js';
import { type CurrencyCode, type Money, sameCurrencyMoney } from '../money/Money.js';
import { CurrencyCodeSchema, MoneyInputSchema } from '../money/schemas.js';

/** What a customer's exposure is made of, each amount in the accounting currency. */
export type ExposureInput = {
  /** Accounting currency every amount is in (convert with convertMoney() first). */
  readonly currency: CurrencyCode;
  /** Open amounts of receivables (invoices positive, credit notes and unapplied cash negative). */
  readonly openItems: readonly { readonly open: Money }[];
  /** Order lines not yet delivered, at their open order value; `deliveryDate` for the horizon. */
  readonly openOrders: readonly { readonly amount: Money; readonly deliveryDate?: CalendarDate }[];
  /** Deliveries (packing slips) not yet invoiced. */
  readonly deliveredNotInvoiced: readonly { readonly amount: Money }[];
  /** Components the host adds (deductions added back, guarantees subtracted, …), by name. */
  readonly other?: readonly { readonly component: string; readonly amount: Money }[];
  /**
   * Dynamic check (SAP): open orders delivering after this date are left out. Orders without
   * a delivery date always count.
   */
  readonly horizon?: CalendarDate;
};

/** One named part of an exposure. */
export type ExposureComponent = { readonly component: string; readonly amount: Money };

/** Exposure in the accounting currency: the total and every component it is the sum of. */
export type Exposure = { readonly currency: CurrencyCode; readonly total: Money; readonly components: readonly ExposureComponent[] };

const ExposureInputSchema = /* @__PURE__ */ z.object({
  currency: CurrencyCodeSchema,
  openItems: z.array(z.object({ open: MoneyInputSchema })),
  openOrders: z.array(z.object({ amount: MoneyInputSchema, deliveryDate: CalendarDateSchema.optional() })),
  deliveredNotInvoiced: z.array(z.object({ amount: MoneyInputSchema })),
  other: z.array(z.object({ component: z.string().min(1), amount: MoneyInputSchema })).optional(),
  horizon: CalendarDateSchema.optional(),
});

/**
 * Credit exposure of a customer: open receivables + open orders not delivered + delivered
 * not invoiced + the host's other components (reference B.7, SAP/BC/D365 "Balance + All").
 * Components with the same name are summed; the order is the fixed components, then the
 * host's in order of first appearance. `total` is exactly the sum of `components`.
 *
 * @param input - the customer's open items, orders and deliveries as data
 * @returns the total and its components
 * @throws {@link OrderToCashError} `invalid_input` for malformed input, `currency_mismatch`
 *   when an amount is not in `currency`.
 * @example
 * computeExposure({ currency: 'EUR', openItems: [{ open: eur('5000') }], openOrders: [{ amount: eur('1000') }],
 *   deliveredNotInvoiced: [] }).total //=> EUR 6,000.00
 */
export function computeExposure(input: ExposureInput): Exposure {
  const parsed = parseInput(ExposureInputSchema, input, ['input']);
  const currency = parsed.currency;
  const sums = new Map<string, bigint>([
    ['openReceivables', 0n],
    ['openOrders', 0n],
    ['deliveredNotInvoiced', 0n],
  ]);
  const add = (component: string, amount: Money, path: (string | number)[]): void => {
    assertSameCurrency(sameCurrencyMoney(0n, currency), amount, path);
    sums.set(component, (sums.get(component) ?? 0n) + amount.minor);
  };
  parsed.openItems.forEach((item, i) => add('openReceivables', item.open, ['input', 'openItems', i, 'open']));
  const horizon = parsed.horizon === undefined ? undefined : toEpochDay(parsed.horizon);
  parsed.openOrders.forEach((o, i) => {
    if (horizon !== undefined && o.deliveryDate !== undefined && toEpochDay(o.deliveryDate) > horizon) return;
    add('openOrders', o.amount, ['input', 'openOrders', i, 'amount']);
  });
  parsed.deliveredNotInvoiced.forEach((d, i) => add('deliveredNotInvoiced', d.amount, ['input', 'deliveredNotInvoiced', i, 'amount']));
  (parsed.other ?? []).forEach((o, i) => add(o.component, o.amount, ['input', 'other', i, 'amount']));
  return buildExposure(currency, sums);
}

function buildExposure(currency: CurrencyCode, sums: ReadonlyMap<string, bigint>): Exposure {
  let total = 0n;
  const components: ExposureComponent[] = [];
  for (const [component, minor] of sums) {
    total += minor;
    components.push({ component, amount: sameCurrencyMoney(minor, currency) });
  }
  return { currency, total: sameCurrencyMoney(total, currency), components };
}

/**
 * Exposure of a customer credit group: the members' exposures added component by component
 * (reference B.9 "exposure additivity"). All members must be in the same accounting currency.
 *
 * @param currency - the group's accounting currency
 * @param members - exposures of the members (from {@link computeExposure})
 * @throws {@link OrderToCashError} `currency_mismatch` when a member is in another currency.
 * @example
 * groupExposure('EUR', [a, b]).total //=> a.total + b.total
 */
export function groupExposure(currency: CurrencyCode, members: readonly Exposure[]): Exposure {
  const sums = new Map<string, bigint>([
    ['openReceivables', 0n],
    ['openOrders', 0n],
    ['deliveredNotInvoiced', 0n],
  ]);
  members.forEach((m, i) => {
    for (const c of m.components) {
      assertSameCurrency(sameCurrencyMoney(0n, currency), c.amount, ['members', i, 'components']);
      sums.set(c.component, (sums.get(c.component) ?? 0n) + c.amount.minor);
    }
  });
  return buildExposure(currency, sums);
}
