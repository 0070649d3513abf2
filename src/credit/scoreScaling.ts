import { Decimal } from 'decimal.js';
import * as z from 'zod';
import { parseInput } from '../errors/parseInput.js';
import type { RoundingMode } from '../money/rounding.js';
import { type Scaled, scaledOf } from '../money/Scaled.js';
import { DecimalSchema, RoundingModeSchema } from '../money/schemas.js';

// Logarithms need arbitrary precision: a local clone, never Decimal.set.
const D: typeof Decimal = /* @__PURE__ */ Decimal.clone({ precision: 40, toExpNeg: -100, toExpPos: 100 });

// decimal.js rounding constants as literals (Decimal.ROUND_UP = 0 … ROUND_HALF_EVEN = 6), so
// that importing the module reads nothing from decimal.js and bundlers can drop it.
const MODES: Record<RoundingMode, Decimal.Rounding> = {
  up: 0,
  down: 1,
  ceiling: 2,
  floor: 3,
  halfUp: 4,
  halfDown: 5,
  halfEven: 6,
};

/** Points-to-double-odds scaling: `score0` points at good:bad odds `odds0`, `pdo` points per doubling. */
export type ScoreScaling = { readonly pdo: Scaled; readonly score0: Scaled; readonly odds0: Scaled };

/** Options of {@link scoreFromOdds}: the score is rounded once to `scale` decimals. */
export type ScoreFromOddsOptions = { readonly scale: number; readonly rounding: RoundingMode };

const ScalingSchema = /* @__PURE__ */ z.object({
  pdo: DecimalSchema.refine((s) => s.units > 0n, 'must be greater than zero'),
  score0: DecimalSchema,
  odds0: DecimalSchema.refine((s) => s.units > 0n, 'must be greater than zero'),
});
const PositiveSchema = /* @__PURE__ */ DecimalSchema.refine((s) => s.units > 0n, 'odds must be greater than zero');
const OptionsSchema = /* @__PURE__ */ z.object({ scale: z.number().int().min(0).max(20), rounding: RoundingModeSchema });

const dec = (s: Scaled): Decimal => new D(s.units.toString()).div(new D(10).pow(s.scale));

/** Decimal rounded to `scale` places, back as a Scaled. */
function toScaled(d: Decimal, scale: number, rounding: RoundingMode): Scaled {
  return scaledOf(BigInt(d.toDecimalPlaces(scale, MODES[rounding]).times(new D(10).pow(scale)).toString()), scale);
}

/**
 * Score of good:bad odds (reference B.3): `score = offset + factor × ln(odds)` with
 * `factor = pdo / ln 2` and `offset = score0 − factor × ln(odds0)`, so doubling the odds
 * adds exactly `pdo` points. Computed at 40 digits, rounded once.
 *
 * @throws {@link OrderToCashError} `invalid_input` for non-positive odds or pdo.
 * @example
 * scoreFromOdds(dec('25'), { pdo: dec('20'), score0: dec('600'), odds0: dec('50') }, { scale: 0, rounding: 'halfUp' }) //=> 580
 */
export function scoreFromOdds(odds: Scaled, scaling: ScoreScaling, options: ScoreFromOddsOptions): Scaled {
  const o = parseInput(PositiveSchema, odds, ['odds']);
  const s = parseInput(ScalingSchema, scaling, ['scaling']);
  const opts = parseInput(OptionsSchema, options, ['options']);
  const factor = dec(s.pdo).div(new D(2).ln());
  const offset = dec(s.score0).minus(factor.times(dec(s.odds0).ln()));
  return toScaled(offset.plus(factor.times(dec(o).ln())), opts.scale, opts.rounding);
}

/**
 * Factor and offset of a scaling, rounded once each to `scale` decimals (for display).
 * @example
 * scalingConstants({ pdo: dec('20'), score0: dec('600'), odds0: dec('50') }, { scale: 4, rounding: 'halfUp' })
 * //=> { factor: 28.8539, offset: 487.1229 }
 */
export function scalingConstants(scaling: ScoreScaling, options: ScoreFromOddsOptions): { readonly factor: Scaled; readonly offset: Scaled } {
  const s = parseInput(ScalingSchema, scaling, ['scaling']);
  const opts = parseInput(OptionsSchema, options, ['options']);
  const factor = dec(s.pdo).div(new D(2).ln());
  const offset = dec(s.score0).minus(factor.times(dec(s.odds0).ln()));
  return { factor: toScaled(factor, opts.scale, opts.rounding), offset: toScaled(offset, opts.scale, opts.rounding) };
}
