import { MoneyInputSchema, NonNegativeDecimalSchema } from '../money/schemas.js';
import * as z from 'zod';
import { invalidInput, parseInput } from '../errors/parseInput.js';
import { assertSameCurrency } from '../money/assertSameCurrency.js';
import { formatMoney } from '../money/formatMoney.js';
import { formatScaled } from '../money/formatScaled.js';
import { type Money, sameCurrencyMoney } from '../money/Money.js';
import { divideRounded } from '../money/rounding.js';
import { pow10, type Scaled } from '../money/Scaled.js';
import type { LimitRecommendation } from './automaticCreditLimit.js';

/** Input of {@link recommendCreditLimit}: candidate limits and capacity caps (percent of a base such as net worth or turnover). */
export type RecommendCreditLimitInput = {
  /** Amounts a limit may be (the need, a score lookup, an automatic limit), each with a name. */
  readonly candidates: readonly { readonly name: string; readonly amount: Money }[];
  /** Caps: `percent` % of `base` (e.g. 35 % of tangible net worth, 5 % of turnover). */
  readonly caps: readonly { readonly name: string; readonly base: Money; readonly percent: Scaled }[];
  /** Round the result down to a multiple of this amount (never above a cap). */
  readonly roundDownTo?: Money;
};

const Schema = /* @__PURE__ */ z.object({
  candidates: z.array(z.object({ name: z.string().min(1), amount: MoneyInputSchema })),
  caps: z.array(z.object({ name: z.string().min(1), base: MoneyInputSchema, percent: NonNegativeDecimalSchema })),
  roundDownTo: MoneyInputSchema.optional(),
});

/**
 * Recommended credit limit (reference B.6.2, "the most restrictive criterion applies"): the
 * smallest of the candidates and the caps, each cap rounded down, then rounded down to
 * `roundDownTo`; never negative. Reasons list every figure and which one binds.
 *
 * @throws {@link OrderToCashError} `invalid_input` when there is nothing to recommend from; `currency_mismatch`.
 * @example
 * recommendCreditLimit({ candidates: [], caps: [{ name: 'net worth', base: eur('80000'), percent: dec('35') },
 *   { name: 'turnover', base: eur('700000'), percent: dec('5') }] }).limit //=> EUR 28,000.00
 */
export function recommendCreditLimit(input: RecommendCreditLimitInput): LimitRecommendation {
  const i = parseInput(Schema, input, ['input']);
  const figures: { name: string; amount: Money }[] = [...i.candidates];
  for (const c of i.caps) {
    figures.push({ name: `${c.name} (${formatScaled(c.percent)} % of ${formatMoney(c.base)})`, amount: sameCurrencyMoney(divideRounded(c.base.minor * c.percent.units, pow10(c.percent.scale + 2), 'floor'), c.base.currency) });
  }
  const first = figures[0];
  if (first === undefined) invalidInput(['input'], 'has no candidates and no caps: give at least one');
  let binding = first;
  figures.forEach((f, k) => {
    assertSameCurrency(first.amount, f.amount, ['input', k]);
    if (f.amount.minor < binding.amount.minor) binding = f;
  });
  let minor = binding.amount.minor < 0n ? 0n : binding.amount.minor;
  if (i.roundDownTo !== undefined && i.roundDownTo.minor > 0n) minor = (minor / i.roundDownTo.minor) * i.roundDownTo.minor;
  const reasons = [...figures.map((f) => `${f.name}: ${formatMoney(f.amount)}`), `binding: ${binding.name}`];
  return { limit: sameCurrencyMoney(minor, first.amount.currency), reasons };
}
