import * as z from 'zod';
import { parseInput } from '../../errors/parseInput.js';
import type { RoundingMode } from '../../money/rounding.js';
import { RoundingModeSchema } from '../../money/schemas.js';

/** How a KPI ratio is rounded: once, to `scale` decimals, with `rounding`. */
export type RatioOptions = { readonly scale: number; readonly rounding: RoundingMode };

/** Ratio options validated once by `compileRatioOptions`: the KPI functions skip parsing them. */
export type CompiledRatioOptions = RatioOptions & z.$brand<'CompiledRatioOptions'>;

const RatioSchema = /* @__PURE__ */ z.object({ scale: z.number().int().min(0).max(30), rounding: RoundingModeSchema });
const COMPILED = /* @__PURE__ */ new WeakSet<object>();

/** Validates ratio options once; the frozen result is trusted by {@link ratioOptionsOf}. */
export function compileRatio(options: RatioOptions): CompiledRatioOptions {
  const o = parseInput(RatioSchema, options, ['options']);
  const compiled = Object.freeze({ scale: o.scale, rounding: o.rounding }) as CompiledRatioOptions;
  COMPILED.add(compiled);
  return compiled;
}

/** The options, parsed unless they were compiled. */
export function ratioOptionsOf(options: RatioOptions): RatioOptions {
  return COMPILED.has(options) ? options : parseInput(RatioSchema, options, ['options']);
}
