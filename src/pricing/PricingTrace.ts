import type { Money } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import type { Relation, RelationCode } from './schemas.js';

/** Why a record found under a searched key was or was not used. */
export type RecordOutcome = 'matched' | 'outsideDates' | 'outsideBand' | 'noRate' | 'currencyMismatch' | 'unitMismatch';

/** The six ways of combining line and multiline discount (reference §1.5). */
export type CombinationMode = 'line' | 'multiline' | 'max' | 'min' | 'sum' | 'compound';

/**
 * One step of a price explanation, in the order it happened.
 * - `cell`: a cell of the 9-cell matrix (1 = customer × item … 9 = all × all) and whether it was searched;
 * - `record`: a record under the searched account and item keys: matched, or why not (dates, band, no
 *   rate for its generic currency, another currency, another unit), in record order; records in
 *   another currency or unit come last;
 * - `stop`: a matched record with find next off ended the walk;
 * - `selected`: the price record chosen (lowest, or first when find next is off) or the base price;
 * - `unitConversion`, `genericCurrency`: fallbacks taken;
 * - `combination`: the line/multiline combination applied;
 * - `totalDiscountShare`: this line's part of the order's total discount;
 * - `blocked`: the item is stopped for sales, nothing was searched.
 */
export type TraceEntry =
  | {
      readonly kind: 'cell';
      readonly relation: Relation;
      readonly cell: number;
      readonly accountCode: RelationCode;
      readonly itemCode: RelationCode;
      readonly status: 'searched' | 'inactive' | 'noGroup' | 'notAllowed';
    }
  | {
      readonly kind: 'record';
      readonly relation: Relation;
      readonly cell: number;
      readonly recordId: string;
      readonly outcome: RecordOutcome;
      readonly generic: boolean;
    }
  | { readonly kind: 'stop'; readonly relation: Relation; readonly cell: number; readonly recordId: string }
  | { readonly kind: 'selected'; readonly source: 'agreement' | 'basePrice'; readonly recordId?: string; readonly unitPrice: Scaled; readonly priceUnit: Scaled }
  | { readonly kind: 'noPrice' }
  | { readonly kind: 'blocked' }
  | { readonly kind: 'unitConversion'; readonly from: string; readonly to: string; readonly factor: Scaled }
  | { readonly kind: 'genericCurrency'; readonly currency: string; readonly rate: Scaled }
  | { readonly kind: 'combination'; readonly mode: CombinationMode; readonly discountAmount: Scaled; readonly percents: readonly Scaled[] }
  | { readonly kind: 'totalDiscountShare'; readonly share: Money };

/** The steps of one line (or of the order's total-discount search). */
export type PricingTrace = readonly TraceEntry[];
