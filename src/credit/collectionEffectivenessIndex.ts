import * as z from 'zod';
import { parseInput } from '../errors/parseInput.js';
import { assertSameCurrency } from '../money/assertSameCurrency.js';
import type { Money } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import { ratio } from './_internal/ratio.js';
import type { RatioOptions } from './dso.js';
import { MoneyInputSchema, RoundingModeSchema } from '../money/schemas.js';

/** Inputs of the collection effectiveness index over `months` months. */
export type CeiInput = {
  readonly beginningReceivables: Money;
  readonly creditSales: Money;
  readonly months: number;
  readonly endingTotalReceivables: Money;
  readonly endingCurrentReceivables: Money;
};

const Schema = /* @__PURE__ */ z.object({
  beginningReceivables: MoneyInputSchema,
  creditSales: MoneyInputSchema,
  months: z.number().int().min(1),
  endingTotalReceivables: MoneyInputSchema,
  endingCurrentReceivables: MoneyInputSchema,
});
const RatioSchema = /* @__PURE__ */ z.object({ scale: z.number().int().min(0).max(30), rounding: RoundingModeSchema });

/**
 * Collection effectiveness index (reference B.1): (BR + CS/N − ETR) / (BR + CS/N − ECR) × 100,
 * computed exactly (both sides × N) and rounded once; null when the denominator is zero.
 *
 * @throws {@link OrderToCashError} `invalid_input`; `currency_mismatch`.
 * @example
 * collectionEffectivenessIndex({ beginningReceivables: eur('100000'), creditSales: eur('60000'), months: 1,
 *   endingTotalReceivables: eur('90000'), endingCurrentReceivables: eur('60000') }, { scale: 1, rounding: 'halfUp' }) //=> 70.0
 */
export function collectionEffectivenessIndex(input: CeiInput, options: RatioOptions): Scaled | null {
  const i = parseInput(Schema, input, ['input']);
  const o = parseInput(RatioSchema, options, ['options']);
  const br = i.beginningReceivables;
  for (const k of ['creditSales', 'endingTotalReceivables', 'endingCurrentReceivables'] as const) assertSameCurrency(br, i[k], ['input', k]);
  const n = BigInt(i.months);
  const base = br.minor * n + i.creditSales.minor;
  return ratio((base - i.endingTotalReceivables.minor * n) * 100n, base - i.endingCurrentReceivables.minor * n, o.scale, o.rounding);
}
