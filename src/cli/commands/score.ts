import * as z from 'zod';
import { invalidInput, parseInput } from '../../errors/parseInput.js';
import { scoreWithScorecard, type Scorecard } from '../../credit/scorecard.js';
import type { Scaled } from '../../money/Scaled.js';
import { DecimalSchema } from '../../money/schemas.js';
import type { CliCommand } from '../command.js';
import { parseJsonText } from '../json.js';

const InputSchema = /* @__PURE__ */ z.object({
  scorecard: z.object({ criteria: z.array(z.object({ kind: z.string(), name: z.string() }).loose()) }).loose(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});

/**
 * `order-to-cash score`: scores a customer with a scorecard.
 * @example
 * // order-to-cash score customer.json
 */
export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'Score a customer with a scorecard (points per criterion, with the trace)',
  usage: `Input: { "scorecard": { "basePoints", "criteria": [bins | categories] },
         "values": { criterion name: decimal (bins) or string (categories) } }
Output: { "score": number, "trace": [{ criterion, bin, points }] }`,
  options: {},
  run: async ({ input, io }) => {
    const raw = parseInput(InputSchema, parseJsonText(await io.readText(input), ['input']), ['input']);
    // A binned criterion reads a decimal, a category criterion a string: decide by the scorecard.
    const values: Record<string, Scaled | string> = {};
    for (const c of raw.scorecard.criteria) {
      const v = raw.values[c.name];
      if (v === undefined) continue; // scoreWithScorecard names the missing value
      if (c.kind === 'bins') values[c.name] = parseInput(DecimalSchema, v, ['values', c.name]);
      else if (typeof v === 'string') values[c.name] = v;
      else invalidInput(['values', c.name], 'must be a string for a category criterion');
    }
    return scoreWithScorecard(raw.scorecard as unknown as Scorecard, values);
  },
};
