// A naive reference for priceOrder, written for clarity rather than speed: every search scans
// every agreement, arithmetic is decimal.js (the Oracle). The compiled book must agree with it.
import type { Decimal } from 'decimal.js';
import { allocateMoney } from '../../src/money/allocateMoney.js';
import { money } from '../../src/money/Money.js';
import type { RoundingMode } from '../../src/money/rounding.js';
import {
  ActivationMatrixSchema,
  BasePriceSchema,
  CustomerContextSchema,
  ItemAttributesSchema,
  type Relation,
  type RelationCode,
  type TradeAgreement,
  TradeAgreementSchema,
} from '../../src/pricing/schemas.js';
import { ORACLE_MODE, Oracle, oracleOf } from '../helpers.js';

export type NaiveLine =
  | { kind: 'noPrice' }
  | { kind: 'priced'; unit: string; unitPrice: string; lineAmount: bigint; netAmount: bigint; lineDiscountIds: string[]; multilineDiscountIds: string[] };
export type NaiveOrder = { lines: NaiveLine[]; total: bigint; totalDiscount: bigint };

const CELLS: [RelationCode, RelationCode][] = [
  ['table', 'table'], ['table', 'group'], ['table', 'all'],
  ['group', 'table'], ['group', 'group'], ['group', 'all'],
  ['all', 'table'], ['all', 'group'], ['all', 'all'],
];
const ITEM_CODES: Record<Relation, RelationCode[]> = {
  price: ['table'], lineDiscount: ['table', 'group', 'all'], multilineDiscount: ['group', 'all'], totalDiscount: ['all'],
};

type NaiveLineInput = { readonly itemId: string; readonly quantity: string; readonly unit: string };
type NaiveOrderInput = { readonly customer: unknown; readonly currency: string; readonly lines: readonly NaiveLineInput[] };
type NaiveOptions = {
  readonly asOf: string;
  readonly rounding: string;
  readonly combination: string;
  readonly genericCurrency?: { readonly currency: string; readonly rate?: string };
  readonly unitConversions?: readonly { readonly itemId?: string; readonly from: string; readonly to: string; readonly factor: string }[];
};
type Input = { agreements: readonly unknown[]; activation?: unknown; basePrices?: readonly unknown[]; items?: readonly unknown[] };
type Found = { record: TradeAgreement; amount: Decimal };
type Search = { relation: Relation; customer: string; accountGroup?: string | undefined; item: string; itemGroup?: string | undefined; unit: string; qty: Decimal };

/** Prices an order by scanning every agreement for every cell (reference §1.3 pseudo-code, literally). */
export function naivePriceOrder(input: Input, order: NaiveOrderInput, options: NaiveOptions): NaiveOrder {
  const agreements = input.agreements.map((a) => TradeAgreementSchema.parse(a));
  const activation = ActivationMatrixSchema.parse(input.activation ?? {});
  const basePrices = (input.basePrices ?? []).map((b) => BasePriceSchema.parse(b));
  const items = (input.items ?? []).map((i) => ItemAttributesSchema.parse(i));
  const customer = CustomerContextSchema.parse(order.customer);
  const currency: string = order.currency;
  const rounding = options.rounding as RoundingMode;
  const asOf: string = options.asOf;
  const generic: { currency: string; rate?: string } | undefined = options.genericCurrency;
  const itemOf = (id: string) => items.find((i) => i.itemId === id);

  function candidates(s: Search, acct: RelationCode, itm: RelationCode): Found[] {
    const accountKey = acct === 'table' ? s.customer : acct === 'group' ? s.accountGroup : '';
    const itemKey = itm === 'table' ? s.item : itm === 'group' ? s.itemGroup : '';
    if (accountKey === undefined || itemKey === undefined) return [];
    const fits = (a: TradeAgreement, cur: string) =>
      a.relation === s.relation && a.accountCode === acct && a.accountRelation === accountKey && a.itemCode === itm && a.itemRelation === itemKey &&
      a.currency === cur && a.unit === (s.relation === 'price' || s.relation === 'lineDiscount' ? s.unit : '') &&
      (a.fromDate === undefined || a.fromDate <= asOf) && (a.toDate === undefined || asOf <= a.toDate) &&
      oracleOf(a.fromQty).lte(s.qty) && (a.toQty.units === 0n || s.qty.lt(oracleOf(a.toQty)));
    const order = (x: TradeAgreement, y: TradeAgreement) => oracleOf(x.fromQty).cmp(oracleOf(y.fromQty)) || (x.id < y.id ? -1 : 1);
    const own = agreements.filter((a) => fits(a, currency)).sort(order).map((record) => ({ record, amount: oracleOf(record.amount) }));
    if (generic === undefined || generic.currency === currency || generic.rate === undefined) return own;
    const rate = new Oracle(generic.rate);
    const other = agreements.filter((a) => fits(a, generic.currency)).sort(order).map((record) => ({ record, amount: oracleOf(record.amount).times(rate) }));
    return [...own, ...other];
  }
  const activeCells = (relation: Relation) =>
    CELLS.filter(([a, i], k) => ITEM_CODES[relation].includes(i) && activation[relation][k] === true && a !== undefined);

  function price(s: Search): Found | undefined {
    const unitPrice = (f: Found) => f.amount.div(oracleOf(f.record.priceUnit));
    let best: Found | undefined;
    for (const [a, i] of activeCells('price')) {
      const found = candidates(s, a, i);
      if (found.length === 0) continue;
      let c = found[0] as Found;
      for (const f of found) if (unitPrice(f).lt(unitPrice(c))) c = f;
      if (best === undefined || unitPrice(c).lt(unitPrice(best))) best = c;
      if (!c.record.findNext) break;
    }
    return best;
  }
  function discount(s: Search) {
    let amount = new Oracle(0);
    let p1 = new Oracle(0);
    let p2 = new Oracle(0);
    const ids: string[] = [];
    for (const [a, i] of activeCells(s.relation)) {
      for (const f of candidates(s, a, i)) {
        amount = amount.plus(f.amount);
        p1 = p1.plus(oracleOf(f.record.percent1));
        p2 = p2.plus(oracleOf(f.record.percent2));
        ids.push(f.record.id);
        if (!f.record.findNext) return { amount, p1, p2, ids };
      }
    }
    return { amount, p1, p2, ids };
  }

  type Stage = { line: NaiveLineInput; unit: string; qty: Decimal; price: Decimal; priceUnit: Decimal; charges: Decimal; line1: ReturnType<typeof discount> } | undefined;
  const stages: Stage[] = order.lines.map((line): Stage => {
    const tries: { unit: string; qty: Decimal }[] = [{ unit: line.unit, qty: new Oracle(line.quantity) }];
    for (const c of options.unitConversions ?? []) {
      if (c.from === line.unit && (c.itemId === undefined || c.itemId === line.itemId) && c.to !== line.unit) {
        tries.push({ unit: c.to, qty: new Oracle(line.quantity).times(c.factor) });
      }
    }
    for (const t of tries) {
      const search = { relation: 'price' as Relation, customer: customer.customerId, accountGroup: customer.priceGroup, item: line.itemId, unit: t.unit, qty: t.qty };
      const p = price(search);
      let result: { price: Decimal; priceUnit: Decimal; charges: Decimal } | undefined;
      if (p !== undefined) {
        const rate = p.record.currency === currency ? new Oracle(1) : new Oracle(generic?.rate ?? 1);
        result = { price: p.amount, priceUnit: oracleOf(p.record.priceUnit), charges: oracleOf(p.record.priceCharges).times(rate) };
      } else {
        const b = basePrices.find((x) => x.itemId === line.itemId && x.currency === currency && x.unit === t.unit);
        const g = generic?.rate === undefined ? undefined : basePrices.find((x) => x.itemId === line.itemId && x.currency === generic.currency && x.unit === t.unit);
        if (b !== undefined) result = { price: oracleOf(b.price), priceUnit: oracleOf(b.priceUnit), charges: new Oracle(0) };
        else if (g !== undefined) result = { price: oracleOf(g.price).times(generic?.rate ?? 1), priceUnit: oracleOf(g.priceUnit), charges: new Oracle(0) };
      }
      if (result === undefined) continue;
      const line1 = discount({ ...search, relation: 'lineDiscount', accountGroup: customer.lineDiscountGroup, itemGroup: itemOf(line.itemId)?.lineDiscountGroup });
      return { line, unit: t.unit, qty: t.qty, ...result, line1 };
    }
    return undefined;
  });

  const groups = new Map<string, Decimal>();
  for (const s of stages) {
    const g = s === undefined ? undefined : itemOf(s.line.itemId)?.multilineDiscountGroup;
    if (s !== undefined && g !== undefined) groups.set(g, (groups.get(g) ?? new Oracle(0)).plus(new Oracle(s.line.quantity)));
  }
  const places = currency === 'EUR' ? 2 : 2;
  const cap = (p: Decimal) => Decimal_min(p, new Oracle(100));
  const amounts = stages.map((s) => {
    if (s === undefined) return undefined;
    const g = itemOf(s.line.itemId)?.multilineDiscountGroup;
    const none = { amount: new Oracle(0), p1: new Oracle(0), p2: new Oracle(0), ids: [] as string[] };
    const m = g === undefined ? none : discount({ relation: 'multilineDiscount', customer: customer.customerId, accountGroup: customer.multilineDiscountGroup, item: '', itemGroup: g, unit: '', qty: groups.get(g) as Decimal });
    const l = s.line1;
    let amt: Decimal;
    let pcts: Decimal[];
    switch (options.combination) {
      case 'line': amt = l.amount; pcts = [l.p1, l.p2]; break;
      case 'multiline': amt = m.amount; pcts = [m.p1, m.p2]; break;
      case 'max': amt = Decimal_max(l.amount, m.amount); pcts = [Decimal_max(l.p1, m.p1), Decimal_max(l.p2, m.p2)]; break;
      case 'min': amt = Decimal_min(l.amount, m.amount); pcts = [Decimal_min(l.p1, m.p1), Decimal_min(l.p2, m.p2)]; break;
      case 'sum': amt = l.amount.plus(m.amount); pcts = [l.p1.plus(m.p1), l.p2.plus(m.p2)]; break;
      default: amt = l.amount.plus(m.amount); pcts = [l.p1, l.p2, m.p1, m.p2];
    }
    let value = s.qty.times(Decimal_max(s.price.minus(amt), new Oracle(0))).div(s.priceUnit).plus(s.charges);
    for (const p of pcts) value = value.times(new Oracle(1).minus(cap(p).div(100)));
    const minor = BigInt(value.toDecimalPlaces(places, ORACLE_MODE[rounding]).times(100).toFixed(0));
    return { s, minor, l, m };
  });

  let eligible = 0n;
  const eligibleIdx: number[] = [];
  amounts.forEach((a, i) => {
    if (a !== undefined && (itemOf(a.s.line.itemId)?.totalDiscountEligible ?? true)) {
      eligible += a.minor;
      eligibleIdx.push(i);
    }
  });
  let totalDiscount = 0n;
  if (eligibleIdx.length > 0) {
    const t = discount({ relation: 'totalDiscount', customer: customer.customerId, accountGroup: customer.totalDiscountGroup, item: '', itemGroup: '', unit: '', qty: new Oracle(eligible.toString()).div(100) });
    if (t.ids.length > 0) {
      const kept = new Oracle(1).minus(cap(t.p1).div(100)).times(new Oracle(1).minus(cap(t.p2).div(100)));
      totalDiscount = BigInt(new Oracle(eligible.toString()).times(new Oracle(1).minus(kept)).toDecimalPlaces(0, ORACLE_MODE[rounding]).toFixed(0));
    }
  }
  const shares = new Map<number, bigint>();
  if (totalDiscount !== 0n && eligible !== 0n) {
    const parts = allocateMoney(money(totalDiscount, currency), eligibleIdx.map((i) => amounts[i]?.minor ?? 0n));
    eligibleIdx.forEach((i, k) => shares.set(i, parts[k]?.minor ?? 0n));
  }
  let total = 0n;
  const lines: NaiveLine[] = amounts.map((a, i) => {
    if (a === undefined) return { kind: 'noPrice' };
    const net = a.minor - (shares.get(i) ?? 0n);
    total += net;
    return { kind: 'priced', unit: a.s.unit, unitPrice: a.s.price.toString(), lineAmount: a.minor, netAmount: net, lineDiscountIds: a.l.ids, multilineDiscountIds: a.m.ids };
  });
  return { lines, total, totalDiscount };
}

function Decimal_max(a: Decimal, b: Decimal): Decimal {
  return a.gte(b) ? a : b;
}
function Decimal_min(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b;
}
