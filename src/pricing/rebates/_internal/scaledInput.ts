import { z } from 'zod';
import type { Scaled } from '../../../money/Scaled.js';
import { DecimalSchema } from '../../../money/schemas.js';

// A decimal given either as a Scaled value (typed callers) or as host input (string / safe integer).
export const ScaledInputSchema: z.ZodType<Scaled, unknown> = /* @__PURE__ */ z.union([
  z.custom<Scaled>((v) => typeof v === 'object' && v !== null && typeof (v as Scaled).units === 'bigint' && Number.isInteger((v as Scaled).scale)),
  DecimalSchema,
]);
