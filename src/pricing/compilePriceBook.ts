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
import { buildPriceIndex, compareRecords, type PriceIndex } from './_internal/priceIndex.js';
import { recordsOf, recordWriter } from './_internal/recordColumns.js';

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
  /**
   * The records, in input order, frozen. The book keeps them as columns of numbers and builds
   * the objects on the first read (a getter), then keeps them; pricing without trace never
   * reads them. Spreading a book (`{ ...book }`) reads them.
   */
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
  const seen = new Set<string>();
  // Each record goes into the columns as soon as it is parsed, so that the parser's objects die young.
  const writer = recordWriter(raw.agreements.length);
  for (let i = 0; i < raw.agreements.length; i++) {
    const value = raw.agreements[i];
    const id = typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
    const label = id === undefined ? i : `id:${id}`;
    const record = parseInput(TradeAgreementSchema, value, ['agreements', label]);
    if (seen.has(record.id)) {
      parseInput(z.never({ error: `duplicate agreement id ${JSON.stringify(record.id)}: ids must be unique` }), record.id, ['agreements', label, 'id']);
    }
    seen.add(record.id);
    writer.add(record);
  }
  const columns = writer.done();
  // The records of the compile (the index is built from them), garbage once it returns; the
  // book builds them again from the columns on first read of `agreements`.
  const agreements = recordsOf(columns);
  let records: readonly TradeAgreement[] | undefined;
  const kept = (): readonly TradeAgreement[] => {
    if (records === undefined) {
      const built = recordsOf(columns);
      for (const r of built) Object.freeze(r);
      records = Object.freeze(built);
    }
    return records;
  };
  const activation = parseInput(ActivationMatrixSchema, raw.activation ?? {}, ['activation']);
  const relations = new Set<Relation>();
  for (const a of agreements) relations.add(a.relation);
  const basePrices: BasePrice[] = [];
  (raw.basePrices ?? []).forEach((value, i) => basePrices.push(parseInput(BasePriceSchema, value, ['basePrices', i])));
  const itemList: ItemAttributes[] = [];
  (raw.items ?? []).forEach((value, i) => itemList.push(parseInput(ItemAttributesSchema, value, ['items', i])));
  const index = buildPriceIndex(agreements, basePrices, itemList, kept);
  const items = new Map<string, ItemAttributes>();
  const byItem = new Map<string, readonly BasePrice[]>();
  for (const [id, e] of index.items) {
    if (e.attributes !== undefined) items.set(id, e.attributes);
    if (e.basePrices !== undefined) byItem.set(id, e.basePrices);
  }
  return {
    get agreements() {
      return kept();
    },
    activation,
    index,
    basePrices: byItem,
    items,
    relations,
  };
}

/**
 * Records of one key in a fixed order: lower band first, then id, so results never depend on input order.
 * @example
 * [b, a].sort(byRecordOrder) // a (fromQty 0) before b (fromQty 10)
 */
export function byRecordOrder(a: TradeAgreement, b: TradeAgreement): number {
  return compareRecords(a, b);
}
