import type { CalendarDate } from '../calendar/CalendarDate.js';
import { formatMoney } from '../money/formatMoney.js';
import type { CurrencyCode, Money } from '../money/Money.js';
import { type BlockingRule, type CustomerCreditData, creditPolicy } from './blockingRules.js';
import { creditCheck, type CreditCheckOptions, type CreditLevelInput } from './creditCheck.js';

/**
 * An order as the credit policy reads it: the customer, the currency and the order's total.
 * A sales order of `order-to-cash/orders` is one.
 * @example
 * const order: CreditCheckedOrder = { customer: { customerId: 'C-1' }, currency: 'EUR', totals: { total: eur('100') } };
 */
export type CreditCheckedOrder = {
  readonly customer: { readonly customerId: string };
  readonly currency: CurrencyCode;
  readonly totals: { readonly total: Money };
};

/**
 * What the host knows about a customer's account as of a date: the blocking rules' data and
 * the levels of the limit check (the customer's, and its credit group's when it has one).
 */
export type CustomerCreditAccount = {
  readonly data: CustomerCreditData;
  readonly customer: CreditLevelInput;
  readonly group?: CreditLevelInput;
};

/** Options of {@link orderCreditPolicy}. */
export type OrderCreditPolicyOptions = {
  /** The blocking rules, evaluated customer → group → all. */
  readonly rules: readonly BlockingRule[];
  /** The limit check's options but the date, which is the confirmation's. */
  readonly limitCheck: Omit<CreditCheckOptions, 'asOf'>;
  /** Loads the account (exposure from open items, orders, …) in the order's currency as of the date. */
  readonly account: (customerId: string, currency: CurrencyCode, asOf: CalendarDate) => Promise<CustomerCreditAccount>;
};

/** A reason of a credit verdict: a stable code and a text for people. */
export type OrderCreditReason = { readonly code: string; readonly detail?: string };

/** The verdict on an order: the stricter of the limit check and the blocking rules. */
export type OrderCreditVerdict = { readonly kind: 'pass' | 'warn' | 'hold'; readonly reasons: readonly OrderCreditReason[] };

const RANK = { pass: 0, warn: 1, hold: 2 } as const;

/**
 * The credit policy that order confirmation asks (the `CreditPolicy` port of
 * `order-to-cash/orders`, which it satisfies structurally): it loads the customer's account,
 * runs {@link creditCheck} on the order's total and the blocking rules of {@link creditPolicy},
 * and answers the stricter verdict with the reasons of both.
 * @throws {@link OrderToCashError} `invalid_input` for bad rules (when built) or account data (when checking).
 * @example
 * const policy = orderCreditPolicy({ rules, limitCheck: { rounding: 'halfUp', atLimit: 'hold' }, account });
 * await confirmOrder({ salesOrders, creditPolicy: policy }, { orderNumber: 'SO-1', asOf: '2026-03-05' });
 */
export function orderCreditPolicy(options: OrderCreditPolicyOptions): {
  check(order: CreditCheckedOrder, asOf: CalendarDate): Promise<OrderCreditVerdict>;
} {
  const blocking = creditPolicy(options.rules);
  return {
    async check(order, asOf) {
      const account = await options.account(order.customer.customerId, order.currency, asOf);
      const orderAmount = order.totals.total;
      const limit = creditCheck(
        { orderAmount, customer: account.customer, ...(account.group === undefined ? {} : { group: account.group }) },
        { ...options.limitCheck, asOf },
      );
      const rules = blocking({ customer: account.data, orderAmount, asOf });
      const kind = RANK[limit.kind] >= RANK[rules.kind] ? limit.kind : rules.kind;
      const reasons: OrderCreditReason[] = [
        ...limit.reasons.map((r) => ({ code: r.code, detail: `${r.level}: new balance ${formatMoney(r.newBalance)} against limit ${formatMoney(r.limit)}` })),
        ...rules.reasons.map((r) => ({ code: r.kind, detail: `rule ${r.ruleId} (${r.level})${r.overridden ? ', overridden' : ''}` })),
      ];
      return { kind, reasons };
    },
  };
}
