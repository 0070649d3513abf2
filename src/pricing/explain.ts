import { formatScaled } from '../money/formatScaled.js';
import { moneyToScaled } from '../money/toMoney.js';
import type { Scaled } from '../money/Scaled.js';
import type { PricingTrace, TraceEntry } from './PricingTrace.js';

const OUTCOME: Readonly<Record<string, string>> = {
  matched: 'matched',
  outsideDates: 'rejected: outside its dates',
  outsideBand: 'rejected: quantity outside its band',
  noRate: 'rejected: generic currency without a rate',
  currencyMismatch: 'rejected: another currency',
  unitMismatch: 'rejected: another unit',
};

const text = (s: Scaled): string => formatScaled(s);

function line(e: TraceEntry): string | undefined {
  switch (e.kind) {
    case 'cell':
      return e.status === 'searched' ? `${e.relation} cell ${e.cell} (${e.accountCode} × ${e.itemCode})` : `${e.relation} cell ${e.cell} skipped: ${e.status}`;
    case 'record':
      return `  ${e.recordId}${e.generic ? ' (generic currency)' : ''}: ${OUTCOME[e.outcome] ?? e.outcome}`;
    case 'stop':
      return `  ${e.recordId} has find next off: search stops`;
    case 'selected':
      return e.source === 'agreement'
        ? `price ${text(e.unitPrice)} per ${text(e.priceUnit)} from ${e.recordId ?? ''}`
        : `no agreement price: base price ${text(e.unitPrice)} per ${text(e.priceUnit)}`;
    case 'noPrice':
      return 'no price: no agreement and no base price';
    case 'blocked':
      return 'item stopped for sales: not priced';
    case 'unitConversion':
      return `converted 1 ${e.from} = ${text(e.factor)} ${e.to}`;
    case 'genericCurrency':
      return `generic currency ${e.currency} at rate ${text(e.rate)}`;
    case 'combination':
      return `combination ${e.mode}: discount amount ${text(e.discountAmount)}, percentages ${e.percents.map(text).join(' then ')}`;
    case 'totalDiscountShare':
      return `total discount share ${e.share.currency} ${text(moneyToScaled(e.share))}`;
  }
}

/**
 * Renders a trace (of a priced line, or an order's total-discount search) as text, one step a line.
 * @param trace the `trace` of a priced line or order.
 * @returns lines joined by "\n".
 * @example
 * explain([{ kind: 'noPrice' }]) //=> 'no price: no agreement and no base price'
 */
export function explain(trace: PricingTrace): string {
  const out: string[] = [];
  for (const e of trace) {
    const l = line(e);
    if (l !== undefined) out.push(l);
  }
  return out.join('\n');
}
