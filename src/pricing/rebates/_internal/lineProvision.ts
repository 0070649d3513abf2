import { divideRounded, type RoundingMode } from '../../../money/rounding.js';
import { divideRoundedDouble } from '../../_internal/integerDoubles.js';
import type { AppliedReduction } from '../AccrualState.js';
import type { CompiledDeal } from '../compileRebateDeals.js';
import type { RebateCalculation } from '../RebateDeal.js';
import { reachedTier } from './tiers.js';

// The provision of one line and deal, from its signed basis (after reductions): the tier
// amount of the line alone (compileRebateDeals folds each tier method into offset + slope ×
// basis), rounded once. Two paths with the same result: exact integer doubles (no allocation)
// and bigints for figures beyond 2^53; accrual tries the first and falls back to the second.

/**
 * The figures of the provision being computed, one object per call reused for every line and
 * deal: basis and amount as exact doubles, or NaN and the bigints; tier; reductions applied.
 */
export type Figures = { basisD: number; minorD: number; basisB: bigint; minorB: bigint; tier: number; reductions: AppliedReduction[] | undefined };

// Tier amount of f.basisD in doubles: false (figures untouched but the basis) when an
// intermediate is not a safe integer or the division is out of range.
export function fastProvision(f: Figures, calculation: RebateCalculation, fast: NonNullable<CompiledDeal['doubles']>, rounding: RoundingMode): boolean {
  const basis = f.basisD;
  if (!Number.isSafeInteger(basis)) return false;
  const negative = basis < 0;
  const abs = negative ? -basis : basis;
  const tier = reachedTierDouble(fast.from, abs);
  let minor = 0;
  // Fixed amounts are earned per period, not per line: no line provision (the true-up books them).
  if (tier >= 0 && calculation !== 'fixedAmount') {
    const product = (fast.tierSlope[tier] as number) * abs;
    const n = product + (fast.tierOffset[tier] as number);
    if (!Number.isSafeInteger(product) || !Number.isSafeInteger(n)) return false;
    if (n !== 0) {
      const signed = negative ? -n : n;
      // Out of range (or an inexact product, which lies beyond 2^53) gives NaN.
      minor =
        fast.minorDenominator !== 0
          ? divideRoundedDouble(signed, fast.minorDenominator, rounding)
          : divideRoundedDouble(signed * fast.minorFactor, fast.denominator, rounding);
      if (minor !== minor) return false;
    }
  }
  f.minorD = minor;
  f.tier = tier;
  f.basisB = 0n;
  f.minorB = 0n;
  return true;
}

// The bigint path: tier amount of a signed basis, rounded once to minor units.
export function provisionOf(deal: CompiledDeal, basis: bigint, rounding: RoundingMode): { minor: bigint; tier: number } {
  const negative = basis < 0n;
  const abs = negative ? -basis : basis;
  const tier = reachedTier(deal.from, abs);
  if (tier < 0 || deal.deal.calculation === 'fixedAmount') return { minor: 0n, tier };
  const offset = deal.tierOffset[tier] as bigint;
  let n = (deal.tierSlope[tier] as bigint) * abs;
  if (offset !== 0n) n += offset;
  if (n === 0n) return { minor: 0n, tier };
  // n × minorFactor / denominator = n / minorDenominator when the factor divides out.
  const signed = negative ? -n : n;
  const minor = deal.minorDenominator !== 0n ? divideRounded(signed, deal.minorDenominator, rounding) : divideRounded(signed * deal.minorFactor, deal.denominator, rounding);
  return { minor, tier };
}

// Highest tier reached by `b` (tier starts as exact doubles), −1 below the first.
function reachedTierDouble(from: readonly number[], b: number): number {
  let k = -1;
  for (let i = 0; i < from.length; i++) if (b >= (from[i] as number)) k = i;
  return k;
}

