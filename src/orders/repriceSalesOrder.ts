import { calendarDate, type CalendarDate } from '../calendar/CalendarDate.js';
import { compareScaled } from '../money/compareScaled.js';
import type { Money } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import type { PriceBook } from '../pricing/compilePriceBook.js';
import type { DraftOutcome } from './draftQuotation.js';
import { deepFreeze } from './_internal/freeze.js';
import { priceLines } from './_internal/pricing.js';
import { targetOf } from './_internal/transition.js';
import type { LinePrice } from './LinePrice.js';
import type { RepriceOptions } from './orderFromQuotation.js';
import type { SalesOrder } from './SalesOrder.js';
import { SALES_ORDER_TRANSITIONS } from './stateMachines.js';

/**
 * The parts of a line price a reprice compares.
 * @example
 * const p: PriceFigures = { unitPrice, priceUnit, discountAmount, discountPercents, lineAmount, netAmount };
 */
export type PriceFigures = {
  readonly unitPrice: Scaled;
  readonly priceUnit: Scaled;
  readonly discountAmount: Scaled;
  readonly discountPercents: readonly Scaled[];
  readonly lineAmount: Money;
  readonly netAmount: Money;
};

/**
 * One line whose price a reprice changed, before and after.
 * @example
 * const change: PriceChange = outcome.changes[0];
 * change.before.netAmount.toString() //=> 'EUR 90.00'
 */
export type PriceChange = { readonly lineId: string; readonly before: PriceFigures; readonly after: PriceFigures };

/**
 * Outcome of {@link repriceSalesOrder}: the repriced order and what changed (lines and the
 * total), or `noPrice` (the order is then left as it was).
 * @example
 * if (outcome.kind === 'repriced' && outcome.changes.length === 0) note('prices unchanged');
 */
export type RepriceOutcome = DraftOutcome<
  'repriced',
  { readonly order: SalesOrder; readonly changes: readonly PriceChange[]; readonly totalBefore: Money; readonly totalAfter: Money }
>;

/**
 * Transition `reprice`: prices every line again with `book` as of `asOf` and reports what
 * changed. Prices never change otherwise: a confirmed order keeps its prices whatever happens
 * to the agreements until this is called. Only before any delivery (`open`, `onHold`,
 * `confirmed`).
 * @param options pricing options (`rounding`, `combination`, …) without the date
 * @returns `{ kind: 'repriced', order, changes, totalBefore, totalAfter }` or `{ kind: 'noPrice', lines }`.
 * @throws {@link OrderToCashError} `illegal_transition` once something was delivered or invoiced.
 * @example
 * repriceSalesOrder(order, book, '2026-04-01', { rounding: 'halfUp', combination: 'sum' }).changes
 *   //=> [{ lineId: '1', before: { … }, after: { … } }]
 */
export function repriceSalesOrder(order: SalesOrder, book: PriceBook, asOf: CalendarDate | string, options: RepriceOptions): RepriceOutcome {
  const date = calendarDate(asOf, ['asOf']);
  const status = targetOf(SALES_ORDER_TRANSITIONS, 'sales order', order.status, 'reprice');
  const priced = priceLines(book, order.customer, order.currency, order.lines, { ...options, asOf: date }, date);
  if (priced.kind === 'noPrice') return priced;
  const changes: PriceChange[] = [];
  const lines = order.lines.map((line, i) => {
    const after = priced.prices[i] as LinePrice;
    if (!samePrice(line.price, after)) changes.push({ lineId: line.lineId, before: figures(line.price), after: figures(after) });
    return { ...line, price: after };
  });
  const repriced: SalesOrder = deepFreeze({ ...order, status, lines, totals: priced.totals });
  return { kind: 'repriced', order: repriced, changes, totalBefore: order.totals.total, totalAfter: priced.totals.total };
}

function figures(p: LinePrice): PriceFigures {
  return {
    unitPrice: p.unitPrice,
    priceUnit: p.priceUnit,
    discountAmount: p.discountAmount,
    discountPercents: p.discountPercents,
    lineAmount: p.lineAmount,
    netAmount: p.netAmount,
  };
}

function samePrice(a: LinePrice, b: LinePrice): boolean {
  return (
    compareScaled(a.unitPrice, b.unitPrice) === 0 &&
    compareScaled(a.priceUnit, b.priceUnit) === 0 &&
    compareScaled(a.discountAmount, b.discountAmount) === 0 &&
    a.discountPercents.length === b.discountPercents.length &&
    a.discountPercents.every((p, i) => compareScaled(p, b.discountPercents[i] as Scaled) === 0) &&
    a.lineAmount.minor === b.lineAmount.minor &&
    a.netAmount.minor === b.netAmount.minor
  );
}
