// Generated data of the `rebates` suite: 1 k deals over 1 k customer groups, 50 k
// customers, lines produced in chunks so that 10 M of them never sit in memory at once.
import type { CalendarDate } from '../src/calendar/CalendarDate.js';
import { fromEpochDay, toEpochDay } from '../src/calendar/epochDay.js';
import { sameCurrencyMoney } from '../src/money/Money.js';
import { scaledOf } from '../src/money/Scaled.js';
import { accrualTotals } from '../src/pricing/rebates/accrualTotals.js';
import type { AccrualState } from '../src/pricing/rebates/AccrualState.js';
import type { RebateSourceLine } from '../src/pricing/rebates/RebateDeal.js';
import { seededRandom } from './_lib.js';

// REBATES_BENCH_LINES shrinks the run for a smoke test; the suite's figures use 10 M.
export const LINES: number = Number(process.env.REBATES_BENCH_LINES ?? 10_000_000);
export const CHUNK = 100_000;
export const DEALS = 1_000;
export const CUSTOMERS = 50_000;
const ITEMS = 2_000;

const methods = ['stepped', 'cumulative', 'rolling', 'total'] as const;

export function dealInputs(): unknown[] {
  return Array.from({ length: DEALS }, (_, i) => {
    const quantity = i % 3 === 2;
    return {
      id: `DEAL-${i}`,
      programType: i % 10 === 9 ? 'promotionAllowance' : 'rebate',
      currency: 'USD',
      customers: { kind: 'group', groups: [`G${i}`] },
      items: i % 2 === 0 ? { kind: 'all' } : { kind: 'group', groups: [`IG${i % 20}`, `IG${(i + 7) % 20}`, `IG${(i + 13) % 20}`] },
      basis: { measure: quantity ? 'quantity' : 'value', stage: 'invoiced', includeCreditNotes: true },
      calculation: quantity ? 'amountPerUnit' : 'percent',
      tierMethod: methods[i % 4],
      tiers: quantity
        ? [{ from: '0', rate: '0.10' }, { from: '100', rate: '0.25' }, { from: '1000', rate: '0.40' }]
        : [{ from: '0', rate: '1' }, { from: '5000', rate: '2.5' }, { from: '50000', rate: '4' }],
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      calculationPeriod: i % 2 === 0 ? 'month' : 'quarter',
      claimPeriod: 'year',
      processingOrder: i,
      reduction: { apply: false, basis: 'both', excludeFromReduction: false },
    };
  });
}

const customerIds = Array.from({ length: CUSTOMERS }, (_, c) => `CUST-${c}`);
const customerGroups = Array.from({ length: CUSTOMERS }, (_, c) => [`G${c % DEALS}`]);
const itemIds = Array.from({ length: ITEMS }, (_, i) => `ITEM-${i}`);
const itemGroups = Array.from({ length: ITEMS }, (_, i) => [`IG${i % 20}`]);
const start = toEpochDay('2026-01-01' as CalendarDate);
const dates = Array.from({ length: 365 }, (_, d) => fromEpochDay(start + d));

/** Lines `chunkIndex × CHUNK …` as typed values; the same chunk index always gives the same lines. */
export function chunkOfLines(chunkIndex: number): RebateSourceLine[] {
  const random = seededRandom(1_000 + chunkIndex);
  const out: RebateSourceLine[] = new Array<RebateSourceLine>(CHUNK);
  for (let i = 0; i < CHUNK; i++) {
    const c = Math.floor(random() * CUSTOMERS);
    const it = Math.floor(random() * ITEMS);
    const credit = random() < 0.05;
    out[i] = {
      documentId: `${credit ? 'CN' : 'INV'}-${chunkIndex}-${i >> 3}`,
      lineId: String(i & 7),
      kind: credit ? 'creditNote' : 'invoice',
      stage: 'invoiced',
      customerId: customerIds[c] as string,
      customerGroups: customerGroups[c] as string[],
      itemId: itemIds[it] as string,
      itemGroups: itemGroups[it] as string[],
      quantity: scaledOf(BigInt(1 + Math.floor(random() * 5_000)), 1),
      netAmount: sameCurrencyMoney(BigInt(100 + Math.floor(random() * 5_000_000)), 'USD'),
      date: dates[Math.floor(random() * 365)] as CalendarDate,
    };
  }
  return out;
}

/** Per deal, customer and period: provision and basis totals (a sum: merges by addition). */
export type Totals = Map<string, [bigint, bigint]>;

export function addToTotals(totals: Totals, state: AccrualState): void {
  for (const e of accrualTotals(state)) {
    const k = `${e.dealId}|${e.customerId}|${e.periodEnd}`;
    const t = totals.get(k);
    if (t === undefined) totals.set(k, [e.provided.minor, e.basis.units]);
    else {
      t[0] += e.provided.minor;
      t[1] += e.basis.units;
    }
  }
}

export function mergeTotals(a: Totals, b: Totals): Totals {
  const out: Totals = new Map([...a].map(([k, v]) => [k, [v[0], v[1]]]));
  for (const [k, v] of b) {
    const t = out.get(k);
    if (t === undefined) out.set(k, [v[0], v[1]]);
    else {
      t[0] += v[0];
      t[1] += v[1];
    }
  }
  return out;
}

export function sameTotals(a: Totals, b: Totals): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined || w[0] !== v[0] || w[1] !== v[1]) return false;
  }
  return true;
}
