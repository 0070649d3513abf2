import type { CalendarDate } from '../../calendar/CalendarDate.js';
import { type Money, sameCurrencyMoney } from '../../money/Money.js';
import { type Scaled, scaledOf } from '../../money/Scaled.js';
import { amountAt, basisAt, type DealColumn } from './_internal/provisionTable.js';
import { tableOf } from './_internal/accrualStates.js';
import type { AccrualState } from './AccrualState.js';

/** What a state holds for one deal, customer and calculation period. */
export type AccrualTotal = {
  readonly dealId: string;
  readonly customerId: string;
  readonly periodEnd: CalendarDate;
  /** Net basis of the provisions (credit notes counted negatively, after reductions). */
  readonly basis: Scaled;
  /** Sum of the provisions. */
  readonly provided: Money;
  /** Number of provisions summed. */
  readonly provisions: number;
};

/**
 * Sums the provisions of a state per deal, customer and calculation period, straight from
 * the state's columns (no provision objects are built): the figures a period-end close or a
 * dashboard reads. Listed by deal id, customer id, then period end. Totals of disjoint states
 * add up to the totals of their {@link mergeAccruals}.
 *
 * @example
 * accrualTotals(accrueRebates(program, [line40, line60], { rounding: 'halfUp' }).state)
 * //=> [{ dealId: 'LEGACY', customerId: 'C1', periodEnd: '2026-01-31', basis: 100, provided: USD 3,200.00, provisions: 2 }]
 */
export function accrualTotals(state: AccrualState): AccrualTotal[] {
  const t = tableOf(state);
  // deal column → customer → period end → group number; the ids are the strings the rows hold.
  const groups: (Map<string, Map<CalendarDate, number>> | undefined)[] = t.deals.map(() => undefined);
  const basis: bigint[] = [];
  const provided: bigint[] = [];
  const count: number[] = [];
  for (let r = 0; r < t.size; r++) {
    const deal = t.deal[r] as number;
    const customerId = t.customerId[r] as string;
    const periodEnd = t.periodEnd[r] as CalendarDate;
    let byCustomer = groups[deal];
    if (byCustomer === undefined) groups[deal] = byCustomer = new Map<string, Map<CalendarDate, number>>();
    let byPeriod = byCustomer.get(customerId);
    if (byPeriod === undefined) byCustomer.set(customerId, (byPeriod = new Map<CalendarDate, number>()));
    const g = byPeriod.get(periodEnd);
    if (g === undefined) {
      byPeriod.set(periodEnd, basis.length);
      basis.push(basisAt(t, r));
      provided.push(amountAt(t, r));
      count.push(1);
    } else {
      basis[g] = (basis[g] as bigint) + basisAt(t, r);
      provided[g] = (provided[g] as bigint) + amountAt(t, r);
      count[g] = (count[g] as number) + 1;
    }
  }
  const out: AccrualTotal[] = [];
  const order = t.deals.map((_, i) => i).sort((x, y) => byText(dealKey(t.deals[x] as DealColumn), dealKey(t.deals[y] as DealColumn)));
  for (const i of order) {
    const deal = t.deals[i] as DealColumn;
    const byCustomer = groups[i];
    if (byCustomer === undefined) continue;
    for (const customerId of [...byCustomer.keys()].sort(byText)) {
      const byPeriod = byCustomer.get(customerId) as Map<CalendarDate, number>;
      for (const periodEnd of [...byPeriod.keys()].sort(byText)) {
        const g = byPeriod.get(periodEnd) as number;
        out.push({
          dealId: deal.dealId,
          customerId,
          periodEnd,
          basis: scaledOf(basis[g] as bigint, deal.basisScale),
          provided: sameCurrencyMoney(provided[g] as bigint, deal.currency),
          provisions: count[g] as number,
        });
      }
    }
  }
  return out;
}

const dealKey = (d: DealColumn): string => `${d.dealId}|${d.currency}|${d.basisScale}`;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
