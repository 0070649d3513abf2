import { CalendarDateSchema } from '../calendar/CalendarDate.js';
import * as z from 'zod';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { toEpochDay } from '../calendar/epochDay.js';
import { parseInput } from '../errors/parseInput.js';
import { assertSameCurrency } from '../money/assertSameCurrency.js';
import { type CurrencyCode, type Money, sameCurrencyMoney } from '../money/Money.js';
import { CurrencyCodeSchema, MoneyInputSchema } from '../money/schemas.js';

/**
 * A collection letter level (d365 §5.6): sent `graceDays` after the due date (level 1) or
 * after the previous letter (levels 2+), when the overdue balance is at least
 * `minimumOverdue`; it may charge a `fee` and `block` the customer.
 */
export type DunningLevel = { readonly graceDays: number; readonly minimumOverdue: Money; readonly fee?: Money; readonly block?: boolean };

/** An open item for dunning, with the last letter sent for it. */
export type DunningItem = {
  readonly id: string;
  readonly customerId: string;
  readonly open: Money;
  readonly dueDate: CalendarDate;
  readonly lastLetter?: { readonly level: number; readonly date: CalendarDate };
};

/** A letter to send: to whom, at which level (1-based), for which items, with fee and block. */
export type DunningLetter = {
  readonly customerId: string;
  readonly level: number;
  readonly itemIds: readonly string[];
  readonly overdue: Money;
  readonly fee: Money | null;
  readonly block: boolean;
};

const Schema = /* @__PURE__ */ z.object({
  currency: CurrencyCodeSchema,
  asOf: CalendarDateSchema,
  levels: z.array(z.object({ graceDays: z.number().int().min(0), minimumOverdue: MoneyInputSchema, fee: MoneyInputSchema.optional(), block: z.boolean().optional() })).min(1).max(5),
});
const ItemsSchema = /* @__PURE__ */ z.array(
  z.object({
    id: z.string().min(1),
    customerId: z.string().min(1),
    open: MoneyInputSchema,
    dueDate: CalendarDateSchema,
    lastLetter: z.object({ level: z.number().int().min(1), date: CalendarDateSchema }).optional(),
  }),
);

/**
 * What to send to whom as of a date (d365 §5.6, letter per customer): an overdue item with a
 * positive open amount moves to the next level once the grace days of that level have passed
 * since its due date (level 1) or its last letter (2+); items at the last level stay there.
 * A customer gets one letter at the highest level among its items, when the open amount of
 * those items reaches that level's minimum overdue balance. Letters are ordered by customer id.
 *
 * @throws {@link OrderToCashError} `invalid_input` (at most 5 levels); `currency_mismatch`.
 * @example
 * dunningProposal(items, { currency: 'EUR', asOf, levels: [{ graceDays: 10, minimumOverdue: eur('50') }] })
 * //=> [{ customerId: 'C1', level: 1, itemIds: ['INV-1'], overdue: EUR 100.00, fee: null, block: false }]
 */
export function dunningProposal(
  items: readonly DunningItem[],
  options: { readonly currency: CurrencyCode; readonly asOf: CalendarDate; readonly levels: readonly DunningLevel[] },
): DunningLetter[] {
  const o = parseInput(Schema, options, ['options']);
  const xs = parseInput(ItemsSchema, items, ['items']);
  const asOf = toEpochDay(o.asOf);
  const zero = sameCurrencyMoney(0n, o.currency);
  o.levels.forEach((l, k) => {
    assertSameCurrency(zero, l.minimumOverdue, ['options', 'levels', k, 'minimumOverdue']);
    if (l.fee !== undefined) assertSameCurrency(zero, l.fee, ['options', 'levels', k, 'fee']);
  });
  const byCustomer = new Map<string, { level: number; ids: string[]; overdue: bigint }>();
  xs.forEach((x, k) => {
    assertSameCurrency(zero, x.open, ['items', k, 'open']);
    if (x.open.minor <= 0n) return;
    const current = x.lastLetter?.level ?? 0;
    const next = Math.min(current + 1, o.levels.length);
    if (next === current) return; // already at the last level
    const level = o.levels[next - 1] as DunningLevel;
    const from = x.lastLetter === undefined ? toEpochDay(x.dueDate) : toEpochDay(x.lastLetter.date);
    if (asOf <= from + level.graceDays) return;
    const c = byCustomer.get(x.customerId) ?? { level: 0, ids: [], overdue: 0n };
    c.level = Math.max(c.level, next);
    c.ids.push(x.id);
    c.overdue += x.open.minor;
    byCustomer.set(x.customerId, c);
  });
  const letters: DunningLetter[] = [];
  for (const customerId of [...byCustomer.keys()].sort()) {
    const c = byCustomer.get(customerId) as { level: number; ids: string[]; overdue: bigint };
    const level = o.levels[c.level - 1] as DunningLevel;
    if (c.overdue < level.minimumOverdue.minor) continue;
    letters.push({ customerId, level: c.level, itemIds: c.ids, overdue: sameCurrencyMoney(c.overdue, o.currency), fee: level.fee ?? null, block: level.block === true });
  }
  return letters;
}
