import { DecimalSchema } from '../../money/schemas.js';
import * as z from 'zod';
import { parseInput } from '../../errors/parseInput.js';
import { pow10, type Scaled, scaledOf } from '../../money/Scaled.js';

/** Input of {@link freeGoodsQuantity}: a tier's free item line and the achieved basis. */
export type FreeGoodsInput = {
  /** Achieved basis of the period (quantity or value). */
  readonly total: Scaled | string;
  /** Basis per grant ("Multiple"), positive. */
  readonly multiple: Scaled | string;
  /** Free units per multiple ("Quantity"). */
  readonly quantity: Scaled | string;
};

const InputSchema = /* @__PURE__ */ z.object({
  total: DecimalSchema,
  multiple: DecimalSchema.refine((v) => v.units > 0n, { message: 'must be positive' }),
  quantity: DecimalSchema.refine((v) => v.units >= 0n, { message: 'must not be negative' }),
});

/**
 * Free goods of an item-output tier (reference §2.1): floor(total / multiple) × quantity.
 * Whole multiples only; a negative total grants nothing.
 *
 * @throws {@link OrderToCashError} `invalid_input` when `multiple` is not positive.
 * @example
 * formatScaled(freeGoodsQuantity({ total: '150', multiple: '100', quantity: '2' })) //=> '2'
 */
export function freeGoodsQuantity(input: FreeGoodsInput): Scaled {
  const { total, multiple, quantity } = parseInput(InputSchema, input, ['input']);
  if (total.units <= 0n) return scaledOf(0n, quantity.scale);
  const s = Math.max(total.scale, multiple.scale);
  const times = (total.units * pow10(s - total.scale)) / (multiple.units * pow10(s - multiple.scale));
  return scaledOf(times * quantity.units, quantity.scale);
}
