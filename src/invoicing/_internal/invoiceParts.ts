import { invalidInput } from '../../errors/parseInput.js';
import { formatScaled } from '../../money/formatScaled.js';
import { divideRounded } from '../../money/rounding.js';
import { scaledOf } from '../../money/Scaled.js';
import type { HeaderChargeAmount, InvoiceLine, InvoiceTraceStep, TaxTotal } from '../Invoice.js';
import type { TaxCode } from '../taxCode.js';
import type { Fraction } from './fraction.js';

/**
 * What the tax calculation hands to the assembly of an invoice: computed lines and charges
 * (with their taxes and spreads), per-code totals in code order, and the tax-allocation trace.
 */
export type InvoiceParts = {
  readonly lines: InvoiceLine[];
  readonly headerCharges: HeaderChargeAmount[];
  readonly taxes: TaxTotal[];
  readonly trace: InvoiceTraceStep[];
};

export const maxZero = (x: bigint): bigint => (x > 0n ? x : 0n);

/**
 * Every `baseIncludes` reference must name a code listed before the code itself and not a
 * `percentOfGross` code; a document has at most one `percentOfGross` code.
 */
export function checkCodes(codes: readonly TaxCode[], index: Map<string, number>): void {
  let gross = -1;
  codes.forEach((c, k) => {
    if (c.calculation.kind === 'percentOfGross') {
      if (gross >= 0) invalidInput(['document', 'taxCodes', k], `only one percentOfGross code per document: ${(codes[gross] as TaxCode).id} is one already`);
      gross = k;
    }
    c.baseIncludes.forEach((ref, r) => {
      const j = index.get(ref);
      if (j === undefined || j >= k) invalidInput(['document', 'taxCodes', k, 'baseIncludes', r], `must name a tax code listed before ${c.id}`);
      if ((codes[j] as TaxCode).calculation.kind === 'percentOfGross')
        invalidInput(['document', 'taxCodes', k, 'baseIncludes', r], `cannot name the percentOfGross code ${ref}: it is computed last, on the net and every other tax`);
    });
  });
}

/** An exact amount in minor units as decimal text with six more decimals, for the trace. */
export function exactText(f: Fraction, exp: number): string {
  return formatScaled(scaledOf(divideRounded(f.n * 1_000_000n, f.d, 'halfEven'), exp + 6));
}
