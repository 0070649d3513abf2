import * as z from 'zod';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { availableCashDiscount, comparePercent } from './cashDiscount.js';
import type { OpenItem, OpenItemKind } from './OpenItem.js';

/**
 * One criterion of a user-defined settlement priority (D365 "Mark by priority"): an explicit
 * order of kinds, or an attribute ascending or descending.
 * @example
 * const c: PriorityCriterion = { by: 'kind', order: ['fee', 'interestNote', 'invoice'] };
 */
export type PriorityCriterion =
  | { readonly by: 'kind'; readonly order: readonly OpenItemKind[] }
  | {
      readonly by: 'dueDate' | 'documentDate' | 'cashDiscountDate' | 'amount' | 'documentNumber';
      readonly direction: 'asc' | 'desc';
    };

/**
 * The settlement priority: `'dueDate'` (D365 default: due date, then the better available
 * discount, then document date, number, id) or an ordered list of criteria.
 * @example
 * const p: SettlementPriority = 'dueDate';
 */
export type SettlementPriority = 'dueDate' | readonly PriorityCriterion[];

/**
 * Schema of a {@link SettlementPriority} as options give it.
 * @example
 * SettlementPrioritySchema.parse([{ by: 'amount', direction: 'desc' }]);
 */
export const SettlementPrioritySchema: z.ZodType<SettlementPriority> = /* @__PURE__ */ z.union([
  z.literal('dueDate'),
  z.array(
    z.discriminatedUnion('by', [
      z.object({ by: z.literal('kind'), order: z.array(z.enum(['invoice', 'creditNote', 'payment', 'deduction', 'interestNote', 'fee'])) }),
      z.object({ by: z.enum(['dueDate', 'documentDate', 'cashDiscountDate', 'amount', 'documentNumber']), direction: z.enum(['asc', 'desc']) }),
    ]),
  ),
]);

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const FAR: CalendarDate = '9999-12-31' as CalendarDate;

function tail(a: OpenItem, b: OpenItem): number {
  return cmp(a.documentDate, b.documentDate) || cmp(a.documentNumber, b.documentNumber) || cmp(a.id, b.id);
}

/**
 * Sorts items into settlement order, a total order (ties end on the id), as of `date`.
 * Returns a new array; the input is not changed.
 * @param items - candidate items
 * @param priority - `'dueDate'` or the criteria
 * @param date - the settlement date (decides which discounts are still available)
 * @param graceDays - discount grace days
 * @returns the items in the order they are settled
 * @example
 * sortBySettlementPriority(items, 'dueDate', calendarDate('2026-06-29'), 0).map((i) => i.id)
 * //=> ['FTI-10040', 'FTI-10042', 'FTI-10041']
 */
export function sortBySettlementPriority(items: readonly OpenItem[], priority: SettlementPriority, date: CalendarDate, graceDays: number): OpenItem[] {
  if (items.length < 2) return [...items]; // nothing to order (most settlements name one item)
  // The available discount of each item, computed once rather than per comparison.
  const steps = new Map(items.map((i) => [i, availableCashDiscount(i, date, graceDays)]));
  const compare =
    priority === 'dueDate'
      ? (a: OpenItem, b: OpenItem): number =>
          cmp(a.dueDate, b.dueDate) ||
          -comparePercent(steps.get(a)?.percent, steps.get(b)?.percent) ||
          cmp(steps.get(a)?.until ?? FAR, steps.get(b)?.until ?? FAR) ||
          tail(a, b)
      : (a: OpenItem, b: OpenItem): number => {
          for (const c of priority) {
            let r: number;
            switch (c.by) {
              case 'kind': {
                const ia = c.order.indexOf(a.kind);
                const ib = c.order.indexOf(b.kind);
                r = (ia < 0 ? c.order.length : ia) - (ib < 0 ? c.order.length : ib);
                break;
              }
              case 'amount':
                r = a.residual.minor < b.residual.minor ? -1 : a.residual.minor > b.residual.minor ? 1 : 0;
                break;
              case 'cashDiscountDate':
                r = cmp(steps.get(a)?.until ?? FAR, steps.get(b)?.until ?? FAR);
                break;
              default:
                r = cmp(a[c.by], b[c.by]);
            }
            if (r !== 0) return c.by !== 'kind' && c.direction === 'desc' ? -r : r;
          }
          return tail(a, b);
        };
  return [...items].sort(compare);
}
