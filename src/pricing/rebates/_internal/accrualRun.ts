import type { CalendarDate } from '../../../calendar/CalendarDate.js';
import { currencyMismatchMessage } from '../../../errors/messages.js';
import { type IssuePath, OrderToCashError } from '../../../errors/OrderToCashError.js';
import { type CurrencyCode, sameCurrencyMoney } from '../../../money/Money.js';
import { divideRounded, type RoundingMode } from '../../../money/rounding.js';
import { pow10 } from '../../../money/Scaled.js';
import { exactDouble } from '../../_internal/integerDoubles.js';
import type { AccrualResult, AccrualState, ProvisionEntry } from '../AccrualState.js';
import type { CompiledDeal, RebateProgram } from '../compileRebateDeals.js';
import { entryOf, keyReused, stateOf, tableOf } from './accrualStates.js';
import { type Figures, fastProvision, provisionOf } from './lineProvision.js';
import { periodEndOfKey } from './periods.js';
import { appendRow, cloneTable, dealHash, dealIndex, emptyTable, findRow, keyHash, keyOf, lineHash, type ProvisionTable, reserve, sameFigures } from './provisionTable.js';

// The provision loop shared by the two ways lines come in (objects, `accrueRebates`; columns,
// `accrueRebateColumns`). Accrual is bound by cache misses (a line's customer, a key's slot in
// the hash index), so lines go in blocks of BLOCK and each step reads a whole block's worth
// of them in a loop of independent loads, which the processor overlaps: the front first reads
// the block's customers, then writes each line's matching deals into `candidates` and, when
// there are any, copies the line's figures into the block's buffers; `accrueBlock` then
// hashes every key and reads its slot, and computes and stores the provisions from the
// buffers alone.

export const BLOCK = 64;

/** The state of one accrual call. */
export type Run = {
  readonly program: RebateProgram;
  readonly rounding: RoundingMode;
  readonly previous: AccrualState;
  readonly before: ProvisionTable;
  /** The number of lines when known (the first append reserves rows from it), or −1. */
  readonly expected: number;
  /** Lookups go to the previous table until the first new provision, which copies it once. */
  t: ProvisionTable;
  // The block's lines that have matching deals, one slot each.
  readonly kind: Uint8Array;
  readonly documentId: string[];
  readonly lineId: string[];
  readonly customerId: string[];
  readonly date: CalendarDate[];
  /** The dates as YYYYMMDD numbers. */
  readonly keys: Int32Array;
  /** Net amount in minor units and quantity in units of `quantityScale`, as exact doubles (NaN beyond 2^53). */
  readonly net: Float64Array;
  readonly quantity: Float64Array;
  readonly quantityScale: Int32Array;
  readonly currency: CurrencyCode[];
  /** The same as bigints when the lines carry them (objects); else built from the doubles. */
  readonly netWide: bigint[];
  readonly quantityWide: bigint[];
  /** Where each line's matching deals end in `candidates`. */
  readonly ends: Int32Array;
  /** The block's matching deals, line after line (a reused buffer, never shrunk). */
  readonly candidates: CompiledDeal[];
  /** By candidate: the hash of its idempotency key. */
  readonly hashes: number[];
  /** What the reads ahead of a block loaded (kept, so that the compiler does not drop them). */
  touched: number;
  /** Provisions of the candidates computed so far (reductions): a double, or NaN and the bigint. */
  readonly provisionsD: number[];
  readonly provisionsB: bigint[];
  readonly dealHashes: readonly number[];
  /** Program rank → index in the table's deal column (−1 until first used). */
  readonly columns: Int32Array;
  readonly f: Figures;
  /** By slot: the line's index among the call's lines (for errors). */
  readonly line: Int32Array;
  /** Path of a line's currency in errors: the line's `netAmount`, or the batch's `currency`. */
  readonly currencyPath: (index: number) => IssuePath;
};

const EMPTY_STATE: AccrualState = /* @__PURE__ */ stateOf(/* @__PURE__ */ emptyTable());

/** The state nothing has been accrued into. */
export const emptyState = (): AccrualState => EMPTY_STATE;

export function startRun(
  program: RebateProgram,
  rounding: RoundingMode,
  previous: AccrualState | undefined,
  expected: number,
  currencyPath: (index: number) => IssuePath,
): Run {
  const state = previous ?? EMPTY_STATE;
  const before = tableOf(state);
  return {
    program,
    rounding,
    previous: state,
    before,
    expected,
    t: before,
    kind: new Uint8Array(BLOCK),
    documentId: stringBuffer(),
    lineId: stringBuffer(),
    customerId: stringBuffer(),
    date: stringBuffer<CalendarDate>(),
    keys: new Int32Array(BLOCK),
    net: new Float64Array(BLOCK),
    quantity: new Float64Array(BLOCK),
    quantityScale: new Int32Array(BLOCK),
    currency: stringBuffer<CurrencyCode>(),
    netWide: new Array<bigint>(BLOCK).fill(0n),
    quantityWide: new Array<bigint>(BLOCK).fill(0n),
    ends: new Int32Array(BLOCK),
    candidates: program.deals.slice(),
    hashes: [],
    touched: 0,
    provisionsD: [],
    provisionsB: [],
    dealHashes: program.deals.map((c) => dealHash(c.deal.id)),
    columns: new Int32Array(program.deals.length).fill(-1),
    f: { basisD: 0, minorD: 0, basisB: 0n, minorB: 0n, tier: -1, reductions: undefined },
    line: new Int32Array(BLOCK),
    currencyPath,
  };
}

// A packed string buffer of BLOCK slots (written by index, never grown).
const stringBuffer = <T extends string>(): T[] => new Array<T>(BLOCK).fill('' as T);

/** The result of a run: the previous state when nothing was added. */
export function finishRun(run: Run): AccrualResult {
  const t = run.t;
  if (t === run.before) return { state: run.previous, entries: [] };
  const from = run.before.size;
  let added: readonly ProvisionEntry[] | undefined;
  return {
    state: stateOf(t),
    // The entries a call added are the rows after the previous state's, built on first access.
    get entries(): readonly ProvisionEntry[] {
      if (added === undefined) {
        const list: ProvisionEntry[] = [];
        for (let r = from; r < t.size; r++) list.push(entryOf(t, r));
        added = list;
      }
      return added;
    },
  };
}

/** Computes and stores the provisions of the block's `size` lines. */
export function accrueBlock(run: Run, size: number): void {
  const { candidates, f, rounding, provisionsD, provisionsB, dealHashes, hashes } = run;
  // First every key's hash, reading the slot it starts at: independent loads, which the
  // processor overlaps, where probing provision by provision waits for one miss at a time.
  const slots = run.t.slots;
  const mask = slots.length - 1;
  let start = 0;
  for (let i = 0; i < size; i++) {
    const end = run.ends[i] as number;
    const lh = lineHash(run.kind[i] as number, run.documentId[i] as string, run.lineId[i] as string);
    for (let c = start; c < end; c++) hashes[c] = keyHash(lh, dealHashes[(candidates[c] as CompiledDeal).rank] as number);
    start = end;
  }
  let touched = 0;
  for (let c = 0; c < start; c++) touched |= slots[(hashes[c] as number) & mask] as number;
  run.touched = touched;
  start = 0;
  for (let i = 0; i < size; i++) {
    const end = run.ends[i] as number;
    const kind = run.kind[i] as number;
    const documentId = run.documentId[i] as string;
    const lineId = run.lineId[i] as string;
    for (let c = start; c < end; c++) {
      const deal = candidates[c] as CompiledDeal;
      const d = deal.deal;
      const fast = deal.doubles;
      // Fast path: the basis, tier amount and rounding in exact integer doubles; NaN marks a
      // figure that is not a safe integer, and the bigint path then computes the provision.
      f.basisD = fast === undefined ? Number.NaN : basisDouble(run, deal, fast.minorScaleUp, i);
      f.reductions = undefined;
      // reference §2.3: provisions of deals processed earlier on this line reduce the base.
      if (deal.reducedByProvisions && c > start) reduceBasis(f, deal, candidates, start, c, provisionsD, provisionsB);
      if (fast === undefined || !fastProvision(f, d.calculation, fast, rounding)) slowProvision(run, f, deal, i, rounding);
      provisionsD[c] = f.minorD;
      provisionsB[c] = f.minorB;
      const date = run.date[i] as CalendarDate;
      const periodEnd = periodEndOfKey(d.calculationPeriod, date, run.keys[i] as number, d.validTo);
      const h = hashes[c] as number;
      let t = run.t;
      let found = findRow(t, h, d.id, kind, documentId, lineId);
      const customerId = run.customerId[i] as string;
      if (found >= 0) {
        checkSame(t, found, f, deal, customerId, periodEnd);
        continue;
      }
      if (t === run.before) {
        // The copy is resized to the estimate: the key's empty slot is another one in it.
        run.t = t = ownTable(t, estimate(run, size));
        found = findRow(t, h, d.id, kind, documentId, lineId);
      }
      let column = run.columns[deal.rank] as number;
      if (column < 0) run.columns[deal.rank] = column = dealIndex(t, { dealId: d.id, currency: d.currency, basisScale: deal.basisScale });
      appendRow(t, found, h, column, kind, documentId, lineId, customerId, date, periodEnd, f.basisD, f.minorD, f.tier, f.reductions, f.basisB, f.minorB);
    }
    start = end;
  }
}

// The table this call appends to: a copy of the previous state's, with room reserved when the
// number of lines is known.
function ownTable(before: ProvisionTable, rows: number): ProvisionTable {
  const t = cloneTable(before);
  if (rows > 0) reserve(t, before.size + rows);
  return t;
}

// Provisions the call will add, estimated from the first block (its matching deals per line,
// with a margin: too few costs one resize, too many costs memory the call never uses); −1 when
// the number of lines is not known.
function estimate(run: Run, size: number): number {
  if (run.expected < 0) return -1;
  const perLine = (run.ends[size - 1] as number) / ((run.line[size - 1] as number) - (run.line[0] as number) + 1);
  return Math.min(run.expected * Math.max(1, Math.ceil(perLine)), Math.ceil(run.expected * perLine * 1.2) + BLOCK);
}

// The bigint path, for figures beyond the doubles' exact range.
function slowProvision(run: Run, f: Figures, deal: CompiledDeal, i: number, rounding: RoundingMode): void {
  let basis = basisOf(run, deal, i);
  if (f.reductions !== undefined) for (const r of f.reductions) basis -= r.amount.minor * deal.minorScaleUp;
  const provision = provisionOf(deal, basis, rounding);
  // Figures in range whose intermediates the fast path declined are stored as doubles too.
  const basisExact = exactDouble(basis);
  const minorExact = exactDouble(provision.minor);
  const narrow = !Number.isNaN(basisExact) && !Number.isNaN(minorExact);
  f.basisD = narrow ? basisExact : Number.NaN;
  f.minorD = narrow ? minorExact : Number.NaN;
  f.basisB = narrow ? 0n : basis;
  f.minorB = narrow ? 0n : provision.minor;
  f.tier = provision.tier;
}

// reference §2.3: the provisions of the line's earlier candidates (`start` … c − 1) reduce the
// value base of candidate `c` (those marked excludeFromReduction excepted).
function reduceBasis(f: Figures, deal: CompiledDeal, candidates: readonly CompiledDeal[], start: number, c: number, provisionsD: readonly number[], provisionsB: readonly bigint[]): void {
  const scaleUp = deal.doubles === undefined ? Number.NaN : deal.doubles.minorScaleUp;
  for (let j = start; j < c; j++) {
    const prev = candidates[j] as CompiledDeal;
    if (!prev.reducesOthers) continue;
    const pd = provisionsD[j] as number;
    const amount = pd === pd ? BigInt(pd) : (provisionsB[j] as bigint);
    if (amount === 0n) continue;
    const cut = pd * scaleUp;
    f.basisD = Number.isSafeInteger(cut) ? f.basisD - cut : Number.NaN;
    (f.reductions ??= []).push({ dealId: prev.deal.id, amount: sameCurrencyMoney(amount, deal.deal.currency) });
  }
}

// A key accrued before: the figures must be the same (idempotent re-run), else the line changed.
function checkSame(t: ProvisionTable, found: number, f: Figures, deal: CompiledDeal, customerId: string, periodEnd: CalendarDate): void {
  const amount = f.minorD === f.minorD ? BigInt(f.minorD) : f.minorB;
  const basis = f.basisD === f.basisD ? BigInt(f.basisD) : f.basisB;
  if (!sameFigures(t, found, amount, deal.deal.currency, basis, deal.basisScale, periodEnd, customerId)) throw keyReused(keyOf(t, found));
}

// A value basis needs the line in the deal's currency.
function requireCurrency(run: Run, deal: CompiledDeal, i: number): void {
  const currency = run.currency[i] as CurrencyCode;
  if (currency !== deal.deal.currency) {
    const path = run.currencyPath(run.line[i] as number);
    throw new OrderToCashError('currency_mismatch', currencyMismatchMessage(deal.deal.currency, currency, path), path);
  }
}

// The signed basis of `basisOf` as an exact double, or NaN when it is not a safe integer
// (or a quantity must be rounded down to the deal's basis scale: the bigint path does that).
function basisDouble(run: Run, c: CompiledDeal, minorScaleUp: number, i: number): number {
  let b: number;
  if (c.valueBasis) {
    requireCurrency(run, c, i);
    b = (run.net[i] as number) * minorScaleUp;
  } else {
    const up = POW10_DOUBLE[c.basisScale - (run.quantityScale[i] as number)];
    b = up === undefined ? Number.NaN : (run.quantity[i] as number) * up;
  }
  if (!Number.isSafeInteger(b)) return Number.NaN;
  return run.kind[i] === 1 ? -b : b;
}

/** Exact doubles 10^0 … 10^15. */
const POW10_DOUBLE: readonly number[] = /* @__PURE__ */ Array.from({ length: 16 }, (_, i) => 10 ** i);

// Signed basis of line `i` for deal `c` at the deal's basis scale, before reductions.
function basisOf(run: Run, c: CompiledDeal, i: number): bigint {
  let b: bigint;
  if (c.valueBasis) {
    requireCurrency(run, c, i);
    const minor = wide(run.net[i] as number, run.netWide[i] as bigint);
    b = c.minorScaleUp === 1n ? minor : minor * c.minorScaleUp;
  } else {
    const units = wide(run.quantity[i] as number, run.quantityWide[i] as bigint);
    const scale = run.quantityScale[i] as number;
    b =
      scale === c.basisScale
        ? units
        : scale < c.basisScale
          ? units * pow10(c.basisScale - scale)
          : divideRounded(units, pow10(scale - c.basisScale), 'halfEven');
  }
  return run.kind[i] === 1 ? -b : b;
}

// A figure from its double, or its bigint when the double is not exact (NaN).
const wide = (d: number, b: bigint): bigint => (d === d ? BigInt(d) : b);
