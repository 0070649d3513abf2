import * as z from 'zod';
import type { CalendarDate } from '../../calendar/CalendarDate.js';
import { invalidInput, parseInput } from '../../errors/parseInput.js';
import type { CurrencyCode } from '../../money/Money.js';
import { pow10 } from '../../money/Scaled.js';
import { CurrencyCodeSchema, RoundingModeSchema } from '../../money/schemas.js';
import { accrueBlock, BLOCK, finishRun, startRun } from './_internal/accrualRun.js';
import { dateKey } from '../../calendar/_internal/dateKey.js';
import type { AccrualResult } from './AccrualState.js';
import type { AccrueRebatesOptions } from './accrueRebates.js';
import type { CompiledDeal, RebateProgram } from './compileRebateDeals.js';
import type { RebateSourceLine, RebateStage } from './RebateDeal.js';

/** A customer or an item for {@link indexRebateParties}: its id and its groups. */
export type RebateParty = { readonly id: string; readonly groups: readonly string[] };

/**
 * Customers and items indexed against a rebate program (see {@link indexRebateParties}):
 * what {@link RebateLineColumns} point into. Built once, used for every batch.
 */
export type RebatePartyIndex = {
  readonly program: RebateProgram;
  readonly customerIds: readonly string[];
  readonly itemIds: readonly string[];
};

/**
 * Invoice and credit-note lines of one stage and currency in columns, pointing into a
 * {@link RebatePartyIndex} for their customer and item: the form a host reading a columnar
 * store (or generating lines in bulk) can hand over without making an object per line.
 * Line `i` is `kind[i]` (0 invoice, 1 credit note), `documentId[i]`, `lineId[i]`, customer
 * `parties.customerIds[customer[i]]`, item `parties.itemIds[item[i]]`, `quantity[i]` units of
 * 10^−`quantityScale`, `netAmount[i]` minor units of `currency`, `date[i]`. Quantities and
 * amounts are safe integers (|x| < 2^53); larger figures go through {@link accrueRebates}.
 */
export type RebateLineColumns = {
  /** Number of lines; every column holds at least this many entries. */
  readonly length: number;
  readonly stage: RebateStage;
  readonly currency: CurrencyCode;
  readonly quantityScale: number;
  readonly parties: RebatePartyIndex;
  readonly kind: Uint8Array;
  readonly documentId: readonly string[];
  readonly lineId: readonly string[];
  readonly customer: Int32Array;
  readonly item: Int32Array;
  readonly quantity: Float64Array;
  readonly netAmount: Float64Array;
  readonly date: readonly CalendarDate[];
};

// What an index knows beyond its ids: each customer's deals, each item's item-scoped deals.
type Resolved = {
  /**
   * By customer, four numbers: how many deals it is in scope of (by id, by group, for all),
   * the ranks of the first two, and where the others' ranks start in `more` (processing order;
   * one place to read for the usual customer, in one or two deals).
   */
  readonly customers: Int32Array;
  readonly more: Int32Array;
  /** By deal rank: the deal's bit in an item's row, −1 when the deal takes every item. */
  readonly bit: Int32Array;
  /** Words per item row, and the rows: bit b of item i is set when item-scoped deal b takes the item. */
  readonly words: number;
  readonly bits: Uint32Array;
};

const RESOLVED = /* @__PURE__ */ new WeakMap<RebatePartyIndex, Resolved>();

const PartySchema = /* @__PURE__ */ z.object({ id: z.string().min(1), groups: z.array(z.string().min(1)) });
const PartiesSchema = /* @__PURE__ */ z.object({ customers: z.array(PartySchema), items: z.array(PartySchema) });

/**
 * Indexes customers and items against a program for {@link accrueRebateColumns}: which deals
 * each customer is in scope of, and which item-scoped deals take each item, found once here
 * instead of once per line. Position `i` in `customers` (`items`) is customer (item) `i` of
 * the columns. Build it again when the program or a customer's or item's groups change.
 *
 * @throws {@link OrderToCashError} `invalid_input` naming the bad entry, e.g. `parties.customers[3].groups`.
 * @example
 * const parties = indexRebateParties(program, { customers: [{ id: 'C1', groups: ['RETAIL'] }], items: [{ id: 'I1', groups: [] }] });
 * parties.customerIds //=> ['C1']
 */
export function indexRebateParties(program: RebateProgram, parties: { readonly customers: readonly RebateParty[]; readonly items: readonly RebateParty[] }): RebatePartyIndex {
  const { customers, items } = parseInput(PartiesSchema, parties, ['parties']);
  const inScope = new Int32Array(customers.length * 4);
  const more: number[] = [];
  customers.forEach((party, p) => {
    const own = new Set<CompiledDeal>(program.byCustomer.get(party.id));
    for (const g of party.groups) for (const c of program.byGroup.get(g) ?? []) own.add(c);
    for (const c of program.forAll) own.add(c);
    const ranks = [...own].map((c) => c.rank).sort((a, b) => a - b);
    inScope.set([ranks.length, ranks[0] ?? -1, ranks[1] ?? -1, more.length], p * 4);
    more.push(...ranks.slice(2));
  });
  // Item-scoped deals get a bit each; an item's row sets the bits of the deals that take it.
  const bit = new Int32Array(program.deals.length).fill(-1);
  const byKey = new Map<string, number[]>();
  let count = 0;
  for (const c of program.deals) {
    const keys = c.itemIds ?? c.itemGroups;
    if (keys === undefined) continue;
    bit[c.rank] = count;
    const prefix = c.itemIds !== undefined ? 'id:' : 'group:';
    for (const key of keys) {
      const list = byKey.get(prefix + key);
      if (list === undefined) byKey.set(prefix + key, [count]);
      else list.push(count);
    }
    count++;
  }
  const words = (count + 31) >>> 5;
  const bits = new Uint32Array(items.length * words);
  items.forEach((party, i) => {
    const keys = ['id:' + party.id, ...party.groups.map((g) => 'group:' + g)];
    for (const key of keys) for (const b of byKey.get(key) ?? []) bits[i * words + (b >>> 5)] = (bits[i * words + (b >>> 5)] as number) | (1 << (b & 31));
  });
  const index: RebatePartyIndex = Object.freeze({ program, customerIds: Object.freeze(customers.map((c) => c.id)), itemIds: Object.freeze(items.map((c) => c.id)) });
  RESOLVED.set(index, { customers: inScope, more: Int32Array.from(more), bit, words, bits });
  return index;
}

// The string columns are checked to be arrays only (their entries are typed values, not
// re-validated, as accrueRebates' lines are): reading 100 k entries per batch would cost more
// than accruing them.
const StringColumn = /* @__PURE__ */ z.custom<readonly unknown[]>((v) => Array.isArray(v), 'must be an array');
const ColumnsSchema = /* @__PURE__ */ z.object({
  length: z.number().int().min(0),
  documentId: StringColumn,
  lineId: StringColumn,
  date: StringColumn,
  stage: z.enum(['ordered', 'delivered', 'invoiced']),
  currency: CurrencyCodeSchema,
  quantityScale: z.number().int().min(0).max(15),
  kind: z.instanceof(Uint8Array),
  customer: z.instanceof(Int32Array),
  item: z.instanceof(Int32Array),
  quantity: z.instanceof(Float64Array),
  netAmount: z.instanceof(Float64Array),
});

const RoundingSchema = /* @__PURE__ */ z.object({ rounding: RoundingModeSchema });

/**
 * {@link accrueRebates} for lines in columns ({@link RebateLineColumns}): the same provisions,
 * keys and errors as for the same lines as objects, without a string lookup or an object per
 * line. The numeric columns are checked as they are read: a kind other than 0 or 1, an index
 * outside the party index, or a quantity or amount that is not a safe integer is an
 * `invalid_input` naming the column and the line, e.g. `lines.customer[7]`. The string columns
 * (ids, dates) are typed values, not re-validated, as {@link accrueRebates}' lines are.
 *
 * @throws {@link OrderToCashError} `invalid_input`, `currency_mismatch` (a value-basis deal in
 *   another currency), `idempotency_key_reused`, as {@link accrueRebates}.
 * @example
 * const lines = rebateLineColumns(program, [line40]);
 * accrueRebateColumns(program, lines, { rounding: 'halfUp' }).entries[0].amount.toString() //=> 'USD 800.00'
 */
export function accrueRebateColumns(program: RebateProgram, lines: RebateLineColumns, options: AccrueRebatesOptions): AccrualResult {
  const { rounding } = parseInput(RoundingSchema, { rounding: options.rounding }, ['options']);
  parseInput(ColumnsSchema, lines, ['lines']);
  const resolved = RESOLVED.get(lines.parties);
  if (resolved === undefined || lines.parties.program !== program) invalidInput(['lines', 'parties'], 'must come from indexRebateParties for this program');
  const length = lines.length;
  for (const column of ['kind', 'documentId', 'lineId', 'customer', 'item', 'quantity', 'netAmount', 'date'] as const) {
    const values: ArrayLike<unknown> = lines[column];
    if (!(values.length >= length)) invalidInput(['lines', column], `must hold at least ${length} entries (lines.length)`);
  }
  const run = startRun(program, rounding, options.state, length, () => ['lines', 'currency']);
  const { more, bit, words, bits } = resolved;
  const inScope = resolved.customers;
  const deals = program.deals;
  const { kind, customer, item, quantity, netAmount, stage, quantityScale, currency, documentId, lineId, date } = lines;
  const customerIds = lines.parties.customerIds;
  const customers = customerIds.length;
  const items = lines.parties.itemIds.length;
  const { candidates, ends } = run;
  let size = 0;
  let n = 0;
  // The next BLOCK lines' customers: how many deals each is in scope of, and its id.
  const counts = new Int32Array(BLOCK);
  const ids = new Array<string>(BLOCK).fill('');
  for (let i = 0; i < length; i++) {
    // Every BLOCK lines, read the next BLOCK customers' records first: independent loads that
    // the processor overlaps, where the line loop would wait for one cache miss per line.
    if ((i & (BLOCK - 1)) === 0) {
      for (let j = i, e = Math.min(i + BLOCK, length); j < e; j++) {
        const p = customer[j] as number;
        counts[j - i] = inScope[p * 4] ?? 0;
        ids[j - i] = customerIds[p] ?? '';
      }
    }
    const k = kind[i] as number;
    if (k > 1) invalidInput(['lines', 'kind', i], 'must be 0 (invoice) or 1 (credit note)');
    const p = customer[i] as number;
    if (!(p >= 0 && p < customers)) invalidInput(['lines', 'customer', i], `must index lines.parties.customerIds (0 … ${customers - 1})`);
    const it = item[i] as number;
    if (!(it >= 0 && it < items)) invalidInput(['lines', 'item', i], `must index lines.parties.itemIds (0 … ${items - 1})`);
    const q = quantity[i] as number;
    if (!Number.isSafeInteger(q)) invalidInput(['lines', 'quantity', i], 'must be a safe integer count of units');
    const net = netAmount[i] as number;
    if (!Number.isSafeInteger(net)) invalidInput(['lines', 'netAmount', i], 'must be a safe integer count of minor units');
    const day = date[i] as CalendarDate;
    const key = dateKey(day);
    const from = n;
    const at = p * 4;
    const count = counts[i & (BLOCK - 1)] as number;
    for (let j = 0; j < count; j++) {
      const c = deals[(j < 2 ? inScope[at + 1 + j] : more[(inScope[at + 3] as number) + j - 2]) as number] as CompiledDeal;
      if (c.stage !== stage || (k === 1 && !c.includeCreditNotes)) continue;
      if (key < c.validFromKey || key > c.validToKey) continue;
      const b = bit[c.rank] as number;
      if (b >= 0 && ((bits[it * words + (b >>> 5)] as number) & (1 << (b & 31))) === 0) continue;
      candidates[n++] = c;
    }
    if (n === from) continue;
    run.line[size] = i;
    run.kind[size] = k;
    run.documentId[size] = documentId[i] as string;
    run.lineId[size] = lineId[i] as string;
    run.customerId[size] = ids[i & (BLOCK - 1)] as string;
    run.date[size] = day;
    run.keys[size] = key;
    run.net[size] = net;
    run.quantity[size] = q;
    run.quantityScale[size] = quantityScale;
    run.currency[size] = currency;
    ends[size++] = n;
    if (size === BLOCK) {
      accrueBlock(run, size);
      size = 0;
      n = 0;
    }
  }
  if (size > 0) accrueBlock(run, size);
  return finishRun(run);
}

/**
 * Puts lines into columns for {@link accrueRebateColumns}, with a party index of their
 * distinct customers and items (each with the groups of its first line) and quantities at
 * the largest scale among the lines. All lines must be of one stage and currency.
 *
 * @throws {@link OrderToCashError} `invalid_input` when stages or currencies differ, or a
 *   quantity or amount is not a safe integer at the common scale.
 * @example
 * rebateLineColumns(program, [line40]).length //=> 1
 */
export function rebateLineColumns(program: RebateProgram, lines: readonly RebateSourceLine[]): RebateLineColumns {
  const n = lines.length;
  const first = lines[0];
  const stage = first?.stage ?? 'invoiced';
  const currency = first?.netAmount.currency ?? 'USD';
  const scale = lines.reduce((s, l) => Math.max(s, l.quantity.scale), 0);
  const customers: RebateParty[] = [];
  const items: RebateParty[] = [];
  const customerIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const indexOf = (map: Map<string, number>, list: RebateParty[], id: string, groups: readonly string[]): number => {
    let i = map.get(id);
    if (i === undefined) map.set(id, (i = list.push({ id, groups }) - 1));
    return i;
  };
  const kind = new Uint8Array(n);
  const customer = new Int32Array(n);
  const item = new Int32Array(n);
  const quantity = new Float64Array(n);
  const netAmount = new Float64Array(n);
  lines.forEach((l, i) => {
    if (l.stage !== stage) invalidInput(['lines', i, 'stage'], `must be ${stage}, the stage of lines[0]`);
    if (l.netAmount.currency !== currency) invalidInput(['lines', i, 'netAmount'], `must be in ${currency}, the currency of lines[0]`);
    kind[i] = l.kind === 'creditNote' ? 1 : 0;
    customer[i] = indexOf(customerIndex, customers, l.customerId, l.customerGroups);
    item[i] = indexOf(itemIndex, items, l.itemId, l.itemGroups);
    const q = Number(l.quantity.units * pow10(scale - l.quantity.scale));
    const m = Number(l.netAmount.minor);
    if (!Number.isSafeInteger(q)) invalidInput(['lines', i, 'quantity'], 'must be a safe integer count of units at the common scale');
    if (!Number.isSafeInteger(m)) invalidInput(['lines', i, 'netAmount'], 'must be a safe integer count of minor units');
    quantity[i] = q;
    netAmount[i] = m;
  });
  return {
    length: n,
    stage,
    currency,
    quantityScale: scale,
    parties: indexRebateParties(program, { customers, items }),
    kind,
    documentId: lines.map((l) => l.documentId),
    lineId: lines.map((l) => l.lineId),
    customer,
    item,
    quantity,
    netAmount,
    date: lines.map((l) => l.date),
  };
}
