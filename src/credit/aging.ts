import { CalendarDateSchema } from '../calendar/CalendarDate.js';
import * as z from 'zod';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { toEpochDay } from '../calendar/epochDay.js';
import { invalidInput, parseInput } from '../errors/parseInput.js';
import { currencyMismatchMessage } from '../errors/messages.js';
import { OrderToCashError } from '../errors/OrderToCashError.js';
import { type CurrencyCode, type Money, sameCurrencyMoney } from '../money/Money.js';
import { CurrencyCodeSchema } from '../money/schemas.js';

/** An open item as aging reads it; `open` is what is still owed (negative for credit notes). */
export type AgingItem = {
  readonly open: Money;
  readonly dueDate: CalendarDate;
  readonly transactionDate: CalendarDate;
  /** Absent: the transaction date is used. */
  readonly documentDate?: CalendarDate;
};

/** Which date the age counts from (d365 §5.6 aging criteria). */
export type AgingBasis = 'due' | 'transaction' | 'document';

/**
 * One bucket: items whose age in days is at most `upToDays` and above the previous bucket's
 * bound. The last bucket has `upToDays: null` (no upper bound). With basis `due` the age is
 * days past due, so `upToDays: 0` is the "current" (not yet due) bucket.
 */
export type AgingBucketDefinition = { readonly label: string; readonly upToDays: number | null };

/** Options of {@link ageItems}. */
export type AgingOptions = {
  readonly asOf: CalendarDate;
  readonly basis: AgingBasis;
  readonly currency: CurrencyCode;
  /** Ascending bounds, the last one `null`: the buckets partition every possible age. */
  readonly buckets: readonly AgingBucketDefinition[];
};

/** Amount and count of one bucket. */
export type AgingBucketTotal = { readonly label: string; readonly upToDays: number | null; readonly amount: Money; readonly count: number };

/**
 * An aging snapshot: open amounts per bucket as of a date. It is also the mergeable partial
 * result: {@link mergeAging} of snapshots of disjoint item sets equals the snapshot of their union.
 */
export type AgingSnapshot = {
  readonly asOf: CalendarDate;
  readonly basis: AgingBasis;
  readonly currency: CurrencyCode;
  readonly buckets: readonly AgingBucketTotal[];
  readonly total: Money;
  readonly count: number;
};

/**
 * The usual buckets by days past due: current (not yet due), 1–30, 31–60, 61–90, 91–120, over 120.
 * @example
 * STANDARD_AGING_BUCKETS[0] //=> { label: 'current', upToDays: 0 }
 */
export const STANDARD_AGING_BUCKETS: readonly AgingBucketDefinition[] = [
  { label: 'current', upToDays: 0 },
  { label: '1-30', upToDays: 30 },
  { label: '31-60', upToDays: 60 },
  { label: '61-90', upToDays: 90 },
  { label: '91-120', upToDays: 120 },
  { label: 'over 120', upToDays: null },
];

const OptionsSchema = /* @__PURE__ */ z.object({
  asOf: CalendarDateSchema,
  basis: z.enum(['due', 'transaction', 'document']),
  currency: CurrencyCodeSchema,
  buckets: z
    .array(z.object({ label: z.string().min(1), upToDays: z.number().int().nullable() }))
    .min(1)
    .superRefine((buckets, ctx) => {
      buckets.forEach((b, i) => {
        const last = i === buckets.length - 1;
        if (last && b.upToDays !== null) ctx.addIssue({ code: 'custom', path: [i, 'upToDays'], message: 'the last bucket must be open-ended: set upToDays to null' });
        if (!last && b.upToDays === null) ctx.addIssue({ code: 'custom', path: [i, 'upToDays'], message: 'only the last bucket may be open-ended' });
        const prev = buckets[i - 1]?.upToDays;
        if (i > 0 && prev !== null && prev !== undefined && b.upToDays !== null && b.upToDays <= prev) {
          ctx.addIssue({ code: 'custom', path: [i, 'upToDays'], message: 'bounds must be strictly ascending' });
        }
      });
    }),
});

/** Aging options validated once by {@link compileAgingOptions}. */
export type CompiledAgingOptions = AgingOptions & z.$brand<'CompiledAgingOptions'>;

type AgingPlan = { readonly options: AgingOptions; readonly asOfDay: number; readonly bounds: readonly number[] };

const COMPILED = /* @__PURE__ */ new WeakMap<object, AgingPlan>();

function planOf(o: AgingOptions): AgingPlan {
  return { options: o, asOfDay: toEpochDay(o.asOf), bounds: o.buckets.map((b) => (b.upToDays === null ? Number.POSITIVE_INFINITY : b.upToDays)) };
}

/**
 * Validates aging options (date, basis, currency and bucket bounds) once for bulk use:
 * {@link agingAccumulator}, {@link ageItems} and {@link ageItemsAsync} then skip parsing them
 * for every customer. The result is frozen and gives the same snapshots as the plain options.
 * @throws {@link OrderToCashError} `invalid_input` naming the bad field, e.g. `options.buckets[2].upToDays`.
 * @example
 * const options = compileAgingOptions({ asOf, basis: 'due', currency: 'EUR', buckets: STANDARD_AGING_BUCKETS });
 * ageItems(items, options) // the same snapshot as ageItems(items, { asOf, basis: 'due', … })
 */
export function compileAgingOptions(options: AgingOptions): CompiledAgingOptions {
  const o = parseInput(OptionsSchema, options, ['options']);
  const buckets = Object.freeze(o.buckets.map((b) => Object.freeze({ label: b.label, upToDays: b.upToDays })));
  const compiled = Object.freeze({ asOf: o.asOf, basis: o.basis, currency: o.currency, buckets }) as CompiledAgingOptions;
  COMPILED.set(compiled, planOf(compiled));
  return compiled;
}

/** A running aging computation; feed items with {@link AgingAccumulator.add}. */
export type AgingAccumulator = {
  /** Adds one item. */
  add(item: AgingItem): void;
  /** The snapshot of the items added so far. */
  snapshot(): AgingSnapshot;
};

/**
 * An accumulator for aging many items without building arrays (the hot path of
 * {@link ageItems} and {@link ageItemsAsync}). Options are validated once.
 * @throws {@link OrderToCashError} `invalid_input` for bad options; `currency_mismatch` from `add`.
 * @example
 * const acc = agingAccumulator({ asOf, basis: 'due', currency: 'EUR', buckets: STANDARD_AGING_BUCKETS });
 * acc.add(item); acc.snapshot().total //=> item.open
 */
export function agingAccumulator(options: AgingOptions): AgingAccumulator {
  const plan = COMPILED.get(options) ?? planOf(parseInput(OptionsSchema, options, ['options']));
  const o = plan.options;
  const asOfDay = plan.asOfDay;
  const bounds = plan.bounds;
  const amounts = bounds.map(() => 0n);
  const counts = bounds.map(() => 0);
  const last = bounds.length - 1;
  let n = 0;
  return {
    add(item: AgingItem): void {
      if (item.open.currency !== o.currency) {
        throw new OrderToCashError('currency_mismatch', currencyMismatchMessage(o.currency, item.open.currency, ['items', n, 'open']), ['items', n, 'open']);
      }
      const date = o.basis === 'due' ? item.dueDate : o.basis === 'document' ? (item.documentDate ?? item.transactionDate) : item.transactionDate;
      const age = asOfDay - toEpochDay(date);
      let i = 0;
      while (i < last && age > (bounds[i] as number)) i++;
      amounts[i] = (amounts[i] as bigint) + item.open.minor;
      counts[i] = (counts[i] as number) + 1;
      n++;
    },
    snapshot(): AgingSnapshot {
      let total = 0n;
      const buckets = o.buckets.map((b, i) => {
        const minor = amounts[i] as bigint;
        total += minor;
        return { label: b.label, upToDays: b.upToDays, amount: sameCurrencyMoney(minor, o.currency), count: counts[i] as number };
      });
      return { asOf: o.asOf, basis: o.basis, currency: o.currency, buckets, total: sameCurrencyMoney(total, o.currency), count: n };
    },
  };
}

/**
 * Ages open items as of a date: each item falls in exactly one bucket, by days past due
 * (`due`) or days since its transaction or document date; the bucket amounts sum to the
 * open balance (reference B.1, B.9; d365 §5.6).
 *
 * @throws {@link OrderToCashError} `invalid_input` for bad options; `currency_mismatch` for an item in another currency.
 * @example
 * ageItems([{ open: eur('100'), dueDate: calendarDate('2026-03-01'), transactionDate: calendarDate('2026-02-01') }],
 *   { asOf: calendarDate('2026-03-31'), basis: 'due', currency: 'EUR', buckets: STANDARD_AGING_BUCKETS })
 *   .buckets[1].amount //=> EUR 100.00 (30 days past due)
 */
export function ageItems(items: Iterable<AgingItem>, options: AgingOptions): AgingSnapshot {
  const acc = agingAccumulator(options);
  for (const item of items) acc.add(item);
  return acc.snapshot();
}

/**
 * {@link ageItems} over an async iterable (a database cursor, a stream of shards).
 * @example
 * await ageItemsAsync(cursor, options) // same snapshot as ageItems over the same items
 */
export async function ageItemsAsync(items: AsyncIterable<AgingItem> | Iterable<AgingItem>, options: AgingOptions): Promise<AgingSnapshot> {
  const acc = agingAccumulator(options);
  for await (const item of items) acc.add(item);
  return acc.snapshot();
}

/**
 * Merges two snapshots of disjoint item sets taken with the same asOf, basis, currency and
 * buckets: associative and commutative, so shards can be merged in any grouping and order.
 * @throws {@link OrderToCashError} `invalid_input` when the snapshots were taken differently.
 * @example
 * mergeAging(ageItems(a, options), ageItems(b, options)) // equals ageItems([...a, ...b], options)
 */
export function mergeAging(a: AgingSnapshot, b: AgingSnapshot): AgingSnapshot {
  const same =
    a.asOf === b.asOf &&
    a.basis === b.basis &&
    a.currency === b.currency &&
    a.buckets.length === b.buckets.length &&
    a.buckets.every((x, i) => x.label === b.buckets[i]?.label && x.upToDays === b.buckets[i]?.upToDays);
  if (!same) invalidInput(['b'], 'was taken with another asOf, basis, currency or buckets: merge only snapshots of the same aging run');
  const buckets = a.buckets.map((x, i) => {
    const y = b.buckets[i] as AgingBucketTotal;
    return { label: x.label, upToDays: x.upToDays, amount: sameCurrencyMoney(x.amount.minor + y.amount.minor, a.currency), count: x.count + y.count };
  });
  return { asOf: a.asOf, basis: a.basis, currency: a.currency, buckets, total: sameCurrencyMoney(a.total.minor + b.total.minor, a.currency), count: a.count + b.count };
}
