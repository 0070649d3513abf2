import { parseInput } from '../errors/parseInput.js';
import { requireMinorUnit } from '../money/currencies.js';
import { allocateMoney } from '../money/allocateMoney.js';
import { type CurrencyCode, type Money, sameCurrencyMoney } from '../money/Money.js';
import { type RoundingMode, divideRounded } from '../money/rounding.js';
import { type DecimalInput, pow10, type Scaled, scaledOf } from '../money/Scaled.js';
import { CurrencyCodeSchema } from '../money/schemas.js';
import { allocateShares } from './_internal/allocateShares.js';
import { lineAmountMinor, lineAmountMinorDouble } from './_internal/lineAmountMinor.js';
import { isPrepared, OptionsSchema, OrderLineSchema, OrderSchema, type ValidOptions, type ValidOrder } from './_internal/orderSchemas.js';
import { codeOf, type ItemEntry } from './_internal/priceIndex.js';
import { FLAG_BLOCKED, FLAG_TOTAL_ELIGIBLE, ITEM_ROW, ROW_BASE_KEY, ROW_BASE_PRICE, ROW_BASE_PRICE_SCALE, ROW_BASE_PRICE_UNIT, ROW_BASE_PRICE_UNIT_SCALE, ROW_FLAGS, ROW_LINE_GROUP, ROW_MULTILINE_GROUP } from './_internal/fastIndex.js';
import { fastDiscount, fastOrder, fastPrice, scaledOfDouble, SLOW, warmItemBuckets } from './_internal/fastSearch.js';
import { exactDouble } from './_internal/integerDoubles.js';
import { add, type Candidate, type DiscountSum, findDiscount, findPrice, type Generic, NO_DISCOUNT, type SearchContext, searchContext } from './_internal/search.js';
import type { PriceBook } from './compilePriceBook.js';
import type { CombinationMode, PricingTrace, TraceEntry } from './PricingTrace.js';
import { type BasePrice, type CustomerContext, CustomerContextSchema } from './schemas.js';
import type { CalendarDate } from '../calendar/CalendarDate.js';

/** One order line to price. */
export type OrderLine = { readonly lineId?: string; readonly itemId: string; readonly quantity: Scaled; readonly unit: string };

/** An order to price: the customer context, the order currency and its lines. */
export type PricingOrder = { readonly customer: CustomerContext; readonly currency: string; readonly lines: readonly OrderLine[] };

/** A host-given unit conversion: 1 `from` = `factor` `to`, for one item or (no itemId) every item. */
export type UnitConversion = { readonly itemId?: string; readonly from: string; readonly to: string; readonly factor: DecimalInput };

/** Options of {@link priceOrder} and {@link priceLine}. `asOf` and `rounding` are never defaulted. */
export type PriceOrderOptions = {
  /** Date compared with the agreements' validity (reference §1.2, "date type for search"). */
  readonly asOf: CalendarDate | string;
  /** Mode of the one rounding per line amount and of the total discount. */
  readonly rounding: RoundingMode;
  /** Line/multiline combination (reference §1.5). */
  readonly combination: CombinationMode;
  /** Tried in the given order when nothing prices the line in its own unit. */
  readonly unitConversions?: readonly UnitConversion[];
  /** Include generic currency: agreements in `currency` count, converted at `rate` (1 generic = rate order currency). */
  readonly genericCurrency?: { readonly currency: string; readonly rate?: DecimalInput };
  /** Record traces (default true); false skips them for bulk repricing, leaving `trace` empty. */
  readonly trace?: boolean;
};

/** A discount found by a search: accumulated amount (per price unit), percentages and the records used. */
export type FoundDiscount = DiscountSum;

/** A priced line. `lineAmount` is before, `netAmount` after the total-discount share. */
export type PricedLine = {
  readonly kind: 'priced';
  readonly lineIndex: number;
  readonly lineId?: string;
  readonly itemId: string;
  /** Quantity and unit the line was priced in (converted when a unit conversion was used). */
  readonly quantity: Scaled;
  readonly unit: string;
  readonly unitPrice: Scaled;
  readonly priceUnit: Scaled;
  readonly priceSource: { readonly kind: 'agreement'; readonly recordId: string } | { readonly kind: 'basePrice' };
  readonly priceCharges: Scaled;
  readonly lineDiscount: FoundDiscount;
  readonly multilineDiscount: FoundDiscount;
  /** Combined discount amount per price unit and the percentages applied one after the other. */
  readonly discountAmount: Scaled;
  readonly discountPercents: readonly Scaled[];
  readonly lineAmount: Money;
  readonly totalDiscountShare: Money;
  readonly netAmount: Money;
  readonly trace: PricingTrace;
};

/** A line no agreement or base price could price: a result, not an error. */
export type NoPriceLine = {
  readonly kind: 'noPrice';
  readonly lineIndex: number;
  readonly lineId?: string;
  readonly itemId: string;
  readonly trace: PricingTrace;
};

/** A line whose item is stopped for sales (`blocked` in its attributes): a result, not an error; it counts for nothing. */
export type BlockedLine = {
  readonly kind: 'blocked';
  readonly lineIndex: number;
  readonly lineId?: string;
  readonly itemId: string;
  readonly trace: PricingTrace;
};

/** Outcome of one line. */
export type LineOutcome = PricedLine | NoPriceLine | BlockedLine;

/** A priced order: lines, subtotal, the total discount and the total (= Σ line net amounts exactly). */
export type PricedOrder = {
  readonly currency: string;
  readonly lines: readonly LineOutcome[];
  readonly subtotal: Money;
  readonly totalDiscount: {
    readonly eligibleTotal: Money;
    readonly percent1: Scaled;
    readonly percent2: Scaled;
    readonly amount: Money;
    readonly recordIds: readonly string[];
  };
  readonly total: Money;
  /** The total-discount search. */
  readonly trace: PricingTrace;
};

const ZERO: Scaled = /* @__PURE__ */ scaledOf(0n, 0);
/** The trace of every line and order priced with traces off (shared: it is frozen and empty). */
const NO_TRACE: PricingTrace = /* @__PURE__ */ Object.freeze([]);
const ONE: Scaled = /* @__PURE__ */ scaledOf(1n, 0);

/**
 * Prices a whole order as of a date (reference §1.3–§1.7): price search with base-price
 * fallback, line discount, multiline discount on the quantity summed over the lines of
 * each multiline group, the combination mode, then the total discount on the eligible
 * lines' total, spread back with `allocateMoney` so the lines sum exactly to the total.
 * @param book a {@link PriceBook} from `compilePriceBook`.
 * @param order `{ customer, currency, lines: [{ itemId, quantity, unit, lineId? }] }`.
 * @param options {@link PriceOrderOptions}.
 * @returns a {@link PricedOrder}; unpriceable lines are `{ kind: 'noPrice' }`, lines of items
 * stopped for sales `{ kind: 'blocked' }` (neither counts in any total or multiline quantity).
 * @throws {@link OrderToCashError} `invalid_input` naming the bad field (`['order', 'lines', 2, 'quantity']`).
 * @example
 * priceOrder(book, { customer: { customerId: 'C1' }, currency: 'EUR',
 *   lines: [{ itemId: 'A', quantity: '1', unit: 'pcs' }] },
 *   { asOf: '2026-01-15', rounding: 'halfUp', combination: 'sum' }).total.toString() //=> 'EUR 15.30'
 */
export function priceOrder(book: PriceBook, order: unknown, options: unknown): PricedOrder {
  const o = isPrepared(order) ? order : parseInput(OrderSchema, order, ['order']);
  const opts = parseInput(OptionsSchema, options, ['options']);
  return priceValidOrder(book, o, opts, true);
}

/**
 * Prices one line alone: like {@link priceOrder} on a one-line order, without total discount
 * (its multiline quantity is the line's own).
 * @example
 * priceLine(book, { customerId: 'C1' }, 'EUR', { itemId: 'A', quantity: '1', unit: 'pcs' },
 *   { asOf: '2026-01-15', rounding: 'halfUp', combination: 'sum' }).kind //=> 'priced'
 */
export function priceLine(book: PriceBook, customer: unknown, currency: unknown, line: unknown, options: unknown): LineOutcome {
  const c = parseInput(CustomerContextSchema, customer, ['customer']);
  const cur = parseInput(CurrencyCodeSchema, currency, ['currency']);
  const l = parseInput(OrderLineSchema, line, ['line']);
  const opts = parseInput(OptionsSchema, options, ['options']);
  return priceValidOrder(book, { customer: c, currency: cur, lines: [l] }, opts, false).lines[0] as LineOutcome;
}

type ValidLine = ValidOrder['lines'][number];

/** A line after the price and line-discount searches, before the multiline discount. */
type Stage = {
  readonly line: ValidLine;
  /** The item's number in the index, −1 when the book does not know it. */
  readonly no: number;
  readonly trace: TraceEntry[] | undefined;
  readonly price: Candidate | undefined;
  readonly base: { readonly price: Scaled; readonly priceUnit: Scaled } | undefined;
  readonly quantity: Scaled;
  readonly unit: string;
  readonly lineDiscount: DiscountSum;
};

/** A line outcome while the order is priced: the total discount sets its share and net amount. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The price source of every line priced by a base price (shared: it is frozen). */
const BASE_PRICE: PricedLine['priceSource'] = /* @__PURE__ */ Object.freeze({ kind: 'basePrice' });

function priceValidOrder(book: PriceBook, order: ValidOrder, opts: ValidOptions, withTotal: boolean): PricedOrder {
  const currency = order.currency;
  const minorUnit = requireMinorUnit(currency, ['order', 'currency']);
  const customer = order.customer;
  const tracing = opts.trace !== false;
  const generic: Generic = opts.genericCurrency === undefined ? undefined : { currency: opts.genericCurrency.currency, rate: opts.genericCurrency.rate };
  const ctx = searchContext(book, customer, currency, generic, opts.asOf);
  const lineCount = order.lines.length;
  const stages: Stage[] = new Array<Stage>(lineCount);
  // Item numbers first, in a loop of independent lookups (the processor overlaps their cache
  // misses), before each line's long chain of dependent searches. An item's flags, groups and
  // first base price are numbers in its row of the compact index; its entry object is read
  // only where a search goes through the object index.
  const nos = new Array<number>(lineCount);
  const itemsById = ctx.index.itemsById;
  for (let i = 0; i < lineCount; i++) nos[i] = itemsById[(order.lines[i] as ValidLine).itemId] ?? -1;
  // Then what the order needs of their rows, read once here in the same way: flags and groups
  // (the row's first integers; the searches read its cell facts next, the base price last).
  const rows = ctx.index.fast.itemRows;
  const flags = new Array<number>(lineCount);
  const lineGroups = new Array<number>(lineCount);
  const multiGroups = new Array<number>(lineCount);
  for (let i = 0; i < lineCount; i++) {
    const row = ITEM_ROW * (nos[i] as number);
    const known = row >= 0;
    flags[i] = known ? (rows[row + ROW_FLAGS] as number) : 0;
    multiGroups[i] = known ? (rows[row + ROW_MULTILINE_GROUP] as number) : -1;
    lineGroups[i] = known ? (rows[row + ROW_LINE_GROUP] as number) : -1;
  }
  // Units as the index's canonical strings and their numbers in the compact index (−1 none), once per line.
  const units = new Array<string>(lineCount);
  const unitNos = new Array<number>(lineCount);
  const codes = ctx.index.fast.codeNo;
  for (let i = 0; i < lineCount; i++) {
    units[i] = codeOf(ctx.index, (order.lines[i] as ValidLine).unit);
    unitNos[i] = codes.get(units[i] as string) ?? -1;
  }
  // Then, without traces or generic currency, the price and line discount of every line from
  // the compact index (SLOW: the line is searched through the object index in its stage).
  const withPrice = ctx.relations.has('price');
  const withDiscount = ctx.relations.has('lineDiscount');
  const fast = tracing || ctx.generic !== undefined ? undefined : fastOrder(ctx.index.fast, ctx.activation, ctx.customerId, ctx.accountGroups, ctx.currencyNo, ctx.day);
  let fastPrices: (Candidate | undefined | typeof SLOW)[] | undefined;
  let fastDiscounts: (DiscountSum | typeof SLOW)[] | undefined;
  if (fast !== undefined) {
    fastPrices = new Array<Candidate | undefined | typeof SLOW>(lineCount);
    fastDiscounts = new Array<DiscountSum | typeof SLOW>(lineCount);
    warmItemBuckets(fast, nos, lineCount);
    for (let i = 0; i < lineCount; i++) {
      const q = (order.lines[i] as ValidLine).quantity;
      const item = nos[i] as number;
      const unit = unitNos[i] as number;
      const qUnits = exactDouble(q.units);
      fastPrices[i] = withPrice ? fastPrice(fast, item, unit, qUnits, q.scale) : undefined;
      fastDiscounts[i] = withDiscount ? fastDiscount(fast, 1, item, lineGroups[i] as number, unit, qUnits, q.scale) : NO_DISCOUNT;
    }
  }
  for (let i = 0; i < lineCount; i++) {
    const price = fastPrices === undefined ? SLOW : fastPrices[i];
    const discount = fastDiscounts === undefined ? SLOW : fastDiscounts[i];
    const blocked = ((flags[i] as number) & FLAG_BLOCKED) !== 0;
    stages[i] = priceStage(ctx, order.lines[i] as ValidLine, nos[i] as number, blocked, units[i] as string, unitNos[i] as number, price, discount === undefined ? SLOW : discount, opts, generic, tracing);
  }

  // Multiline: one search per multiline group with Σ quantity of its lines (reference §1.6).
  const itemGroups = ctx.index.fast.itemGroups;
  const noUnit = fast === undefined ? -1 : (fast.f.codeNo.get('') ?? -1);
  let groupQty: Map<number, Scaled> | undefined;
  for (let i = 0; i < lineCount; i++) {
    const s = stages[i] as Stage;
    const g = multiGroups[i] as number;
    if (g < 0 || (s.price === undefined && s.base === undefined)) continue;
    groupQty ??= new Map();
    const q = groupQty.get(g);
    groupQty.set(g, q === undefined ? s.line.quantity : add(q, s.line.quantity));
  }
  let groupDisc: Map<number, { disc: DiscountSum; trace: TraceEntry[] | undefined }> | undefined;
  if (groupQty !== undefined) {
    groupDisc = new Map();
    const idOf = (g: number): string => itemGroups[g] as string;
    const groups = [...groupQty.keys()].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
    for (const g of groups) {
      const trace: TraceEntry[] | undefined = tracing ? [] : undefined;
      const q = groupQty.get(g) as Scaled;
      const found = fast === undefined ? SLOW : fastDiscount(fast, 2, -1, g, noUnit, exactDouble(q.units), q.scale);
      const disc = found !== SLOW ? found : findDiscount(ctx, 'multilineDiscount', { itemId: '', itemGroup: idOf(g) }, '', q, trace);
      groupDisc.set(g, { disc, trace });
    }
  }

  // Each line's outcome, its net amount the line amount until the total discount is known.
  const zero = sameCurrencyMoney(0n, currency);
  const lines = new Array<LineOutcome>(lineCount);
  let subtotal = 0n;
  let eligible = 0n;
  const eligibleIdx: number[] = [];
  // The eligible lines' amounts as doubles (NaN where not exact), for the total discount's spread.
  const eligibleMinor: number[] = [];
  for (let i = 0; i < lineCount; i++) {
    const s = stages[i] as Stage;
    const lineId = s.line.lineId;
    if (s.price === undefined && s.base === undefined) {
      const kind = ((flags[i] as number) & FLAG_BLOCKED) !== 0 ? 'blocked' : 'noPrice';
      lines[i] =
        lineId === undefined
          ? { kind, lineIndex: i, itemId: s.line.itemId, trace: s.trace ?? NO_TRACE }
          : { kind, lineIndex: i, lineId, itemId: s.line.itemId, trace: s.trace ?? NO_TRACE };
      continue;
    }
    const ml = groupDisc?.get(multiGroups[i] as number);
    if (ml?.trace !== undefined) s.trace?.push(...ml.trace);
    const multi = ml?.disc ?? NO_DISCOUNT;
    const discAmount = combinedAmount(s.lineDiscount, multi, opts.combination);
    const percents = combinedPercents(s.lineDiscount, multi, opts.combination);
    s.trace?.push({ kind: 'combination', mode: opts.combination, discountAmount: discAmount, percents });
    const price = s.price?.amount ?? s.base?.price ?? ZERO;
    const priceUnit = s.price?.priceUnit ?? s.base?.priceUnit ?? ONE;
    const charges = s.price?.charges ?? ZERO;
    const double = lineAmountMinorDouble(s.quantity, price, discAmount, priceUnit, charges, percents, minorUnit, opts.rounding);
    // Beyond the doubles (rare), lineAmountMinor tries them again before its bigints.
    const minor = double !== undefined ? BigInt(double) : lineAmountMinor(s.quantity, price, discAmount, priceUnit, charges, percents, minorUnit, opts.rounding);
    subtotal += minor;
    if (s.no < 0 || ((flags[i] as number) & FLAG_TOTAL_ELIGIBLE) !== 0) {
      eligible += minor;
      eligibleIdx.push(i);
      eligibleMinor.push(double ?? exactDouble(minor));
    }
    const lineAmount = sameCurrencyMoney(minor, currency);
    const priceSource: PricedLine['priceSource'] = s.price === undefined ? BASE_PRICE : { kind: 'agreement', recordId: s.price.recordId };
    // Two literals rather than a spread of the optional lineId: a spread would leave most fields outside the object.
    lines[i] =
      lineId === undefined
        ? {
            kind: 'priced',
            lineIndex: i,
            itemId: s.line.itemId,
            quantity: s.quantity,
            unit: s.unit,
            unitPrice: price,
            priceUnit,
            priceSource,
            priceCharges: charges,
            lineDiscount: s.lineDiscount,
            multilineDiscount: multi,
            discountAmount: discAmount,
            discountPercents: percents,
            lineAmount,
            totalDiscountShare: zero,
            netAmount: lineAmount,
            trace: s.trace ?? NO_TRACE,
          }
        : {
            kind: 'priced',
            lineIndex: i,
            lineId,
            itemId: s.line.itemId,
            quantity: s.quantity,
            unit: s.unit,
            unitPrice: price,
            priceUnit,
            priceSource,
            priceCharges: charges,
            lineDiscount: s.lineDiscount,
            multilineDiscount: multi,
            discountAmount: discAmount,
            discountPercents: percents,
            lineAmount,
            totalDiscountShare: zero,
            netAmount: lineAmount,
            trace: s.trace ?? NO_TRACE,
          };
  }

  // Total discount: amount band on the eligible total, percentages compound (reference §1.7).
  const orderTrace: TraceEntry[] | undefined = tracing ? [] : undefined;
  let total = NO_DISCOUNT;
  if (withTotal && eligibleIdx.length > 0) {
    const found = fast === undefined ? SLOW : fastDiscount(fast, 3, -1, -1, noUnit, exactDouble(eligible), minorUnit);
    total = found !== SLOW ? found : findDiscount(ctx, 'totalDiscount', { itemId: '', itemGroup: '' }, '', scaledOf(eligible, minorUnit), orderTrace);
  }
  const discMinor = total.recordIds.length === 0 ? 0n : totalDiscountMinor(eligible, total, opts.rounding);
  // Each eligible line's share, spread so that the shares sum to the discount exactly.
  if (discMinor !== 0n && eligible !== 0n) {
    // In doubles when the amounts are exact there, else in bigints.
    const shares = allocateShares(Number(discMinor), eligibleMinor);
    if (shares !== undefined) {
      for (let k = 0; k < eligibleIdx.length; k++) {
        const share = shares[k] as number;
        if (share !== 0) giveShare(lines[eligibleIdx[k] as number] as PricedLine, BigInt(share), BigInt((eligibleMinor[k] as number) - share), currency);
      }
    } else {
      const amounts = eligibleIdx.map((i) => (lines[i] as PricedLine).lineAmount.minor);
      const parts = allocateMoney(sameCurrencyMoney(discMinor, currency), amounts);
      for (let k = 0; k < eligibleIdx.length; k++) {
        const share = (parts[k] as Money).minor;
        if (share !== 0n) giveShare(lines[eligibleIdx[k] as number] as PricedLine, share, (amounts[k] as bigint) - share, currency);
      }
    }
  }
  if (withTotal && tracing) {
    for (const line of lines) if (line.kind === 'priced') (line.trace as TraceEntry[]).push({ kind: 'totalDiscountShare', share: line.totalDiscountShare });
  }

  return {
    currency,
    lines,
    subtotal: sameCurrencyMoney(subtotal, currency),
    totalDiscount: {
      eligibleTotal: sameCurrencyMoney(eligible, currency),
      percent1: total.percent1,
      percent2: total.percent2,
      amount: sameCurrencyMoney(discMinor, currency),
      recordIds: total.recordIds,
    },
    total: sameCurrencyMoney(subtotal - discMinor, currency),
    trace: orderTrace ?? NO_TRACE,
  };
}

/** Sets a line's share of the total discount and its net amount (the line amount less the share), in minor units. */
function giveShare(line: PricedLine, share: bigint, net: bigint, currency: CurrencyCode): void {
  const l = line as Mutable<PricedLine>;
  l.totalDiscountShare = sameCurrencyMoney(share, currency);
  l.netAmount = sameCurrencyMoney(net, currency);
}

/** discount = eligible × (1 − (1 − p1)(1 − p2)), rounded once (reference §1.7). */
function totalDiscountMinor(eligible: bigint, total: DiscountSum, rounding: RoundingMode): bigint {
  const p1 = capPercent(total.percent1);
  const p2 = capPercent(total.percent2);
  const h1 = 100n * pow10(p1.scale);
  const h2 = 100n * pow10(p2.scale);
  return divideRounded(eligible * (h1 * h2 - (h1 - p1.units) * (h2 - p2.units)), h1 * h2, rounding);
}

/**
 * Searches the price (or base price) and the line discount of one line. `lineUnit` (the
 * canonical unit) and its number in the compact index (`lineUnitNo`, −1 none), and unless
 * {@link SLOW} the price and the line discount, all for the line's own unit, were found beforehand.
 */
function priceStage(
  ctx: SearchContext,
  line: ValidLine,
  no: number,
  blocked: boolean,
  lineUnit: string,
  lineUnitNo: number,
  ownPrice: Candidate | undefined | typeof SLOW,
  ownDiscount: DiscountSum | typeof SLOW,
  opts: ValidOptions,
  generic: Generic,
  tracing: boolean,
): Stage {
  const trace: TraceEntry[] | undefined = tracing ? [] : undefined;
  if (blocked) {
    trace?.push({ kind: 'blocked' });
    return { line, no, trace, price: undefined, base: undefined, quantity: line.quantity, unit: line.unit, lineDiscount: NO_DISCOUNT };
  }
  const conversions = opts.unitConversions;
  if (trace !== undefined && generic !== undefined && generic.rate !== undefined) trace.push({ kind: 'genericCurrency', currency: generic.currency, rate: generic.rate });
  // The line's own unit first, then each applicable conversion in the given order.
  for (let attempt = -1; attempt < (conversions?.length ?? 0); attempt++) {
    let unit = lineUnit;
    let unitNo = lineUnitNo;
    let quantity = line.quantity;
    if (attempt >= 0) {
      const c = (conversions as NonNullable<typeof conversions>)[attempt] as NonNullable<typeof conversions>[number];
      if (c.from !== line.unit || (c.itemId !== undefined && c.itemId !== line.itemId) || c.to === line.unit) continue;
      unit = codeOf(ctx.index, c.to);
      unitNo = ctx.index.fast.codeNo.get(unit) ?? -1;
      quantity = scaledOf(line.quantity.units * c.factor.units, line.quantity.scale + c.factor.scale);
      trace?.push({ kind: 'unitConversion', from: c.from, to: c.to, factor: c.factor });
    }
    // The item's entry object is read only by the searches through the object index.
    const price = attempt < 0 && ownPrice !== SLOW ? ownPrice : findPrice(ctx, { itemId: entryOf(ctx, no)?.itemId ?? line.itemId, itemGroup: undefined }, unit, quantity, trace);
    let base: { price: Scaled; priceUnit: Scaled } | undefined;
    if (price === undefined) {
      base = ownBasePrice(ctx, no, unit, unitNo);
      if (base === undefined && generic?.rate !== undefined) {
        const b = basePriceOf(entryOf(ctx, no), generic.currency, unit);
        if (b !== undefined) base = { price: scaledOf(b.price.units * generic.rate.units, b.price.scale + generic.rate.scale), priceUnit: b.priceUnit };
      }
      if (base === undefined) continue;
      trace?.push({ kind: 'selected', source: 'basePrice', unitPrice: base.price, priceUnit: base.priceUnit });
    } else {
      trace?.push({ kind: 'selected', source: 'agreement', recordId: price.recordId, unitPrice: price.amount, priceUnit: price.priceUnit });
    }
    const lineDiscount = attempt < 0 && ownDiscount !== SLOW ? ownDiscount : lineDiscountOf(ctx, entryOf(ctx, no), line.itemId, unit, quantity, trace);
    return { line, no, trace, price, base, quantity, unit, lineDiscount };
  }
  trace?.push({ kind: 'noPrice' });
  return { line, no, trace, price: undefined, base: undefined, quantity: line.quantity, unit: line.unit, lineDiscount: NO_DISCOUNT };
}

function entryOf(ctx: SearchContext, no: number): ItemEntry | undefined {
  return no < 0 ? undefined : ctx.index.itemList[no];
}

function lineDiscountOf(ctx: SearchContext, entry: ItemEntry | undefined, itemId: string, unit: string, quantity: Scaled, trace: TraceEntry[] | undefined): DiscountSum {
  return findDiscount(ctx, 'lineDiscount', { itemId: entry?.itemId ?? itemId, itemGroup: entry?.lineDiscountGroup }, unit, quantity, trace);
}

/** A base price as pricing uses it. */
type Base = { readonly price: Scaled; readonly priceUnit: Scaled };

/**
 * The base price of item `no` in the order currency and `unit` (`unitNo` its number in the
 * compact index, −1 none). From the item's row when its first base price is the one (values
 * built from the row's figures: the BasePrice object and its Scaled values are not read) or
 * when it has none; else through its entry.
 */
function ownBasePrice(ctx: SearchContext, no: number, unit: string, unitNo: number): Base | undefined {
  if (no < 0) return undefined;
  const f = ctx.index.fast;
  const row = ITEM_ROW * no;
  const key = f.itemRows[row + ROW_BASE_KEY] as number;
  if (key === -1) return undefined;
  if (ctx.currencyNo < 0 || unitNo < 0 || key !== 65536 * ctx.currencyNo + unitNo) return basePriceOf(entryOf(ctx, no), ctx.currency, unit);
  const units = f.itemFigures;
  return {
    price: scaledOfDouble(units[(row + ROW_BASE_PRICE) / 2] as number, f.itemRows[row + ROW_BASE_PRICE_SCALE] as number),
    priceUnit: scaledOfDouble(units[(row + ROW_BASE_PRICE_UNIT) / 2] as number, f.itemRows[row + ROW_BASE_PRICE_UNIT_SCALE] as number),
  };
}

function basePriceOf(entry: ItemEntry | undefined, currency: string, unit: string): Base | undefined {
  if (entry === undefined) return undefined;
  const first = entry.basePrice;
  if (first === undefined) return undefined;
  if (first.currency === currency && first.unit === unit) return first;
  const list = entry.basePrices as readonly BasePrice[];
  for (let k = 1; k < list.length; k++) {
    const b = list[k] as BasePrice;
    if (b.currency === currency && b.unit === unit) return b;
  }
  return undefined;
}

function maxScaled(a: Scaled, b: Scaled, wantMax: boolean): Scaled {
  const s = Math.max(a.scale, b.scale);
  const x = a.units * pow10(s - a.scale);
  const y = b.units * pow10(s - b.scale);
  return (x >= y) === wantMax ? a : b;
}

/** 100 at scales 0 … 20: comparing a percentage with 100 allocates nothing. */
const HUNDRED: readonly bigint[] = /* @__PURE__ */ Array.from({ length: 21 }, (_, s) => 100n * pow10(s));
const CAPPED: Scaled = /* @__PURE__ */ scaledOf(100n, 0);

function capPercent(p: Scaled): Scaled {
  if (p.units === 0n) return p;
  return p.units > (HUNDRED[p.scale] ?? 100n * pow10(p.scale)) ? CAPPED : p;
}

/** Reference §1.5: the discount amount per price unit of the line and multiline discounts combined with `mode`. */
function combinedAmount(l: DiscountSum, m: DiscountSum, mode: CombinationMode): Scaled {
  switch (mode) {
    case 'line':
      return l.amount;
    case 'multiline':
      return m.amount;
    case 'max':
    case 'min':
      return maxScaled(l.amount, m.amount, mode === 'max');
    case 'sum':
    case 'compound':
      return add(l.amount, m.amount);
  }
}

/** Reference §1.5: the percentages applied one after the other; per component for max/min/sum, compound applies all four. */
function combinedPercents(l: DiscountSum, m: DiscountSum, mode: CombinationMode): Scaled[] {
  switch (mode) {
    case 'line':
      return [capPercent(l.percent1), capPercent(l.percent2)];
    case 'multiline':
      return [capPercent(m.percent1), capPercent(m.percent2)];
    case 'max':
    case 'min': {
      const w = mode === 'max';
      return [capPercent(maxScaled(l.percent1, m.percent1, w)), capPercent(maxScaled(l.percent2, m.percent2, w))];
    }
    case 'sum':
      return [capPercent(add(l.percent1, m.percent1)), capPercent(add(l.percent2, m.percent2))];
    case 'compound':
      return [capPercent(l.percent1), capPercent(l.percent2), capPercent(m.percent1), capPercent(m.percent2)];
  }
}
