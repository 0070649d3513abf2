import * as z from 'zod';
import { type CalendarDate, CalendarDateSchema } from '../calendar/CalendarDate.js';
import { parseInput } from '../errors/parseInput.js';
import { allocateMoney } from '../money/allocateMoney.js';
import { requireMinorUnit } from '../money/currencies.js';
import { type Money, sameCurrencyMoney } from '../money/Money.js';
import { type RoundingMode, divideRounded } from '../money/rounding.js';
import { type DecimalInput, pow10, type Scaled, scaledOf } from '../money/Scaled.js';
import { CurrencyCodeSchema, PositiveDecimalSchema, RoundingModeSchema } from '../money/schemas.js';
import { basePriceKey } from './_internal/keys.js';
import { lineAmountMinor } from './_internal/lineAmountMinor.js';
import { type Candidate, type DiscountSum, findDiscount, findPrice, type Generic, NO_DISCOUNT } from './_internal/search.js';
import type { PriceBook } from './compilePriceBook.js';
import type { CombinationMode, PricingTrace, TraceEntry } from './PricingTrace.js';
import { type CustomerContext, CustomerContextSchema } from './schemas.js';

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

/** Outcome of one line. */
export type LineOutcome = PricedLine | NoPriceLine;

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

const OrderLineSchema = /* @__PURE__ */ z.object({
  lineId: z.string().min(1).optional(),
  itemId: z.string().min(1),
  quantity: PositiveDecimalSchema,
  unit: z.string().min(1),
});

const OrderSchema = /* @__PURE__ */ z.object({
  customer: CustomerContextSchema,
  currency: CurrencyCodeSchema,
  lines: z.array(OrderLineSchema),
});

const OptionsSchema = /* @__PURE__ */ z.object({
  asOf: CalendarDateSchema,
  rounding: RoundingModeSchema,
  combination: z.enum(['line', 'multiline', 'max', 'min', 'sum', 'compound']),
  unitConversions: z
    .array(z.object({ itemId: z.string().min(1).optional(), from: z.string().min(1), to: z.string().min(1), factor: PositiveDecimalSchema }))
    .optional(),
  genericCurrency: z.object({ currency: CurrencyCodeSchema, rate: PositiveDecimalSchema.optional() }).optional(),
  trace: z.boolean().optional(),
});

const ZERO: Scaled = /* @__PURE__ */ scaledOf(0n, 0);
const ONE: Scaled = /* @__PURE__ */ scaledOf(1n, 0);

type ValidOrder = z.output<typeof OrderSchema>;
type ValidOptions = z.output<typeof OptionsSchema>;

/**
 * Prices a whole order as of a date (reference §1.3–§1.7): price search with base-price
 * fallback, line discount, multiline discount on the quantity summed over the lines of
 * each multiline group, the combination mode, then the total discount on the eligible
 * lines' total, spread back with `allocateMoney` so the lines sum exactly to the total.
 * @param book a {@link PriceBook} from `compilePriceBook`.
 * @param order `{ customer, currency, lines: [{ itemId, quantity, unit, lineId? }] }`.
 * @param options {@link PriceOrderOptions}.
 * @returns a {@link PricedOrder}; unpriceable lines are `{ kind: 'noPrice' }`.
 * @throws {@link OrderToCashError} `invalid_input` naming the bad field (`['order', 'lines', 2, 'quantity']`).
 * @example
 * priceOrder(book, { customer: { customerId: 'C1' }, currency: 'EUR',
 *   lines: [{ itemId: 'A', quantity: '1', unit: 'pcs' }] },
 *   { asOf: '2026-01-15', rounding: 'halfUp', combination: 'sum' }).total.toString() //=> 'EUR 15.30'
 */
export function priceOrder(book: PriceBook, order: unknown, options: unknown): PricedOrder {
  const o = parseInput(OrderSchema, order, ['order']);
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

type Stage = {
  readonly index: number;
  readonly line: ValidOrder['lines'][number];
  readonly trace: TraceEntry[] | undefined;
  readonly price: Candidate | undefined;
  readonly base: { readonly price: Scaled; readonly priceUnit: Scaled } | undefined;
  readonly quantity: Scaled;
  readonly unit: string;
  readonly lineDiscount: DiscountSum;
};

function priceValidOrder(book: PriceBook, order: ValidOrder, opts: ValidOptions, withTotal: boolean): PricedOrder {
  const currency = order.currency;
  const minorUnit = requireMinorUnit(currency, ['order', 'currency']);
  const customer = order.customer;
  const generic: Generic = opts.genericCurrency === undefined ? undefined : { currency: opts.genericCurrency.currency, rate: opts.genericCurrency.rate };
  const stages: Stage[] = order.lines.map((line, index) => priceStage(book, customer, currency, line, index, opts, generic));

  // Multiline: one search per multiline group with Σ quantity of its lines (reference §1.6).
  const groupQty = new Map<string, Scaled>();
  for (const s of stages) {
    const g = book.items.get(s.line.itemId)?.multilineDiscountGroup;
    if (g === undefined || (s.price === undefined && s.base === undefined)) continue;
    groupQty.set(g, addScaled(groupQty.get(g) ?? scaledOf(0n, 0), s.line.quantity));
  }
  const groupDisc = new Map<string, { disc: DiscountSum; trace: TraceEntry[] | undefined }>();
  for (const [g, qty] of [...groupQty].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const trace: TraceEntry[] | undefined = opts.trace === false ? undefined : [];
    const disc = findDiscount(
      book,
      'multilineDiscount',
      { customerId: customer.customerId, accountGroup: customer.multilineDiscountGroup, itemId: '', itemGroup: g, currency, unit: '', qty, asOf: opts.asOf },
      generic,
      trace,
    );
    groupDisc.set(g, { disc, trace });
  }

  const amounts: (Money | undefined)[] = [];
  const partial = stages.map((s) => {
    if (s.price === undefined && s.base === undefined) {
      amounts.push(undefined);
      return undefined;
    }
    const g = book.items.get(s.line.itemId)?.multilineDiscountGroup;
    const ml = g === undefined ? undefined : groupDisc.get(g);
    if (ml?.trace !== undefined) s.trace?.push(...ml.trace);
    const multi = ml?.disc ?? NO_DISCOUNT;
    const { amount: discAmount, percents } = combine(s.lineDiscount, multi, opts.combination);
    s.trace?.push({ kind: 'combination', mode: opts.combination, discountAmount: discAmount, percents });
    const price = s.price?.amount ?? s.base?.price ?? ZERO;
    const priceUnit = s.price?.record.priceUnit ?? s.base?.priceUnit ?? ONE;
    const charges = s.price?.charges ?? scaledOf(0n, 0);
    const amount = sameCurrencyMoney(lineAmountMinor(s.quantity, price, discAmount, priceUnit, charges, percents, minorUnit, opts.rounding), currency);
    amounts.push(amount);
    return { s, price, priceUnit, charges, multi, discAmount, percents, amount };
  });

  let subtotal = 0n;
  let eligible = 0n;
  const eligibleIdx: number[] = [];
  for (let i = 0; i < partial.length; i++) {
    const p = partial[i];
    if (p === undefined) continue;
    subtotal += p.amount.minor;
    if (book.items.get(p.s.line.itemId)?.totalDiscountEligible ?? true) {
      eligible += p.amount.minor;
      eligibleIdx.push(i);
    }
  }

  // Total discount: amount band on the eligible total, percentages compound (reference §1.7).
  const orderTrace: TraceEntry[] | undefined = opts.trace === false ? undefined : [];
  let total = NO_DISCOUNT;
  if (withTotal && eligibleIdx.length > 0) {
    total = findDiscount(
      book,
      'totalDiscount',
      { customerId: customer.customerId, accountGroup: customer.totalDiscountGroup, itemId: '', itemGroup: '', currency, unit: '', qty: scaledOf(eligible, minorUnit), asOf: opts.asOf },
      generic,
      orderTrace,
    );
  }
  const p1 = capPercent(total.percent1);
  const p2 = capPercent(total.percent2);
  const h1 = 100n * pow10(p1.scale);
  const h2 = 100n * pow10(p2.scale);
  // discount = eligible × (1 − (1 − p1)(1 − p2)), rounded once.
  const discMinor = total.recordIds.length === 0 ? 0n : divideRounded(eligible * (h1 * h2 - (h1 - p1.units) * (h2 - p2.units)), h1 * h2, opts.rounding);
  const shares = new Map<number, bigint>();
  if (discMinor !== 0n && eligible !== 0n) {
    const parts = allocateMoney(sameCurrencyMoney(discMinor, currency), eligibleIdx.map((i) => (amounts[i] as Money).minor));
    eligibleIdx.forEach((i, k) => shares.set(i, (parts[k] as Money).minor));
  }

  const lines: LineOutcome[] = partial.map((p, i) => {
    const s = stages[i] as Stage;
    const idPart = s.line.lineId === undefined ? {} : { lineId: s.line.lineId };
    if (p === undefined) return { kind: 'noPrice', lineIndex: i, ...idPart, itemId: s.line.itemId, trace: s.trace ?? [] };
    const share = sameCurrencyMoney(shares.get(i) ?? 0n, currency);
    if (withTotal) s.trace?.push({ kind: 'totalDiscountShare', share });
    return {
      kind: 'priced',
      lineIndex: i,
      ...idPart,
      itemId: s.line.itemId,
      quantity: s.quantity,
      unit: s.unit,
      unitPrice: p.price,
      priceUnit: p.priceUnit,
      priceSource: s.price === undefined ? { kind: 'basePrice' } : { kind: 'agreement', recordId: s.price.record.id },
      priceCharges: p.charges,
      lineDiscount: s.lineDiscount,
      multilineDiscount: p.multi,
      discountAmount: p.discAmount,
      discountPercents: p.percents,
      lineAmount: p.amount,
      totalDiscountShare: share,
      netAmount: sameCurrencyMoney(p.amount.minor - share.minor, currency),
      trace: s.trace ?? [],
    };
  });

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
    trace: orderTrace ?? [],
  };
}

function priceStage(
  book: PriceBook,
  customer: CustomerContext,
  currency: string,
  line: ValidOrder['lines'][number],
  index: number,
  opts: ValidOptions,
  generic: Generic,
): Stage {
  const trace: TraceEntry[] | undefined = opts.trace === false ? undefined : [];
  const attempts: { unit: string; quantity: Scaled; conversion?: { from: string; to: string; factor: Scaled } }[] = [{ unit: line.unit, quantity: line.quantity }];
  for (const c of opts.unitConversions ?? []) {
    if (c.from === line.unit && (c.itemId === undefined || c.itemId === line.itemId) && c.to !== line.unit) {
      attempts.push({ unit: c.to, quantity: scaledOf(line.quantity.units * c.factor.units, line.quantity.scale + c.factor.scale), conversion: c });
    }
  }
  if (generic !== undefined && generic.rate !== undefined) trace?.push({ kind: 'genericCurrency', currency: generic.currency, rate: generic.rate });
  for (const attempt of attempts) {
    if (attempt.conversion !== undefined) trace?.push({ kind: 'unitConversion', ...attempt.conversion });
    const keys = {
      customerId: customer.customerId,
      accountGroup: customer.priceGroup,
      itemId: line.itemId,
      itemGroup: undefined,
      currency,
      unit: attempt.unit,
      qty: attempt.quantity,
      asOf: opts.asOf,
    };
    const price = findPrice(book, keys, generic, trace);
    let base: { price: Scaled; priceUnit: Scaled } | undefined;
    if (price === undefined) {
      base = book.basePrices.get(basePriceKey(line.itemId, currency, attempt.unit));
      if (base === undefined && generic?.rate !== undefined) {
        const b = book.basePrices.get(basePriceKey(line.itemId, generic.currency, attempt.unit));
        if (b !== undefined) base = { price: scaledOf(b.price.units * generic.rate.units, b.price.scale + generic.rate.scale), priceUnit: b.priceUnit };
      }
      if (base === undefined) continue;
      trace?.push({ kind: 'selected', source: 'basePrice', unitPrice: base.price, priceUnit: base.priceUnit });
    } else {
      trace?.push({ kind: 'selected', source: 'agreement', recordId: price.record.id, unitPrice: price.amount, priceUnit: price.record.priceUnit });
    }
    const lineDiscount = findDiscount(
      book,
      'lineDiscount',
      { ...keys, accountGroup: customer.lineDiscountGroup, itemGroup: book.items.get(line.itemId)?.lineDiscountGroup },
      generic,
      trace,
    );
    return { index, line, trace, price, base, quantity: attempt.quantity, unit: attempt.unit, lineDiscount };
  }
  trace?.push({ kind: 'noPrice' });
  return { index, line, trace, price: undefined, base: undefined, quantity: line.quantity, unit: line.unit, lineDiscount: NO_DISCOUNT };
}

function addScaled(a: Scaled, b: Scaled): Scaled {
  if (a.scale >= b.scale) return scaledOf(a.units + b.units * pow10(a.scale - b.scale), a.scale);
  return scaledOf(a.units * pow10(b.scale - a.scale) + b.units, b.scale);
}

function maxScaled(a: Scaled, b: Scaled, wantMax: boolean): Scaled {
  const s = Math.max(a.scale, b.scale);
  const x = a.units * pow10(s - a.scale);
  const y = b.units * pow10(s - b.scale);
  return (x >= y) === wantMax ? a : b;
}

function capPercent(p: Scaled): Scaled {
  return p.units > 100n * pow10(p.scale) ? scaledOf(100n, 0) : p;
}

/** Reference §1.5: per component for max/min; compound multiplies the line and multiline factors. */
function combine(l: DiscountSum, m: DiscountSum, mode: CombinationMode): { amount: Scaled; percents: Scaled[] } {
  switch (mode) {
    case 'line':
      return { amount: l.amount, percents: [capPercent(l.percent1), capPercent(l.percent2)] };
    case 'multiline':
      return { amount: m.amount, percents: [capPercent(m.percent1), capPercent(m.percent2)] };
    case 'max':
    case 'min': {
      const w = mode === 'max';
      return {
        amount: maxScaled(l.amount, m.amount, w),
        percents: [capPercent(maxScaled(l.percent1, m.percent1, w)), capPercent(maxScaled(l.percent2, m.percent2, w))],
      };
    }
    case 'sum':
      return { amount: addScaled(l.amount, m.amount), percents: [capPercent(addScaled(l.percent1, m.percent1)), capPercent(addScaled(l.percent2, m.percent2))] };
    case 'compound':
      return {
        amount: addScaled(l.amount, m.amount),
        percents: [capPercent(l.percent1), capPercent(l.percent2), capPercent(m.percent1), capPercent(m.percent2)],
      };
  }
}
