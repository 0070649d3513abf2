import { DecimalSchema } from '../money/schemas.js';
import * as z from 'zod';
import { parseInput } from '../errors/parseInput.js';
import { invalidInput } from '../errors/parseInput.js';
import { compareScaled } from '../money/compareScaled.js';
import type { Scaled } from '../money/Scaled.js';

/**
 * A criterion of a scorecard: numeric bins (the first bin whose `upTo` is ≥ the value, `upTo`
 * inclusive, the last bin `null` = no bound) or categories (value → points).
 */
export type ScorecardCriterion =
  | { readonly kind: 'bins'; readonly name: string; readonly bins: readonly { readonly upTo: Scaled | null; readonly points: number }[] }
  | { readonly kind: 'categories'; readonly name: string; readonly categories: readonly { readonly value: string; readonly points: number }[]; readonly otherPoints: number };

/** A scorecard: base points plus one criterion per characteristic. */
export type Scorecard = { readonly basePoints: number; readonly criteria: readonly ScorecardCriterion[] };

/** A score and the points of every criterion (the "why"). */
export type ScorecardResult = { readonly score: number; readonly trace: readonly { readonly criterion: string; readonly bin: number | string; readonly points: number }[] };

const CriterionSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bins'), name: z.string().min(1), bins: z.array(z.object({ upTo: DecimalSchema.nullable(), points: z.number().int() })).min(1) }),
  z.object({ kind: z.literal('categories'), name: z.string().min(1), categories: z.array(z.object({ value: z.string(), points: z.number().int() })), otherPoints: z.number().int() }),
]);
const ScorecardSchema = /* @__PURE__ */ z.object({ basePoints: z.number().int(), criteria: z.array(CriterionSchema) });

/** A scorecard validated once by {@link compileScorecard}. */
export type CompiledScorecard = Scorecard & z.$brand<'CompiledScorecard'>;

const COMPILED = /* @__PURE__ */ new WeakSet<object>();

/**
 * Validates a scorecard once for bulk scoring: {@link scoreWithScorecard} then skips parsing
 * it for every customer. The result is a frozen copy and scores exactly like the original.
 * @throws {@link OrderToCashError} `invalid_input` naming the bad field, e.g. `scorecard.criteria[1].bins[0].points`.
 * @example
 * const card = compileScorecard({ basePoints: 300, criteria: [{ kind: 'bins', name: 'dbt',
 *   bins: [{ upTo: dec('0'), points: 60 }, { upTo: null, points: 10 }] }] });
 * scoreWithScorecard(card, { dbt: dec('12') }).score //=> 310
 */
export function compileScorecard(scorecard: Scorecard): CompiledScorecard {
  const card = parseInput(ScorecardSchema, scorecard, ['scorecard']) as Scorecard;
  const criteria = card.criteria.map((c) =>
    Object.freeze(
      c.kind === 'bins'
        ? { kind: c.kind, name: c.name, bins: Object.freeze(c.bins.map((b) => Object.freeze({ upTo: b.upTo, points: b.points }))) }
        : { kind: c.kind, name: c.name, categories: Object.freeze(c.categories.map((x) => Object.freeze({ value: x.value, points: x.points }))), otherPoints: c.otherPoints },
    ),
  );
  const compiled = Object.freeze({ basePoints: card.basePoints, criteria: Object.freeze(criteria) }) as CompiledScorecard;
  COMPILED.add(compiled);
  return compiled;
}

/**
 * Scores a customer with a given scorecard (reference B.3: model fitting is out of scope):
 * base points + the points of the bin or category each characteristic falls in.
 *
 * @param values - criterion name → a decimal (bins) or a string (categories)
 * @throws {@link OrderToCashError} `invalid_input` for a malformed scorecard or a missing value.
 * @example
 * scoreWithScorecard({ basePoints: 300, criteria: [{ kind: 'bins', name: 'dbt', bins: [{ upTo: dec('0'), points: 60 },
 *   { upTo: null, points: 10 }] }] }, { dbt: dec('12') }).score //=> 310
 */
export function scoreWithScorecard(scorecard: Scorecard, values: Readonly<Record<string, Scaled | string>>): ScorecardResult {
  const card = COMPILED.has(scorecard) ? scorecard : (parseInput(ScorecardSchema, scorecard, ['scorecard']) as Scorecard);
  let score = card.basePoints;
  const trace: { criterion: string; bin: number | string; points: number }[] = [];
  for (const c of card.criteria) {
    const v = values[c.name];
    if (v === undefined) invalidInput(['values', c.name], 'is missing: give a value for every criterion of the scorecard');
    if (c.kind === 'bins') {
      if (typeof v === 'string') invalidInput(['values', c.name], 'must be a decimal for a binned criterion');
      const i = c.bins.findIndex((b) => b.upTo === null || compareScaled(v, b.upTo) <= 0);
      const bin = c.bins[i === -1 ? c.bins.length - 1 : i];
      const points = bin?.points ?? 0;
      score += points;
      trace.push({ criterion: c.name, bin: i === -1 ? c.bins.length - 1 : i, points });
    } else {
      if (typeof v !== 'string') invalidInput(['values', c.name], 'must be a string for a category criterion');
      const key = v;
      const hit = c.categories.find((x) => x.value === key);
      const points = hit?.points ?? c.otherPoints;
      score += points;
      trace.push({ criterion: c.name, bin: hit?.value ?? 'other', points });
    }
  }
  return { score, trace };
}
