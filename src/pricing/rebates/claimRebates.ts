import * as z from 'zod';
import { type CalendarDate, CalendarDateSchema } from '../../calendar/CalendarDate.js';
import { OrderToCashError } from '../../errors/OrderToCashError.js';
import { parseInput } from '../../errors/parseInput.js';
import { type Money, sameCurrencyMoney } from '../../money/Money.js';
import { periodEndOf } from './_internal/periods.js';
import type { CompiledDeal, RebateProgram } from './compileRebateDeals.js';
import type { RebateClaim, RebateSettlement } from './trueUpRebates.js';

/**
 * What one claim asks for one calculation period: the period's settlement (its earned rebate)
 * less what earlier claims already took from it. A part is a {@link RebateClaim}, so the parts
 * of posted claims can go to `trueUpRebates` as its `claims`.
 */
export type RebateClaimPart = RebateClaim & {
  /** `dealId|customerId|periodEnd`: the settlement (calculation period) the part comes from. */
  readonly settlementKey: string;
};

/** A claim of one deal and customer for one claim period (reference §2.1 "Claim per", §2.4). */
export type RebatePeriodClaim = {
  /** `claim|dealId|customerId|claimPeriodEnd|n`, n = number of earlier claims of the claim period. */
  readonly key: string;
  readonly dealId: string;
  readonly customerId: string;
  /** Last day of the claim period. */
  readonly claimPeriodEnd: CalendarDate;
  /** The sum of `parts`, exactly. Negative when credit notes took back more than was earned. */
  readonly amount: Money;
  /** One part per calculation period with something left to claim, by period end. */
  readonly parts: readonly RebateClaimPart[];
};

/** Options of {@link claimRebates}. */
export type ClaimRebatesOptions = {
  /** Last day of the claim period being claimed. */
  readonly claimPeriodEnd: CalendarDate;
  /** Claims posted before (any claim period); what their parts took is not claimed again. */
  readonly claimed?: readonly RebatePeriodClaim[] | undefined;
};

/** Result of {@link claimRebates}: the new claims, by deal id then customer id. */
export type ClaimRebatesResult = { readonly claims: readonly RebatePeriodClaim[] };

const OptionsSchema = /* @__PURE__ */ z.object({ claimPeriodEnd: CalendarDateSchema });

/**
 * Claims per claim period (reference §2.1 "Claim per / Claim by", §2.4): a deal whose claim
 * period is longer than its calculation period (monthly calculation, quarterly claim) is
 * claimed once per claim period. The claim of a deal, customer and claim period gathers the
 * settlements ({@link trueUpRebates}) of the calculation periods inside it; each part is the
 * period's earned rebate less what earlier claims took from that period, and the claim's
 * amount is the exact sum of its parts. Periods whose settlement is not given yet are left
 * for a later claim (D365 re-creates unclaimed amounts on the next run), which then takes
 * the next key, `…|1`. Claiming again with the returned claims in `claimed` adds nothing.
 *
 * Settlements are typed values (from `trueUpRebates`); settlements of deals the program does
 * not hold, or of other claim periods, are skipped.
 *
 * @throws {@link OrderToCashError} `invalid_input` for a bad `claimPeriodEnd`, or when two
 *   settlements of one deal, customer and period disagree on the earned rebate;
 *   `idempotency_key_reused` when two claimed claims share a key with other parts.
 * @example
 * // monthly settlements earned 100, 250 and 0 in Q1; nothing claimed yet
 * claimRebates(program, [jan, feb, mar], { claimPeriodEnd: calendarDate('2026-03-31') }).claims[0].amount
 * //=> USD 350.00 (parts: January 100.00, February 250.00)
 */
export function claimRebates(program: RebateProgram, settlements: Iterable<RebateSettlement>, options: ClaimRebatesOptions): ClaimRebatesResult {
  const { claimPeriodEnd } = parseInput(OptionsSchema, { claimPeriodEnd: options.claimPeriodEnd }, ['options']);
  const dealsById = new Map<string, CompiledDeal>(program.deals.map((c) => [c.deal.id, c]));
  // What earlier claims took, per settlement, and how many claims each claim period has.
  const taken = new Map<string, bigint>();
  const earlier = new Map<string, number>();
  const seen = new Map<string, RebatePeriodClaim>();
  for (const claim of options.claimed ?? []) {
    const known = seen.get(claim.key);
    if (known !== undefined) {
      if (!sameClaim(known, claim)) throw keyReused(claim.key);
      continue;
    }
    seen.set(claim.key, claim);
    const group = `${claim.dealId}|${claim.customerId}|${claim.claimPeriodEnd}`;
    earlier.set(group, (earlier.get(group) ?? 0) + 1);
    for (const p of claim.parts) taken.set(p.settlementKey, (taken.get(p.settlementKey) ?? 0n) + p.amount.minor);
  }
  // The settlements of the claim period, one per deal, customer and calculation period.
  const inPeriod = new Map<string, RebateSettlement>();
  let index = 0;
  for (const s of settlements) {
    const c = dealsById.get(s.dealId);
    if (c !== undefined && periodEndOf(c.deal.claimPeriod, s.periodEnd, c.deal.validTo) === claimPeriodEnd) {
      const key = settlementKeyOf(s);
      const known = inPeriod.get(key);
      if (known === undefined) inPeriod.set(key, s);
      else if (known.earned.minor !== s.earned.minor || known.earned.currency !== s.earned.currency)
        throw new OrderToCashError(
          'invalid_input',
          `Two settlements of ${JSON.stringify(key)} earn different rebates: pass only the latest true-up of each period`,
          ['settlements', index, 'earned'],
        );
    }
    index++;
  }
  const groups = new Map<string, RebateClaimPart[]>();
  for (const key of [...inPeriod.keys()].sort(byText)) {
    const s = inPeriod.get(key) as RebateSettlement;
    const left = s.earned.minor - (taken.get(key) ?? 0n);
    if (left === 0n) continue;
    const group = `${s.dealId}|${s.customerId}|${claimPeriodEnd}`;
    const part: RebateClaimPart = { settlementKey: key, dealId: s.dealId, customerId: s.customerId, periodEnd: s.periodEnd, amount: sameCurrencyMoney(left, s.earned.currency) };
    const list = groups.get(group);
    if (list === undefined) groups.set(group, [part]);
    else list.push(part);
  }
  const claims: RebatePeriodClaim[] = [];
  for (const group of [...groups.keys()].sort(byText)) {
    const parts = groups.get(group) as RebateClaimPart[];
    const first = parts[0] as RebateClaimPart;
    let total = 0n;
    for (const p of parts) total += p.amount.minor;
    claims.push({
      key: `claim|${group}|${earlier.get(group) ?? 0}`,
      dealId: first.dealId,
      customerId: first.customerId,
      claimPeriodEnd,
      amount: sameCurrencyMoney(total, first.amount.currency),
      parts,
    });
  }
  return { claims };
}

const settlementKeyOf = (s: RebateSettlement): string => `${s.dealId}|${s.customerId}|${s.periodEnd}`;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sameClaim(a: RebatePeriodClaim, b: RebatePeriodClaim): boolean {
  if (a.amount.minor !== b.amount.minor || a.amount.currency !== b.amount.currency || a.parts.length !== b.parts.length) return false;
  return a.parts.every((p, i) => {
    const q = b.parts[i];
    return q !== undefined && p.settlementKey === q.settlementKey && p.amount.minor === q.amount.minor;
  });
}

function keyReused(key: string): OrderToCashError {
  return new OrderToCashError(
    'idempotency_key_reused',
    `Claim ${JSON.stringify(key)} was given twice with other parts: pass each posted claim once, as claimRebates returned it`,
    ['options', 'claimed'],
  );
}
