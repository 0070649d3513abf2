import fc from 'fast-check';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { fromEpochDay, toEpochDay } from '../calendar/epochDay.js';
import { money } from '../money/Money.js';
import { scaledOf } from '../money/Scaled.js';
import type { RebateSourceLine } from '../pricing/rebates/RebateDeal.js';

/** Options of {@link rebateSourceLineArb}. */
export type RebateSourceLineArbOptions = {
  /** Customer ids to draw from (default C1–C3). */
  readonly customers?: readonly string[];
  /** Item ids to draw from (default I1–I3). */
  readonly items?: readonly string[];
  /** Dates from `from` for `days` days (default 2026-01-01, 90 days). */
  readonly from?: CalendarDate;
  readonly days?: number;
  /** Currency of net amounts (default USD). */
  readonly currency?: string;
};

/**
 * Invoice and credit-note lines at the invoiced stage, with customer group `G-<id>` and
 * item group `IG-<id>`, quantities up to 500 (2 decimals) and amounts up to 10,000.00.
 * Document and line ids are drawn, so lines may repeat; use `fc.uniqueArray` with a key
 * selector for distinct lines.
 * @example
 * fc.sample(rebateSourceLineArb(), 1)[0].stage //=> 'invoiced'
 */
export function rebateSourceLineArb(options: RebateSourceLineArbOptions = {}): fc.Arbitrary<RebateSourceLine> {
  const customers = options.customers ?? ['C1', 'C2', 'C3'];
  const items = options.items ?? ['I1', 'I2', 'I3'];
  const start = toEpochDay(options.from ?? ('2026-01-01' as CalendarDate));
  const currency = options.currency ?? 'USD';
  return fc
    .record({
      doc: fc.integer({ min: 1, max: 60 }),
      line: fc.integer({ min: 1, max: 5 }),
      credit: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      customer: fc.constantFrom(...customers),
      item: fc.constantFrom(...items),
      qty: fc.bigInt({ min: 0n, max: 50_000n }),
      cents: fc.bigInt({ min: 0n, max: 1_000_000n }),
      day: fc.integer({ min: 0, max: (options.days ?? 90) - 1 }),
    })
    .map((r) => ({
      documentId: `${r.credit ? 'CN' : 'INV'}-${r.doc}`,
      lineId: String(r.line),
      kind: r.credit ? ('creditNote' as const) : ('invoice' as const),
      stage: 'invoiced' as const,
      customerId: r.customer,
      customerGroups: [`G-${r.customer}`],
      itemId: r.item,
      itemGroups: [`IG-${r.item}`],
      quantity: scaledOf(r.qty, 2),
      netAmount: money(r.cents, currency),
      date: fromEpochDay(start + r.day),
    }));
}

/**
 * Distinct source lines (unique by kind, document and line id).
 * @example
 * fc.sample(rebateSourceLinesArb({ maxLength: 5 }), 1)[0].length <= 5 //=> true
 */
export function rebateSourceLinesArb(options: RebateSourceLineArbOptions & { readonly maxLength?: number } = {}): fc.Arbitrary<RebateSourceLine[]> {
  return fc.uniqueArray(rebateSourceLineArb(options), {
    maxLength: options.maxLength ?? 30,
    selector: (l) => `${l.kind}|${l.documentId}|${l.lineId}`,
  });
}
