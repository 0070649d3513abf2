import * as z from 'zod';
import { invalidInput, parseInput } from '../../errors/parseInput.js';
import type { Money } from '../../money/Money.js';
import type { RoundingMode } from '../../money/rounding.js';
import { type Scaled, scaledOf } from '../../money/Scaled.js';
import { DecimalSchema, RoundingModeSchema } from '../../money/schemas.js';
import { pow10 } from '../../money/Scaled.js';
import { tierRebateOf } from './calculateTierRebate.js';
import type { RebateProgram } from './compileRebateDeals.js';

/** Input of {@link forecastRebate}: a deal and the period-to-date basis of one customer. */
export type ForecastRebateInput = {
  readonly dealId: string;
  /** Period-to-date basis: a quantity, or a value in major units. */
  readonly volume: Scaled | string;
};

/** Options of {@link forecastRebate}. */
export type ForecastRebateOptions = { readonly rounding: RoundingMode };

/** What is earned now, and what the next tier needs and brings. */
export type RebateForecast = {
  readonly dealId: string;
  readonly volume: Scaled;
  readonly tier: number;
  readonly earned: Money;
  /** `undefined` at the top tier. */
  readonly next:
    | { readonly tier: number; readonly from: Scaled; readonly additionalVolume: Scaled; readonly rebateAtNextTier: Money }
    | undefined;
};

const InputSchema = /* @__PURE__ */ z.object({ dealId: z.string().min(1), volume: DecimalSchema });
const OptionsSchema = /* @__PURE__ */ z.object({ rounding: RoundingModeSchema });

/**
 * What-if to the next tier: the rebate earned at the period-to-date volume, how much more
 * volume reaches the next tier and the rebate at exactly that volume (reference §2.2 tiers
 * are retroactive within the period, so the jump can be large).
 *
 * @throws {@link OrderToCashError} `invalid_input` for an unknown deal id or a bad volume.
 * @example
 * forecastRebate(program, { dealId: 'D1', volume: '800' }, { rounding: 'halfUp' }).next?.additionalVolume.toString() //=> '200'
 */
export function forecastRebate(program: RebateProgram, input: ForecastRebateInput, options: ForecastRebateOptions): RebateForecast {
  const { dealId, volume: raw } = parseInput(InputSchema, input, ['input']);
  const { rounding } = parseInput(OptionsSchema, options, ['options']);
  const volume = raw;
  const c = program.deals.find((x) => x.deal.id === dealId);
  if (c === undefined) return invalidInput(['input', 'dealId'], `no deal ${JSON.stringify(dealId)} in the program`);
  const d = c.deal;
  const base = { method: d.tierMethod, calculation: d.calculation, tiers: d.tiers, currency: d.currency };
  const now = tierRebateOf({ ...base, basis: volume }, rounding);
  const nextTier = d.tiers[now.tier + 1];
  let next: RebateForecast['next'];
  if (nextTier !== undefined) {
    const s = Math.max(nextTier.from.scale, volume.scale);
    const more = scaledOf(nextTier.from.units * pow10(s - nextTier.from.scale) - volume.units * pow10(s - volume.scale), s);
    next = {
      tier: now.tier + 1,
      from: nextTier.from,
      additionalVolume: more,
      rebateAtNextTier: tierRebateOf({ ...base, basis: nextTier.from }, rounding).amount,
    };
  }
  return { dealId, volume, tier: now.tier, earned: now.amount, next };
}
