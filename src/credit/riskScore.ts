import { DecimalSchema } from '../money/schemas.js';
import * as z from 'zod';
import { invalidInput, parseInput } from '../errors/parseInput.js';
import { compareScaled } from '../money/compareScaled.js';
import type { Scaled } from '../money/Scaled.js';

/** A D365 scoring group (d365 §5.5): score type Range (from ≤ value ≤ to → score) or User defined (value → score). */
export type ScoringGroup =
  | { readonly id: string; readonly kind: 'range'; readonly lines: readonly { readonly from: Scaled; readonly to: Scaled; readonly score: number }[] }
  | { readonly id: string; readonly kind: 'userDefined'; readonly values: readonly { readonly value: string; readonly score: number }[] };

/** A risk classification line: total scores `from`–`to` (inclusive) → risk group. */
export type RiskClass = { readonly riskGroup: string; readonly from: number; readonly to: number };

/** The risk score (Σ group scores), its risk group and each group's score. */
export type RiskScoreResult = { readonly score: number; readonly riskGroup: string; readonly trace: readonly { readonly scoringGroup: string; readonly score: number }[] };

const GroupSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ id: z.string().min(1), kind: z.literal('range'), lines: z.array(z.object({ from: DecimalSchema, to: DecimalSchema, score: z.number().int() })) }),
  z.object({ id: z.string().min(1), kind: z.literal('userDefined'), values: z.array(z.object({ value: z.string(), score: z.number().int() })) }),
]);
const ClassesSchema = /* @__PURE__ */ z
  .array(z.object({ riskGroup: z.string().min(1), from: z.number().int(), to: z.number().int() }))
  .min(1)
  .superRefine((classes, ctx) => {
    const sorted = [...classes].sort((a, b) => a.from - b.from);
    sorted.forEach((c, i) => {
      if (c.to < c.from) ctx.addIssue({ code: 'custom', message: `${c.riskGroup}: to is below from` });
      const next = sorted[i + 1];
      if (next !== undefined && next.from !== c.to + 1) ctx.addIssue({ code: 'custom', message: `ranges must partition the scores: ${c.riskGroup} ends at ${c.to}, the next starts at ${next.from}` });
    });
  });

/**
 * D365 risk score (d365 §5.5): Σ of the scores of the customer's scoring groups (a value
 * outside every range scores 0), then the risk group whose [from, to] contains the total.
 * The classification must partition the scores (no gaps, no overlaps).
 *
 * @throws {@link OrderToCashError} `invalid_input` for bad groups or classes, or a total no class covers.
 * @example
 * riskScore([{ id: 'years', kind: 'range', lines: [{ from: dec('0'), to: dec('4'), score: 10 }, { from: dec('5'), to: dec('99'), score: 30 }] }],
 *   { years: dec('7') }, [{ riskGroup: 'low', from: 0, to: 35 }, { riskGroup: 'high', from: 36, to: 100 }]) //=> { score: 30, riskGroup: 'low', … }
 */
export function riskScore(groups: readonly ScoringGroup[], values: Readonly<Record<string, Scaled | string>>, classes: readonly RiskClass[]): RiskScoreResult {
  const gs = parseInput(z.array(GroupSchema), groups, ['groups']) as readonly ScoringGroup[];
  const cs = parseInput(ClassesSchema, classes, ['classes']);
  let score = 0;
  const trace: { scoringGroup: string; score: number }[] = [];
  for (const g of gs) {
    const v = values[g.id];
    let s = 0;
    if (g.kind === 'range') {
      if (v !== undefined && typeof v !== 'string') s = g.lines.find((l) => compareScaled(l.from, v) <= 0 && compareScaled(v, l.to) <= 0)?.score ?? 0;
    } else if (typeof v === 'string') {
      s = g.values.find((x) => x.value === v)?.score ?? 0;
    }
    score += s;
    trace.push({ scoringGroup: g.id, score: s });
  }
  const cls = cs.find((c) => c.from <= score && score <= c.to);
  if (cls === undefined) invalidInput(['classes'], `no risk class covers the score ${score}: extend the classification`);
  return { score, riskGroup: cls.riskGroup, trace };
}
