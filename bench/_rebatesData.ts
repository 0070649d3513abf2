// Generated data of the `rebates` suite: 1 k deals over 1 k customer groups, 50 k
// customers, lines produced in chunks so that 10 M of them never sit in memory at once, in
// columns (pointing into one party index, as a host streaming from a columnar store would
// have them) or as the same lines in objects.
import type { CalendarDate } from '../src/calendar/CalendarDate.js';
import { fromEpochDay, toEpochDay } from '../src/calendar/epochDay.js';
import { sameCurrencyMoney } from '../src/money/Money.js';
import { scaledOf } from '../src/money/Scaled.js';
import { accrualTotals } from '../src/pricing/rebates/accrualTotals.js';
import type { AccrualState } from '../src/pricing/rebates/AccrualState.js';
import { indexRebateParties, type RebateLineColumns, type RebatePartyIndex } from '../src/pricing/rebates/accrueRebateColumns.js';
import type { RebateProgram } from '../src/pricing/rebates/compileRebateDeals.js';
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

/** The suite's customers and items, indexed against `program` once (as a host would). */
export function partiesOf(program: RebateProgram): RebatePartyIndex {
  return indexRebateParties(program, {
    customers: customerIds.map((id, c) => ({ id, groups: customerGroups[c] as string[] })),
    items: itemIds.map((id, i) => ({ id, groups: itemGroups[i] as string[] })),
  });
}

/** Lines `chunkIndex × CHUNK …` in columns; the same chunk index always gives the same lines. */
export function chunkOfColumns(chunkIndex: number, parties: RebatePartyIndex): RebateLineColumns {
  return { ...draw(chunkIndex), parties };
}

function draw(chunkIndex: number): Omit<RebateLineColumns, 'parties'> {
  const random = seededRandom(1_000 + chunkIndex);
  const n = CHUNK;
  const out = {
    length: n,
    stage: 'invoiced' as const,
    currency: 'USD',
    quantityScale: 1,
    kind: new Uint8Array(n),
    documentId: new Array<string>(n),
    lineId: new Array<string>(n),
    customer: new Int32Array(n),
    item: new Int32Array(n),
    quantity: new Float64Array(n),
    netAmount: new Float64Array(n),
    date: new Array<CalendarDate>(n),
  };
  for (let i = 0; i < n; i++) {
    const c = Math.floor(random() * CUSTOMERS);
    const it = Math.floor(random() * ITEMS);
    const credit = random() < 0.05;
    out.kind[i] = credit ? 1 : 0;
    out.documentId[i] = `${credit ? 'CN' : 'INV'}-${chunkIndex}-${i >> 3}`;
    out.lineId[i] = String(i & 7);
    out.customer[i] = c;
    out.item[i] = it;
    out.quantity[i] = 1 + Math.floor(random() * 5_000);
    out.netAmount[i] = 100 + Math.floor(random() * 5_000_000);
    out.date[i] = dates[Math.floor(random() * 365)] as CalendarDate;
  }
  return out;
}

/** The same lines as {@link chunkOfColumns}, as typed objects. */
export function chunkOfLines(chunkIndex: number): RebateSourceLine[] {
  const cols = draw(chunkIndex);
  const out: RebateSourceLine[] = new Array<RebateSourceLine>(cols.length);
  for (let i = 0; i < cols.length; i++) {
    const c = cols.customer[i] as number;
    const it = cols.item[i] as number;
    out[i] = {
      documentId: cols.documentId[i] as string,
      lineId: cols.lineId[i] as string,
      kind: cols.kind[i] === 1 ? 'creditNote' : 'invoice',
      stage: 'invoiced',
      customerId: customerIds[c] as string,
      customerGroups: customerGroups[c] as string[],
      itemId: itemIds[it] as string,
      itemGroups: itemGroups[it] as string[],
      quantity: scaledOf(BigInt(cols.quantity[i] as number), 1),
      netAmount: sameCurrencyMoney(BigInt(cols.netAmount[i] as number), 'USD'),
      date: cols.date[i] as CalendarDate,
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
