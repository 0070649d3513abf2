import { MoneyInputSchema, NonNegativeDecimalSchema } from '../money/schemas.js';
import { CalendarDateSchema } from '../calendar/CalendarDate.js';
import * as z from 'zod';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { toEpochDay } from '../calendar/epochDay.js';
import { parseInput } from '../errors/parseInput.js';
import { assertSameCurrency } from '../money/assertSameCurrency.js';
import type { Money } from '../money/Money.js';
import { pow10, type Scaled } from '../money/Scaled.js';

/** The blocking rule types of d365 §5.4 (plus the two rank triggers). */
export type BlockingRuleKind =
  | 'daysOverdue'
  | 'accountStatus'
  | 'paymentTerms'
  | 'limitExpired'
  | 'overdueAmount'
  | 'orderAmount'
  | 'creditLimitUsed'
  | 'termsRankIncrease'
  | 'discountRankIncrease';

/** What a rule's threshold is measured in; an exclusion overrides only a block of the same value type. */
export type RuleValueType = 'days' | 'amount' | 'percent' | 'list' | 'rank';

/**
 * A blocking or exclusion rule. `level` `customer` / `group` applies to the customer or credit
 * management group named by `scopeId`; `all` to everyone; `riskGroup` narrows any level.
 * Parameters by kind: daysOverdue `days` (or `amount` with valueType `amount`, exclusions);
 * accountStatus / paymentTerms `values`; limitExpired `days` (grace); overdueAmount `amount`
 * and `percent` (both exceeded); orderAmount `amount`; creditLimitUsed `percent`.
 */
export type BlockingRule = {
  readonly id: string;
  readonly kind: BlockingRuleKind;
  readonly type: 'block' | 'exclude';
  readonly level: 'customer' | 'group' | 'all';
  readonly scopeId?: string;
  readonly riskGroup?: string;
  /** Exclusions only: when it matches, the order is released and no other rule runs. */
  readonly releaseOrder?: boolean;
  readonly valueType?: RuleValueType;
  readonly days?: number;
  readonly amount?: Money;
  readonly percent?: Scaled;
  readonly values?: readonly string[];
};

/** What the rules read about a customer, in the accounting currency. */
export type CustomerCreditData = {
  readonly customerId: string;
  readonly groupId?: string;
  readonly riskGroup?: string;
  readonly accountStatus?: string;
  readonly paymentTerms?: string;
  /** Rank of the customer's default payment terms and of the order's (higher = more generous). */
  readonly defaultTermsRank?: number;
  readonly orderTermsRank?: number;
  readonly defaultDiscountRank?: number;
  readonly orderDiscountRank?: number;
  /** Days past due of the oldest overdue open item (0 when nothing is overdue). */
  readonly maxDaysOverdue: number;
  readonly overdueAmount: Money;
  /** Exposure before the order. */
  readonly exposure: Money;
  /** Effective limit; absent = unlimited. */
  readonly creditLimit?: Money;
  readonly limitExpires?: CalendarDate;
  readonly excludedFromCreditManagement?: boolean;
  /** Credit management is suspended up to and including this date. */
  readonly ignoreUntil?: CalendarDate;
};

/** A rule that fired; `overridden` when a more specific exclusion of the same value type lifted it. */
export type RuleHit = { readonly ruleId: string; readonly kind: BlockingRuleKind; readonly level: BlockingRule['level']; readonly overridden: boolean };

/** Outcome of the credit policy: `warn` when blocks fired but were all overridden. */
export type CreditDecision = {
  readonly kind: 'pass' | 'warn' | 'hold';
  readonly reasons: readonly RuleHit[];
  readonly releasedBy?: string;
  readonly note?: string;
};

/** Options of {@link evaluateBlockingRules}. */
export type BlockingRuleOptions = {
  readonly asOf: CalendarDate;
  /** A blank expiry date: never expires (default) or counts as expired. */
  readonly blankExpiry?: 'neverExpires' | 'expired';
};

const RuleSchema = /* @__PURE__ */ z.object({
  id: z.string().min(1),
  kind: z.enum(['daysOverdue', 'accountStatus', 'paymentTerms', 'limitExpired', 'overdueAmount', 'orderAmount', 'creditLimitUsed', 'termsRankIncrease', 'discountRankIncrease']),
  type: z.enum(['block', 'exclude']),
  level: z.enum(['customer', 'group', 'all']),
  scopeId: z.string().optional(),
  riskGroup: z.string().optional(),
  releaseOrder: z.boolean().optional(),
  valueType: z.enum(['days', 'amount', 'percent', 'list', 'rank']).optional(),
  days: z.number().int().min(0).optional(),
  amount: MoneyInputSchema.optional(),
  percent: NonNegativeDecimalSchema.optional(),
  values: z.array(z.string()).optional(),
});
const DataSchema = /* @__PURE__ */ z.object({
  customerId: z.string().min(1),
  groupId: z.string().optional(),
  riskGroup: z.string().optional(),
  accountStatus: z.string().optional(),
  paymentTerms: z.string().optional(),
  defaultTermsRank: z.number().int().optional(),
  orderTermsRank: z.number().int().optional(),
  defaultDiscountRank: z.number().int().optional(),
  orderDiscountRank: z.number().int().optional(),
  maxDaysOverdue: z.number().int().min(0),
  overdueAmount: MoneyInputSchema,
  exposure: MoneyInputSchema,
  creditLimit: MoneyInputSchema.optional(),
  limitExpires: CalendarDateSchema.optional(),
  excludedFromCreditManagement: z.boolean().optional(),
  ignoreUntil: CalendarDateSchema.optional(),
});
const OptionsSchema = /* @__PURE__ */ z.object({ asOf: CalendarDateSchema, blankExpiry: z.enum(['neverExpires', 'expired']).optional() });

const LEVEL_RANK = { customer: 2, group: 1, all: 0 } as const;
const DEFAULT_VALUE_TYPE: Record<BlockingRuleKind, RuleValueType> = {
  daysOverdue: 'days',
  accountStatus: 'list',
  paymentTerms: 'list',
  limitExpired: 'days',
  overdueAmount: 'amount',
  orderAmount: 'amount',
  creditLimitUsed: 'percent',
  termsRankIncrease: 'rank',
  discountRankIncrease: 'rank',
};

/** used% > p  ⇔  used × 100 × 10^s > limit × p.units (exact); a zero limit is 100 % used by anything positive. */
function usedAbove(used: bigint, limit: bigint, p: Scaled): boolean {
  if (limit <= 0n) return used > 0n;
  return used * 100n * pow10(p.scale) > limit * p.units;
}

/**
 * Evaluates blocking and exclusion rules for an order (d365 §5.4, reference B.8):
 * (1) a matching exclusion with `releaseOrder` releases the order, nothing else runs;
 * (2) every applicable blocking rule that fires is a reason; it is lifted by a matching
 * exclusion of the same kind and value type from a more specific level (customer > group >
 * all), never by one at the same level; (3) hold if any reason is not lifted. Customers
 * excluded from credit management, or suspended until a date on or after `asOf`, pass.
 * A block fires when the value is over its threshold; an exclusion matches when the value is
 * within it (days overdue ≤ days, order ≤ amount, status in values, …).
 *
 * @throws {@link OrderToCashError} `invalid_input`; `currency_mismatch`.
 * @example
 * evaluateBlockingRules(data, eur('4500'), [{ id: 'used', kind: 'creditLimitUsed', type: 'block', level: 'all',
 *   percent: dec('90') }], { asOf }).kind //=> 'hold' (limit 10,000, balance 5,000)
 */
export function evaluateBlockingRules(
  customer: CustomerCreditData,
  orderAmount: Money,
  rules: readonly BlockingRule[],
  options: BlockingRuleOptions,
): CreditDecision {
  const c = parseInput(DataSchema, customer, ['customer']) as CustomerCreditData;
  const order = parseInput(MoneyInputSchema, orderAmount, ['orderAmount']);
  const rs = parseInput(z.array(RuleSchema), rules, ['rules']) as readonly BlockingRule[];
  const o = parseInput(OptionsSchema, options, ['options']);
  assertSameCurrency(order, c.exposure, ['customer', 'exposure']);
  assertSameCurrency(order, c.overdueAmount, ['customer', 'overdueAmount']);
  if (c.creditLimit !== undefined) assertSameCurrency(order, c.creditLimit, ['customer', 'creditLimit']);
  rs.forEach((r, i) => r.amount !== undefined && assertSameCurrency(order, r.amount, ['rules', i, 'amount']));

  const asOfDay = toEpochDay(o.asOf);
  if (c.excludedFromCreditManagement === true) return { kind: 'pass', reasons: [], note: 'excluded from credit management' };
  if (c.ignoreUntil !== undefined && asOfDay <= toEpochDay(c.ignoreUntil)) return { kind: 'pass', reasons: [], note: `credit management suspended until ${c.ignoreUntil}` };

  const applies = (r: BlockingRule): boolean =>
    (r.riskGroup === undefined || r.riskGroup === c.riskGroup) &&
    (r.level === 'all' || (r.level === 'customer' ? r.scopeId === c.customerId : r.scopeId !== undefined && r.scopeId === c.groupId));
  const valueType = (r: BlockingRule): RuleValueType => r.valueType ?? DEFAULT_VALUE_TYPE[r.kind];
  const newBalance = c.exposure.minor + order.minor;

  /** Block: is the customer over the rule's threshold? Exclusion: within it? */
  const over = (r: BlockingRule): boolean => {
    switch (r.kind) {
      case 'daysOverdue':
        return valueType(r) === 'amount' ? c.overdueAmount.minor > (r.amount?.minor ?? 0n) : c.maxDaysOverdue > (r.days ?? 0);
      case 'accountStatus':
        return c.accountStatus !== undefined && (r.values ?? []).includes(c.accountStatus);
      case 'paymentTerms':
        return c.paymentTerms !== undefined && (r.values ?? []).includes(c.paymentTerms);
      case 'limitExpired':
        if (c.creditLimit === undefined) return false;
        if (c.limitExpires === undefined) return o.blankExpiry === 'expired';
        return asOfDay > toEpochDay(c.limitExpires) + (r.days ?? 0);
      case 'overdueAmount':
        return c.overdueAmount.minor > (r.amount?.minor ?? 0n) && (c.creditLimit === undefined ? false : usedAbove(newBalance, c.creditLimit.minor, r.percent ?? { units: 0n, scale: 0 }));
      case 'orderAmount':
        return order.minor > (r.amount?.minor ?? 0n);
      case 'creditLimitUsed':
        return c.creditLimit !== undefined && usedAbove(newBalance, c.creditLimit.minor, r.percent ?? { units: 100n, scale: 0 });
      case 'termsRankIncrease':
        return c.orderTermsRank !== undefined && c.defaultTermsRank !== undefined && c.orderTermsRank > c.defaultTermsRank;
      case 'discountRankIncrease':
        return c.orderDiscountRank !== undefined && c.defaultDiscountRank !== undefined && c.orderDiscountRank > c.defaultDiscountRank;
    }
  };
  const exclusionMatches = (r: BlockingRule): boolean => (r.kind === 'accountStatus' || r.kind === 'paymentTerms' ? over(r) : !over(r));

  const active = rs.filter(applies);
  const releasing = active.find((r) => r.type === 'exclude' && r.releaseOrder === true && exclusionMatches(r));
  if (releasing !== undefined) return { kind: 'pass', reasons: [], releasedBy: releasing.id };

  const reasons: RuleHit[] = [];
  for (const r of active) {
    if (r.type !== 'block' || !over(r)) continue;
    const overridden = active.some(
      (x) => x.type === 'exclude' && x.kind === r.kind && valueType(x) === valueType(r) && LEVEL_RANK[x.level] > LEVEL_RANK[r.level] && exclusionMatches(x),
    );
    reasons.push({ ruleId: r.id, kind: r.kind, level: r.level, overridden });
  }
  const kind = reasons.some((h) => !h.overridden) ? 'hold' : reasons.length > 0 ? 'warn' : 'pass';
  return { kind, reasons };
}

/**
 * The credit policy order confirmation calls: customer credit data + order amount + asOf →
 * pass / warn / hold with reasons. Built once from the rules.
 */
export type CreditPolicy = (input: { readonly customer: CustomerCreditData; readonly orderAmount: Money; readonly asOf: CalendarDate }) => CreditDecision;

/**
 * Builds the {@link CreditPolicy} of a rule set (replaces the permissive default of order
 * confirmation).
 * @example
 * const policy = creditPolicy([{ id: 'od', kind: 'daysOverdue', type: 'block', level: 'all', days: 30 }]);
 * policy({ customer, orderAmount: eur('100'), asOf }).kind //=> 'hold' when an item is 31+ days overdue
 */
export function creditPolicy(rules: readonly BlockingRule[], options: { readonly blankExpiry?: 'neverExpires' | 'expired' } = {}): CreditPolicy {
  const rs = parseInput(z.array(RuleSchema), rules, ['rules']) as readonly BlockingRule[];
  return ({ customer, orderAmount, asOf }) => evaluateBlockingRules(customer, orderAmount, rs, { asOf, ...options });
}
