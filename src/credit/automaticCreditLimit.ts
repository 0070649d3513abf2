import { DecimalSchema, MoneyInputSchema, NonNegativeDecimalSchema } from '../money/schemas.js';
import * as z from 'zod';
import { parseInput } from '../errors/parseInput.js';
import { assertSameCurrency } from '../money/assertSameCurrency.js';
import { compareScaled } from '../money/compareScaled.js';
import { formatMoney } from '../money/formatMoney.js';
import { formatScaled } from '../money/formatScaled.js';
import { type Money, sameCurrencyMoney } from '../money/Money.js';
import { divideRounded } from '../money/rounding.js';
import { pow10, type Scaled } from '../money/Scaled.js';

/** A line of the automatic credit limits of a risk group: scoring group value `operator` value → limit. */
export type AutomaticLimitLine = {
  readonly riskGroup: string;
  readonly scoringGroup: string;
  readonly operator: '>=' | '>' | '<=' | '<' | '=';
  readonly value: Scaled;
  readonly limit: Money;
};

/** Input of {@link automaticCreditLimit}. */
export type AutomaticCreditLimitInput = {
  readonly riskGroup: string;
  readonly lines: readonly AutomaticLimitLine[];
  readonly values: Readonly<Record<string, Scaled>>;
  /** Latest revenue of the customer and the percent of it the limit may not exceed. */
  readonly revenueCap?: { readonly revenue: Money; readonly percent: Scaled };
};

/** A recommended limit and why. */
export type LimitRecommendation = { readonly limit: Money | null; readonly reasons: readonly string[] };

const Schema = /* @__PURE__ */ z.object({
  riskGroup: z.string().min(1),
  lines: z.array(
    z.object({ riskGroup: z.string().min(1), scoringGroup: z.string().min(1), operator: z.enum(['>=', '>', '<=', '<', '=']), value: DecimalSchema, limit: MoneyInputSchema }),
  ),
  values: z.record(z.string(), DecimalSchema),
  revenueCap: z.object({ revenue: MoneyInputSchema, percent: NonNegativeDecimalSchema }).optional(),
});

/**
 * D365 automatic credit limit (d365 §5.5, reference B.6.1): among the lines of the customer's
 * risk group whose condition holds, the highest limit; then capped at revenue × percent / 100
 * (rounded down, so the cap is never exceeded). Null when no line matches.
 *
 * @throws {@link OrderToCashError} `invalid_input`; `currency_mismatch`.
 * @example
 * automaticCreditLimit({ riskGroup: 'low', values: { years: dec('12') }, lines: [
 *   { riskGroup: 'low', scoringGroup: 'years', operator: '>=', value: dec('5'), limit: eur('100000') },
 *   { riskGroup: 'low', scoringGroup: 'years', operator: '>=', value: dec('10'), limit: eur('200000') }] }).limit //=> EUR 200,000.00
 */
export function automaticCreditLimit(input: AutomaticCreditLimitInput): LimitRecommendation {
  const i = parseInput(Schema, input, ['input']) as AutomaticCreditLimitInput;
  const reasons: string[] = [];
  let best: Money | undefined;
  i.lines.forEach((l, k) => {
    if (l.riskGroup !== i.riskGroup) return;
    const v = i.values[l.scoringGroup];
    if (v === undefined) return;
    const c = compareScaled(v, l.value);
    const holds = l.operator === '>=' ? c >= 0 : l.operator === '>' ? c > 0 : l.operator === '<=' ? c <= 0 : l.operator === '<' ? c < 0 : c === 0;
    if (!holds) return;
    if (best !== undefined) assertSameCurrency(best, l.limit, ['input', 'lines', k, 'limit']);
    reasons.push(`line ${k}: ${l.scoringGroup} ${l.operator} ${formatScaled(l.value)} → ${formatMoney(l.limit)}`);
    if (best === undefined || l.limit.minor > best.minor) best = l.limit;
  });
  if (best === undefined) return { limit: null, reasons: ['no automatic limit line matches'] };
  const cap = i.revenueCap;
  if (cap !== undefined) {
    assertSameCurrency(best, cap.revenue, ['input', 'revenueCap', 'revenue']);
    const capMinor = divideRounded(cap.revenue.minor * cap.percent.units, pow10(cap.percent.scale + 2), 'floor');
    if (capMinor < best.minor) {
      reasons.push(`capped at ${formatScaled(cap.percent)} % of revenue ${formatMoney(cap.revenue)}`);
      best = sameCurrencyMoney(capMinor, best.currency);
    }
  }
  return { limit: best, reasons };
}
