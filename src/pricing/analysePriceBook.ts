import * as z from 'zod';
import { parseInput } from '../errors/parseInput.js';
import { compareScaled } from '../money/compareScaled.js';
import type { Scaled } from '../money/Scaled.js';
import { CurrencyCodeSchema } from '../money/schemas.js';
import { CELLS } from './_internal/keys.js';
import { allBuckets } from './_internal/priceIndex.js';
import type { PriceBook } from './compilePriceBook.js';
import type { TradeAgreement } from './schemas.js';

/** A finding about a price book, naming the records concerned. */
export type PriceBookDiagnostic =
  | { readonly kind: 'overlap'; readonly recordIds: readonly [string, string] }
  | { readonly kind: 'unreachable'; readonly recordId: string; readonly reason: 'cellInactive' | 'shadowed'; readonly by?: string }
  | { readonly kind: 'bandGap'; readonly recordIds: readonly string[]; readonly from: Scaled; readonly to: Scaled }
  | { readonly kind: 'currencyWithoutRate'; readonly currency: string; readonly recordIds: readonly string[] };

/** Options of {@link analysePriceBook}: the order currency and the currencies the host has a rate for. */
export type AnalysePriceBookOptions = { readonly orderCurrency: string; readonly ratesFrom?: readonly string[] };

const OptionsSchema = /* @__PURE__ */ z.object({ orderCurrency: CurrencyCodeSchema, ratesFrom: z.array(CurrencyCodeSchema).optional() });

function bandsOverlap(a: TradeAgreement, b: TradeAgreement): boolean {
  const aBelowB = a.toQty.units !== 0n && compareScaled(a.toQty, b.fromQty) <= 0;
  const bBelowA = b.toQty.units !== 0n && compareScaled(b.toQty, a.fromQty) <= 0;
  return !aBelowB && !bBelowA;
}

function datesOverlap(a: TradeAgreement, b: TradeAgreement): boolean {
  const aBefore = a.toDate !== undefined && b.fromDate !== undefined && a.toDate < b.fromDate;
  const bBefore = b.toDate !== undefined && a.fromDate !== undefined && b.toDate < a.fromDate;
  return !aBefore && !bBefore;
}

function covers(a: TradeAgreement, b: TradeAgreement): boolean {
  const band = compareScaled(a.fromQty, b.fromQty) <= 0 && (a.toQty.units === 0n || (b.toQty.units !== 0n && compareScaled(b.toQty, a.toQty) <= 0));
  const from = a.fromDate === undefined || (b.fromDate !== undefined && a.fromDate <= b.fromDate);
  const to = a.toDate === undefined || (b.toDate !== undefined && b.toDate <= a.toDate);
  return band && from && to;
}

/**
 * Diagnoses a compiled book: records overlapping in one key (same cell, keys, currency and
 * unit; overlapping bands and dates), records never reached (cell not activated, or a
 * discount behind a find-next-off record that covers its band and dates), gaps between the
 * quantity bands of one key, and currencies other than the order currency with no rate.
 * Sorted by kind then record id, so the result never depends on record order.
 * @example
 * analysePriceBook(book, { orderCurrency: 'EUR' }) //=> [{ kind: 'overlap', recordIds: ['p1', 'p2'] }]
 */
export function analysePriceBook(book: PriceBook, options: AnalysePriceBookOptions): PriceBookDiagnostic[] {
  const opts = parseInput(OptionsSchema, options, ['options']);
  const out: PriceBookDiagnostic[] = [];
  for (const { records } of allBuckets(book.index)) {
    for (let i = 0; i < records.length; i++) {
      const a = records[i] as TradeAgreement;
      for (let j = i + 1; j < records.length; j++) {
        const b = records[j] as TradeAgreement;
        if (bandsOverlap(a, b) && datesOverlap(a, b)) out.push({ kind: 'overlap', recordIds: [a.id, b.id] });
        if (a.relation !== 'price' && !a.findNext && covers(a, b)) out.push({ kind: 'unreachable', recordId: b.id, reason: 'shadowed', by: a.id });
      }
    }
    // Gaps: walk bands in fromQty order and report uncovered stretches above the first band.
    let reach: Scaled | undefined;
    let last: TradeAgreement | undefined;
    for (const r of records) {
      if (last !== undefined && reach !== undefined && reach.units !== 0n && compareScaled(reach, r.fromQty) < 0) {
        out.push({ kind: 'bandGap', recordIds: [last.id, r.id], from: reach, to: r.fromQty });
      }
      if (reach === undefined || (reach.units !== 0n && (r.toQty.units === 0n || compareScaled(r.toQty, reach) > 0))) reach = r.toQty;
      last = r;
    }
  }
  const withRate = new Set(opts.ratesFrom ?? []);
  const foreign = new Map<string, string[]>();
  for (const r of book.agreements) {
    const cell = CELLS.findIndex(([acc, item]) => acc === r.accountCode && item === r.itemCode);
    if (book.activation[r.relation][cell] !== true) out.push({ kind: 'unreachable', recordId: r.id, reason: 'cellInactive' });
    if (r.currency !== opts.orderCurrency && !withRate.has(r.currency)) {
      const ids = foreign.get(r.currency) ?? [];
      ids.push(r.id);
      foreign.set(r.currency, ids);
    }
  }
  for (const [currency, ids] of foreign) out.push({ kind: 'currencyWithoutRate', currency, recordIds: ids.sort() });
  const key = (d: PriceBookDiagnostic): string =>
    `${d.kind}\u0001${'recordIds' in d ? d.recordIds.join(',') : d.recordId}\u0001${'currency' in d ? d.currency : ''}`;
  return out.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
}
