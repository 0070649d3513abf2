import * as z from 'zod';
import { parseInput } from '../errors/parseInput.js';
import { compareScaled } from '../money/compareScaled.js';
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
import { agreementKey, basePriceKey } from './_internal/keys.js';

/** What {@link compilePriceBook} takes: agreements, activation, base prices and item attributes. */
export type PriceBookInput = {
  readonly agreements: readonly unknown[];
  readonly activation?: unknown;
  readonly basePrices?: readonly unknown[];
  readonly items?: readonly unknown[];
};

/**
 * A compiled, immutable price book. `index` maps relation + account key + item key +
 * currency + unit to the records of that key, sorted by id, so a lookup costs one map
 * access whatever the number of records.
 */
export type PriceBook = {
  readonly agreements: readonly TradeAgreement[];
  readonly activation: ActivationMatrix;
  readonly index: ReadonlyMap<string, readonly TradeAgreement[]>;
  readonly basePrices: ReadonlyMap<string, BasePrice>;
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
  for (let i = 0; i < raw.agreements.length; i++) {
    const value = raw.agreements[i];
    const id = typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
    const label = id === undefined ? i : `id:${id}`;
    const record = parseInput(TradeAgreementSchema, value, ['agreements', label]);
    if (seen.has(record.id)) {
      parseInput(z.never({ error: `duplicate agreement id ${JSON.stringify(record.id)}: ids must be unique` }), record.id, ['agreements', label, 'id']);
    }
    seen.add(record.id);
    agreements.push(record);
  }
  const activation = parseInput(ActivationMatrixSchema, raw.activation ?? {}, ['activation']);
  const buckets = new Map<string, TradeAgreement[]>();
  const relations = new Set<Relation>();
  for (const a of agreements) {
    relations.add(a.relation);
    const key = agreementKey(a.relation, a.accountCode, a.accountRelation, a.itemCode, a.itemRelation, a.currency, a.unit);
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [a]);
    else bucket.push(a);
  }
  for (const bucket of buckets.values()) bucket.sort(byRecordOrder);
  const basePrices = new Map<string, BasePrice>();
  (raw.basePrices ?? []).forEach((value, i) => {
    const bp = parseInput(BasePriceSchema, value, ['basePrices', i]);
    basePrices.set(basePriceKey(bp.itemId, bp.currency, bp.unit), bp);
  });
  const items = new Map<string, ItemAttributes>();
  (raw.items ?? []).forEach((value, i) => {
    const item = parseInput(ItemAttributesSchema, value, ['items', i]);
    items.set(item.itemId, item);
  });
  return { agreements, activation, index: buckets, basePrices, items, relations };
}

/**
 * Records of one key in a fixed order: lower band first, then id, so results never depend on input order.
 * @example
 * [b, a].sort(byRecordOrder) // a (fromQty 0) before b (fromQty 10)
 */
export function byRecordOrder(a: TradeAgreement, b: TradeAgreement): number {
  const q = compareScaled(a.fromQty, b.fromQty);
  if (q !== 0) return q;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
