import * as z from 'zod';
import { parseInput } from '../errors/parseInput.js';
import {
  type ActivationMatrix,
  ActivationMatrixSchema,
  type BasePrice,
  BasePriceSchema,
  type ItemAttributes,
  ItemAttributesSchema,
  type Relation,
  type TradeAgreement,
  TradeAgreementSchema,
} from './schemas.js';
import { buildPriceIndex, canonical, compareRecords, type PriceIndex } from './_internal/priceIndex.js';
import type { Scaled } from '../money/Scaled.js';

/** What {@link compilePriceBook} takes: agreements, activation, base prices and item attributes. */
export type PriceBookInput = {
  readonly agreements: readonly unknown[];
  readonly activation?: unknown;
  readonly basePrices?: readonly unknown[];
  readonly items?: readonly unknown[];
};

/** The search structure of a compiled book; its layout is internal and may change. */
export type PriceBookIndex = PriceIndex;

/**
 * A compiled, immutable price book. `index` holds two search structures: a compact one of
 * integer tables and doubles outside the JavaScript heap (one probe per cell, one run of
 * doubles per bucket; searches without trace), built by `compilePriceBook`, and one of
 * objects with an interval index on large sets of dated or banded records (traces, generic
 * currency, analyses), built by the first search that needs it and then kept. A lookup costs
 * about the same whatever the number of records. See docs/pricing.md, "Performance".
 */
export type PriceBook = {
  readonly agreements: readonly TradeAgreement[];
  readonly activation: ActivationMatrix;
  readonly index: PriceBookIndex;
  /** Base prices by item id, sorted by currency then unit. */
  readonly basePrices: ReadonlyMap<string, readonly BasePrice[]>;
  readonly items: ReadonlyMap<string, ItemAttributes>;
  /** Relations that have at least one record, to skip whole searches. */
  readonly relations: ReadonlySet<Relation>;
};

const InputSchema = /* @__PURE__ */ z.object({
  agreements: z.array(z.unknown()),
  activation: z.unknown().optional(),
  basePrices: z.array(z.unknown()).optional(),
  items: z.array(z.unknown()).optional(),
});

/**
 * Validates and indexes trade agreements (reference §1.2–§1.3) into a {@link PriceBook}.
 * @param input agreements, optional activation matrix (default: all 9 cells of each relation), base prices and item attributes.
 * @returns the compiled book; never mutates `input`.
 * @throws {@link OrderToCashError} `invalid_input` naming the record (`['agreements', 'id:p1', 'itemCode']`) when a record is bad or an id repeats.
 * @example
 * const book = compilePriceBook({ agreements: [{ id: 'p1', relation: 'price', accountCode: 'all',
 *   itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '9.90' }] });
 * book.agreements.length //=> 1
 */
export function compilePriceBook(input: PriceBookInput): PriceBook {
  const raw = parseInput(InputSchema, input, []);
  const agreements: TradeAgreement[] = [];
  const seen = new Set<string>();
  const shared = new Map<number, Scaled>();
  const strings = new Map<string, string>();
  for (let i = 0; i < raw.agreements.length; i++) {
    const value = raw.agreements[i];
    const id = typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
    const label = id === undefined ? i : `id:${id}`;
    const record = parseInput(TradeAgreementSchema, value, ['agreements', label]);
    if (seen.has(record.id)) {
      parseInput(z.never({ error: `duplicate agreement id ${JSON.stringify(record.id)}: ids must be unique` }), record.id, ['agreements', label, 'id']);
    }
    seen.add(record.id);
    agreements.push(compactRecord(record, shared, strings));
  }
  const activation = parseInput(ActivationMatrixSchema, raw.activation ?? {}, ['activation']);
  const relations = new Set<Relation>();
  for (const a of agreements) relations.add(a.relation);
  const basePrices: BasePrice[] = [];
  (raw.basePrices ?? []).forEach((value, i) => basePrices.push(parseInput(BasePriceSchema, value, ['basePrices', i])));
  const itemList: ItemAttributes[] = [];
  (raw.items ?? []).forEach((value, i) => itemList.push(parseInput(ItemAttributesSchema, value, ['items', i])));
  const index = buildPriceIndex(agreements, basePrices, itemList);
  const items = new Map<string, ItemAttributes>();
  const byItem = new Map<string, readonly BasePrice[]>();
  for (const [id, e] of index.items) {
    if (e.attributes !== undefined) items.set(id, e.attributes);
    if (e.basePrices !== undefined) byItem.set(id, e.basePrices);
  }
  return { agreements, activation, index, basePrices: byItem, items, relations };
}

/**
 * A copy of the record made as soon as it is parsed, with its small figures (bands,
 * percentages, price units, most amounts: units below 2^20, at most 7 decimals) replaced by
 * one shared value per figure, `Scaled` being immutable, and its strings other than the id by
 * one string per value (records read from a file or a database bring a string per field and
 * record: a million records, some 8 million strings). A program holding a large book pays
 * for its objects in every young-generation collection: a million records held 6 million
 * `Scaled` objects and bigints, and records left where the parser made them, between its
 * garbage, cost those collections twice what the same records side by side do. The parser's
 * record is dropped at once, so that it dies young instead of leaving a hole in the old
 * generation (a 1 M book left 614 MB of free space between its objects when every parsed record
 * was kept until the last was parsed, 475 MB now). Keys in the parser's order.
 */
function compactRecord(r: TradeAgreement, shared: Map<number, Scaled>, strings: Map<string, string>): TradeAgreement {
  const one = (v: Scaled): Scaled => {
    if (v.units < 0n || v.units >= 1n << 20n || v.scale > 7) return v;
    const key = Number(v.units) * 8 + v.scale;
    const known = shared.get(key);
    if (known !== undefined) return known;
    shared.set(key, v);
    return v;
  };
  const text = <T extends string | undefined>(v: T): T => (v === undefined ? v : (canonical(strings, v) as T));
  const { id, findNext } = r;
  const [relation, accountCode, accountRelation, itemCode, itemRelation] = [text(r.relation), text(r.accountCode), text(r.accountRelation), text(r.itemCode), text(r.itemRelation)];
  const [currency, unit, fromDate, toDate] = [text(r.currency), text(r.unit), text(r.fromDate), text(r.toDate)];
  const [fromQty, toQty, priceUnit, amount, percent1, percent2, priceCharges] = [one(r.fromQty), one(r.toQty), one(r.priceUnit), one(r.amount), one(r.percent1), one(r.percent2), one(r.priceCharges)];
  // One literal per shape (fields in place, no spread: a spread object may fall into
  // dictionary mode), dates where the parser puts them.
  if (fromDate === undefined) {
    if (toDate === undefined) return { id, relation, accountCode, accountRelation, itemCode, itemRelation, currency, unit, fromQty, toQty, priceUnit, amount, percent1, percent2, priceCharges, findNext };
    return { id, relation, accountCode, accountRelation, itemCode, itemRelation, currency, unit, fromQty, toQty, toDate, priceUnit, amount, percent1, percent2, priceCharges, findNext };
  }
  if (toDate === undefined) return { id, relation, accountCode, accountRelation, itemCode, itemRelation, currency, unit, fromQty, toQty, fromDate, priceUnit, amount, percent1, percent2, priceCharges, findNext };
  return { id, relation, accountCode, accountRelation, itemCode, itemRelation, currency, unit, fromQty, toQty, fromDate, toDate, priceUnit, amount, percent1, percent2, priceCharges, findNext };
}

/**
 * Records of one key in a fixed order: lower band first, then id, so results never depend on input order.
 * @example
 * [b, a].sort(byRecordOrder) // a (fromQty 0) before b (fromQty 10)
 */
export function byRecordOrder(a: TradeAgreement, b: TradeAgreement): number {
  return compareRecords(a, b);
}
