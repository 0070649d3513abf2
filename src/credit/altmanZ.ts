import { DecimalSchema } from '../money/schemas.js';
import * as z from 'zod';
import { parseInput } from '../errors/parseInput.js';
import { addScaled } from '../money/addScaled.js';
import { compareScaled } from '../money/compareScaled.js';
import { multiplyScaled } from '../money/multiplyScaled.js';
import { type Scaled, scaled, scaledOf } from '../money/Scaled.js';

/** The ratios X1 … X5 (working capital, retained earnings, EBIT / total assets; equity / total liabilities; sales / total assets). */
export type AltmanRatios = { readonly x1: Scaled; readonly x2: Scaled; readonly x3: Scaled; readonly x4: Scaled; readonly x5?: Scaled };

/** A Z-score model as data: coefficients and zone bounds (safe above `safeAbove`, distress below `distressBelow`, grey between, bounds inclusive in grey). */
export type AltmanModel = {
  readonly name: string;
  readonly coefficients: readonly [Scaled, Scaled, Scaled, Scaled, Scaled];
  readonly safeAbove: Scaled;
  readonly distressBelow: Scaled;
};

/** Zone of a Z-score. */
export type AltmanZone = 'safe' | 'grey' | 'distress';

const m = (name: string, c: readonly string[], safe: string, distress: string): AltmanModel => ({
  name,
  coefficients: c.map((x) => scaled(x)) as unknown as [Scaled, Scaled, Scaled, Scaled, Scaled],
  safeAbove: scaled(safe),
  distressBelow: scaled(distress),
});

/**
 * The Altman models of reference B.4 (Altman 1968; Z′ and Z″ per Altman 2000, "Predicting
 * financial distress of companies: revisiting the Z-score and ZETA models"). Data, so a
 * host may pass its own table.
 * @example
 * ALTMAN_MODELS.zDoublePrime.coefficients[0] //=> 6.56
 */
export const ALTMAN_MODELS: { readonly z: AltmanModel; readonly zPrime: AltmanModel; readonly zDoublePrime: AltmanModel } = /* @__PURE__ */ (() => ({
  z: m('Z (1968, public manufacturers)', ['1.2', '1.4', '3.3', '0.6', '1.0'], '2.99', '1.81'),
  zPrime: m("Z' (private firms)", ['0.717', '0.847', '3.107', '0.420', '0.998'], '2.9', '1.23'),
  zDoublePrime: m("Z'' (non-manufacturers)", ['6.56', '3.26', '6.72', '1.05', '0'], '2.60', '1.10'),
}))();

const RatiosSchema = /* @__PURE__ */ z.object({ x1: DecimalSchema, x2: DecimalSchema, x3: DecimalSchema, x4: DecimalSchema, x5: DecimalSchema.optional() });

/**
 * Altman Z of a model: Σ coefficient × ratio, exact (no rounding), and its zone.
 * @throws {@link OrderToCashError} `invalid_input` for a malformed ratio.
 * @example
 * altmanZ({ x1: dec('0.2'), x2: dec('0.3'), x3: dec('0.1'), x4: dec('0.8') }, ALTMAN_MODELS.zDoublePrime)
 * //=> { z: 3.802, zone: 'safe' }
 */
export function altmanZ(ratios: AltmanRatios, model: AltmanModel): { readonly z: Scaled; readonly zone: AltmanZone } {
  const r = parseInput(RatiosSchema, ratios, ['ratios']);
  const xs = [r.x1, r.x2, r.x3, r.x4, r.x5 ?? scaledOf(0n, 0)];
  let z = scaledOf(0n, 0);
  model.coefficients.forEach((c, i) => {
    z = addScaled(z, multiplyScaled(c, xs[i] as Scaled));
  });
  const zone: AltmanZone = compareScaled(z, model.safeAbove) > 0 ? 'safe' : compareScaled(z, model.distressBelow) < 0 ? 'distress' : 'grey';
  return { z, zone };
}
