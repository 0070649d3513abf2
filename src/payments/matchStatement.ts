import * as z from 'zod';
import type { CalendarDate } from '../calendar/CalendarDate.js';
import { parseInput } from '../errors/parseInput.js';
import { minorUnitOf } from '../money/currencies.js';
import { money } from '../money/Money.js';
import type { RoundingMode } from '../money/rounding.js';
import { divideRounded } from '../money/rounding.js';
import { pow10 } from '../money/Scaled.js';
import { formatDecimalText } from '../money/_internal/decimalText.js';
import { availableCashDiscount } from './cashDiscount.js';
import { findCombination } from './findCombination.js';
import {
  type CustomerId,
  type OpenItem,
  type OpenItemId,
  type OpenItemInput,
  OpenItemSchema,
  type Payment,
  type PaymentInput,
  PaymentSchema,
} from './OpenItem.js';
import { indexOpenItems } from './_internal/openItemIndex.js';
import { osaDistance } from './_internal/osaDistance.js';
import { payerNameKey } from './payerNameKey.js';
import { isValidRfReference, referenceKeys, textReferenceKeySet, textReferenceKeys } from './references.js';
import type { Settlement } from './Settlement.js';
import { sortBySettlementPriority } from './settlementPriority.js';
import { SHARED_SETTLEMENT_OPTION_FIELDS, type SettlementTolerance, type SettlePaymentOptions, settleParsed } from './settlePayment.js';

/**
 * Which rule produced a proposal, in pipeline order.
 * @example
 * const r: MatchRule = 'combination';
 */
export type MatchRule = 'reference' | 'exactAmount' | 'clearAccount' | 'clearPastDue' | 'oldestFirst' | 'combination' | 'onAccount' | 'exception';

/**
 * Names of the signals a confidence score is built from.
 * @example
 * const s: SignalName = 'RF_VALID';
 */
export type SignalName =
  | 'CUSTOMER_BY_ID'
  | 'CUSTOMER_BY_IBAN'
  | 'CUSTOMER_BY_NAME'
  | 'CUSTOMER_BY_REFERENCE'
  | 'RF_VALID'
  | 'E2E_ID'
  | 'REF_EXACT'
  | 'REF_FUZZY'
  | 'AMOUNT_EXACT'
  | 'AMOUNT_DISCOUNTED'
  | 'AMOUNT_WITHIN_TOL'
  | 'AMOUNT_PARTIAL'
  | 'UNIQUE'
  | 'AMBIGUOUS';

/**
 * One named signal: its group (the score takes the best signal of each group), points and
 * the evidence in words.
 * @example
 * const s: MatchSignal = { name: 'AMOUNT_EXACT', group: 'amount', points: 30, evidence: 'amount equals the open amount' };
 */
export type MatchSignal = {
  readonly name: SignalName;
  readonly group: 'customer' | 'reference' | 'amount' | 'uniqueness';
  readonly points: number;
  readonly evidence: string;
};

/**
 * Decision band of a proposal.
 * @example
 * const d: MatchDecision = 'suggest';
 */
export type MatchDecision = 'autoApply' | 'suggest' | 'exception';

/**
 * A proposal for one payment: the items, the settlement (a preview unless auto-applied), the
 * confidence 0–100 from the signals, the decision and a readable explanation.
 * @example
 * proposal.explanation //=> 'RF creditor reference RF18… names INV-7; amount equals the open amount; …'
 */
export type MatchProposal = {
  readonly paymentId: string;
  readonly customerId?: CustomerId;
  readonly rule: MatchRule;
  readonly itemIds: readonly OpenItemId[];
  readonly signals: readonly MatchSignal[];
  readonly confidence: number;
  readonly decision: MatchDecision;
  readonly explanation: string;
  readonly searchSteps: number;
  readonly settlement?: Settlement;
};

/**
 * Options of {@link matchStatement}.
 * @example
 * const o: MatchStatementOptions = { rounding: 'halfUp', asOf: calendarDate('2026-06-29') };
 */
export type MatchStatementOptions = Pick<
  SettlePaymentOptions,
  'rounding' | 'priority' | 'graceDays' | 'partialPaymentDiscount' | 'tolerance' | 'underpayment'
> & {
  /** The statement date. Discounts and past-due status are judged on each payment's value date. */
  readonly asOf: CalendarDate;
  /** Payer IBAN → customer. */
  readonly customersByIban?: Readonly<Record<string, CustomerId>>;
  /**
   * Customer names, for payer-name identification after id and IBAN: a payer whose
   * {@link payerNameKey} equals exactly one customer's is that customer (`CUSTOMER_BY_NAME`).
   */
  readonly customerNames?: Readonly<Record<string, string>>;
  /**
   * Fuzzy references (Oracle AutoMatch style, reference A.2), off unless given: when no key
   * names an item exactly and the customer is known, a remittance token of at least
   * `minLength` (default 6) characters within `maxEdits` (insertions, deletions, substitutions,
   * adjacent transpositions) of the references of exactly one of the customer's open items
   * names it (`REF_FUZZY`, 25 points: auto-applied only with the amount agreeing).
   */
  readonly fuzzyReferences?: { readonly maxEdits: number; readonly minLength?: number };
  /** Confidence thresholds (defaults 90 and 60). */
  readonly thresholds?: { readonly autoApply: number; readonly suggest: number };
  /** Combination search limits (defaults: 5 items, 64 oldest candidates, tolerance only up to 12 candidates, 200 000 steps). */
  readonly combination?: { readonly maxItems?: number; readonly maxCandidates?: number; readonly smallSetSize?: number; readonly budget?: number };
};

/**
 * Input of {@link matchStatement}: a statement's payments and the open items.
 * @example
 * const input: MatchStatementInput = { payments, items };
 */
export type MatchStatementInput = { readonly payments: readonly Payment[]; readonly items: readonly OpenItem[] };

/**
 * Result of {@link matchStatement}: one proposal per payment in canonical order (value date,
 * id), the open items after the auto-applied settlements, and the largest search steps used.
 * @example
 * result.proposals.filter((p) => p.decision === 'autoApply').length
 */
export type MatchStatementResult = {
  readonly proposals: readonly MatchProposal[];
  readonly items: readonly OpenItem[];
  readonly maxSearchSteps: number;
};

const MatchInputSchema = /* @__PURE__ */ z.object({ payments: z.array(PaymentSchema), items: z.array(OpenItemSchema) });
const MatchOptionsSchema = /* @__PURE__ */ z.looseObject({
  ...SHARED_SETTLEMENT_OPTION_FIELDS,
  customersByIban: z.record(z.string(), z.string().min(1)).optional(),
  combination: z
    .object({
      maxItems: z.number().int().min(1).optional(),
      maxCandidates: z.number().int().min(1).optional(),
      smallSetSize: z.number().int().min(0).optional(),
      budget: z.number().int().min(1).optional(),
    })
    .optional(),
  thresholds: z
    .object({ autoApply: z.number().int().min(0).max(100), suggest: z.number().int().min(0).max(100) })
    .refine((t) => t.suggest <= t.autoApply, { message: 'suggest must not exceed autoApply' })
    .optional(),
});

const CUSTOMER_POINTS = { CUSTOMER_BY_ID: 30, CUSTOMER_BY_IBAN: 25, CUSTOMER_BY_REFERENCE: 20, CUSTOMER_BY_NAME: 15 } as const;

/**
 * Confidence 0–100: the best signal of each group summed, capped at 100; `AMBIGUOUS` caps it
 * just below the auto-apply threshold. Adding a signal never lowers it.
 * @param signals - the proposal's signals
 * @param autoApply - the auto-apply threshold
 * @returns the confidence
 * @example
 * confidenceOf([{ name: 'AMOUNT_EXACT', group: 'amount', points: 30, evidence: '' }], 90) //=> 30
 */
export function confidenceOf(signals: readonly MatchSignal[], autoApply: number): number {
  const best = new Map<string, number>();
  for (const s of signals) if (s.name !== 'AMBIGUOUS') best.set(s.group, Math.max(best.get(s.group) ?? 0, s.points));
  let total = 0;
  for (const v of best.values()) total += v;
  total = Math.min(100, total);
  return signals.some((s) => s.name === 'AMBIGUOUS') ? Math.min(total, Math.max(0, autoApply - 1)) : total;
}

const RULE_TEXT: Record<MatchRule, string> = {
  reference: 'matched by reference',
  exactAmount: 'matched by exact amount',
  clearAccount: 'clears the account',
  clearPastDue: 'clears the past-due items',
  oldestFirst: 'oldest items first',
  combination: 'combination of items',
  onAccount: 'left on account',
  exception: 'exception: needs a person',
};

const fmt = (minor: bigint, currency: string): string => `${currency} ${formatDecimalText(minor, minorUnitOf(currency) ?? 0)}`;
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The matching pipeline over already-valid inputs (no parsing); see {@link matchStatement}.
 * @internal
 * @example
 * matchParsed({ payments, items }, { rounding: 'halfUp', asOf })
 */
export function matchParsed(input: MatchStatementInput, options: MatchStatementOptions): MatchStatementResult {
  const grace = options.graceDays ?? 0;
  const priority = options.priority ?? 'dueDate';
  const autoT = options.thresholds?.autoApply ?? 90;
  const suggestT = options.thresholds?.suggest ?? 60;
  const maxItems = options.combination?.maxItems ?? 5;
  const maxCandidates = options.combination?.maxCandidates ?? 64;
  const smallSet = options.combination?.smallSetSize ?? 12;
  const budget = options.combination?.budget ?? 200_000;
  // Indexed once; postings of this run go to an overlay of changed items.
  const idx = indexOpenItems(input.items);
  // Overlay by position: the item as posted in this run, or undefined while untouched.
  const overlay: (OpenItem | undefined)[] = new Array<OpenItem | undefined>(idx.items.length).fill(undefined);
  const touched: number[] = [];
  const names = options.customerNames === undefined ? undefined : nameIndex(options.customerNames);
  const at = (pos: number): OpenItem => overlay[pos] ?? (idx.items[pos] as OpenItem);
  // Position of each item handed to the rules of this payment, for posting what it settles.
  const posOf = new Map<OpenItem, number>();
  const payments = [...input.payments].sort((a, b) => (a.valueDate < b.valueDate ? -1 : a.valueDate > b.valueDate ? 1 : byId(a, b)));
  const proposals: MatchProposal[] = [];
  let maxSearchSteps = 0;

  for (const p of payments) {
    const cur = p.currency;
    const P = p.amount.minor;
    const signals: MatchSignal[] = [];
    let customer: CustomerId | undefined = p.customerId;
    if (customer !== undefined) signals.push({ name: 'CUSTOMER_BY_ID', group: 'customer', points: CUSTOMER_POINTS.CUSTOMER_BY_ID, evidence: `customer ${customer} given on the payment` });
    else if (p.payerIban !== undefined && options.customersByIban?.[p.payerIban] !== undefined) {
      customer = options.customersByIban[p.payerIban];
      signals.push({ name: 'CUSTOMER_BY_IBAN', group: 'customer', points: CUSTOMER_POINTS.CUSTOMER_BY_IBAN, evidence: `customer ${String(customer)} identified by IBAN ${p.payerIban}` });
    } else if (p.payerName !== undefined && names !== undefined) {
      const byName = names.get(payerNameKey(p.payerName));
      if (byName !== undefined && byName !== AMBIGUOUS_NAME) {
        customer = byName;
        signals.push({ name: 'CUSTOMER_BY_NAME', group: 'customer', points: CUSTOMER_POINTS.CUSTOMER_BY_NAME, evidence: `customer ${String(customer)} identified by the payer name ${JSON.stringify(p.payerName)}` });
      }
    }
    // References: structured ones, the end-to-end id, then free text. A key counts only when it names exactly one open item.
    posOf.clear();
    const hits = new Map<string, { readonly item: OpenItem; readonly signal: MatchSignal }>();
    const usable = (it: OpenItem): boolean => it.residual.minor !== 0n && it.currency === cur && (customer === undefined || it.customerId === customer);
    const lookup = (key: string, signal: (item: OpenItem) => MatchSignal): void => {
      const named = idx.byReference.get(key);
      if (named === undefined) return;
      let only = -1;
      if (typeof named === 'number') {
        if (usable(at(named))) only = named;
      } else
        for (const candidate of named) {
          if (!usable(at(candidate))) continue;
          if (only >= 0) return; // names two open items: evidence, not identification
          only = candidate;
        }
      if (only < 0) return;
      const it = at(only);
      if (!hits.has(it.id)) {
        posOf.set(it, only);
        hits.set(it.id, { item: it, signal: signal(it) });
      }
    };
    for (const r of [...p.references].sort()) {
      const rf = isValidRfReference(r);
      for (const k of referenceKeys(r))
        lookup(k, (it) => ({ name: rf ? 'RF_VALID' : 'REF_EXACT', group: 'reference', points: rf ? 40 : 35, evidence: `${rf ? 'RF creditor reference' : 'reference'} ${r} names ${it.documentNumber}` }));
    }
    if (p.endToEndId !== undefined)
      for (const k of referenceKeys(p.endToEndId)) lookup(k, (it) => ({ name: 'E2E_ID', group: 'reference', points: 40, evidence: `end-to-end id ${String(p.endToEndId)} names ${it.documentNumber}` }));
    if (p.text !== undefined)
      for (const k of textReferenceKeySet(p.text)) lookup(k, (it) => ({ name: 'REF_EXACT', group: 'reference', points: 35, evidence: `${it.documentNumber} found in the remittance text` }));

    const fuzzy = options.fuzzyReferences;
    if (hits.size === 0 && customer !== undefined && fuzzy !== undefined) {
      const own: OpenItem[] = [];
      for (const i of idx.byCustomer.get(customer) ?? []) {
        const it = at(i);
        if (!usable(it)) continue;
        own.push(it);
        posOf.set(it, i);
      }
      const found = fuzzyHit(p, own, fuzzy.maxEdits, fuzzy.minLength ?? 6);
      if (found !== undefined)
        hits.set(found.item.id, {
          item: found.item,
          signal: { name: 'REF_FUZZY', group: 'reference', points: 25, evidence: `${found.token} in the remittance is ${found.edits} edit${found.edits === 1 ? '' : 's'} from ${found.item.documentNumber}` },
        });
    }
    let rule: MatchRule = 'exception';
    let chosen: OpenItem[] = [];
    let steps = 0;
    if (hits.size > 0) {
      const hitIds = [...hits.keys()].sort();
      chosen = hitIds.map((id) => (hits.get(id) as { item: OpenItem }).item);
      const customers = new Set(chosen.map((i) => i.customerId));
      if (customers.size === 1 && customer === undefined) {
        customer = chosen[0]?.customerId;
        signals.push({ name: 'CUSTOMER_BY_REFERENCE', group: 'customer', points: CUSTOMER_POINTS.CUSTOMER_BY_REFERENCE, evidence: `customer ${String(customer)} identified through the referenced item` });
      }
      for (const s of hitIds.map((id) => (hits.get(id) as { signal: MatchSignal }).signal).sort((a, b) => b.points - a.points)) signals.push(s);
      signals.push({ name: 'UNIQUE', group: 'uniqueness', points: 20, evidence: 'each reference names exactly one open item' });
      rule = 'reference';
      const open = chosen.reduce((s, i) => s + i.residual.minor, 0n);
      const discounted = chosen.reduce((s, i) => s + discountedOf(i, p.valueDate, grace, options.rounding), 0n);
      if (P === open) signals.push({ name: 'AMOUNT_EXACT', group: 'amount', points: 30, evidence: `amount ${fmt(P, cur)} equals the open amount` });
      else if (P === discounted) signals.push({ name: 'AMOUNT_DISCOUNTED', group: 'amount', points: 30, evidence: `amount ${fmt(P, cur)} equals the open amount less the cash discount` });
      else if (P < discounted && withinUnder(discounted - P, discounted, options.tolerance))
        signals.push({ name: 'AMOUNT_WITHIN_TOL', group: 'amount', points: 25, evidence: `short by ${fmt(discounted - P, cur)}, within tolerance` });
      else signals.push({ name: 'AMOUNT_PARTIAL', group: 'amount', points: 5, evidence: `amount ${fmt(P, cur)} differs from the open amount ${fmt(open, cur)}` });
    } else if (customer !== undefined) {
      const all: OpenItem[] = [];
      for (const i of idx.byCustomer.get(customer) ?? []) {
        const it = at(i);
        if (it.currency === cur && it.residual.minor !== 0n) {
          all.push(it);
          posOf.set(it, i);
        }
      }
      const debits = sortBySettlementPriority(
        all.filter((i) => i.residual.minor > 0n),
        priority,
        p.valueDate,
        grace,
      );
      const exact = debits.filter((i) => i.residual.minor === P || discountedOf(i, p.valueDate, grace, options.rounding) === P);
      const sumAll = all.reduce((s, i) => s + i.residual.minor, 0n);
      const sumAllDiscounted = all.reduce((s, i) => s + discountedOf(i, p.valueDate, grace, options.rounding), 0n);
      const pastDue = debits.filter((i) => i.dueDate < p.valueDate);
      const sumPastDue = pastDue.reduce((s, i) => s + i.residual.minor, 0n);
      if (exact.length > 0) {
        rule = 'exactAmount';
        chosen = [exact[0] as OpenItem];
        const disc = chosen[0]?.residual.minor !== P;
        signals.push({ name: disc ? 'AMOUNT_DISCOUNTED' : 'AMOUNT_EXACT', group: 'amount', points: 30, evidence: `amount ${fmt(P, cur)} equals ${disc ? 'the discounted' : 'the open'} amount of ${chosen[0]?.documentNumber ?? ''}` });
        if (exact.length === 1) signals.push({ name: 'UNIQUE', group: 'uniqueness', points: 30, evidence: 'the only open item with this amount' });
        else signals.push({ name: 'AMBIGUOUS', group: 'uniqueness', points: 0, evidence: `${exact.length} open items have this amount; the earliest due is proposed` });
      } else if (all.length > 0 && (sumAll === P || sumAllDiscounted === P)) {
        rule = 'clearAccount';
        chosen = all;
        signals.push({
          name: sumAll === P ? 'AMOUNT_EXACT' : 'AMOUNT_DISCOUNTED',
          group: 'amount',
          points: 30,
          evidence: `amount ${fmt(P, cur)} clears the account (${all.length} items${sumAll === P ? '' : ', open amount less cash discounts'})`,
        });
        signals.push({ name: 'UNIQUE', group: 'uniqueness', points: 30, evidence: 'the whole account balance' });
      } else if (pastDue.length > 0 && sumPastDue === P) {
        rule = 'clearPastDue';
        chosen = pastDue;
        signals.push({ name: 'AMOUNT_EXACT', group: 'amount', points: 30, evidence: `amount ${fmt(P, cur)} equals the ${pastDue.length} past-due items` });
        signals.push({ name: 'UNIQUE', group: 'uniqueness', points: 25, evidence: 'the whole past-due balance' });
      } else {
        let prefix = 0n;
        let k = 0;
        while (k < debits.length && prefix < P) prefix += (debits[k++] as OpenItem).residual.minor;
        if (prefix === P && k > 0) {
          rule = 'oldestFirst';
          chosen = debits.slice(0, k);
          signals.push({ name: 'AMOUNT_EXACT', group: 'amount', points: 30, evidence: `amount ${fmt(P, cur)} equals the ${k} oldest items` });
          signals.push({ name: 'UNIQUE', group: 'uniqueness', points: 25, evidence: 'oldest-first prefix' });
        } else {
          const cands = debits.slice(0, maxCandidates);
          const tolerance = cands.length <= smallSet ? underLimit(P, options.tolerance) : 0n;
          const res = findCombination(
            cands.map((i) => i.residual.minor),
            [P, P + tolerance],
            { maxItems, budget },
          );
          steps = res.steps;
          if (res.kind === 'unique' || res.kind === 'ambiguous') {
            rule = 'combination';
            chosen = res.indices.map((i) => cands[i] as OpenItem);
            const sum = chosen.reduce((s, i) => s + i.residual.minor, 0n);
            signals.push(
              sum === P
                ? { name: 'AMOUNT_EXACT', group: 'amount', points: 30, evidence: `amount ${fmt(P, cur)} equals ${chosen.map((i) => i.documentNumber).join(' + ')}` }
                : { name: 'AMOUNT_WITHIN_TOL', group: 'amount', points: 20, evidence: `amount ${fmt(P, cur)} is ${fmt(sum - P, cur)} short of ${chosen.map((i) => i.documentNumber).join(' + ')}, within tolerance` },
            );
            signals.push(
              res.kind === 'unique'
                ? { name: 'UNIQUE', group: 'uniqueness', points: 30, evidence: `the only combination of at most ${maxItems} items (${res.steps} search steps)` }
                : { name: 'AMBIGUOUS', group: 'uniqueness', points: 0, evidence: `several combinations match; the oldest is proposed (${res.steps} search steps)` },
            );
          } else {
            rule = 'onAccount';
            signals.push({
              name: 'AMOUNT_PARTIAL',
              group: 'amount',
              points: 0,
              evidence: res.kind === 'undecided' ? `combination search stopped after its budget of ${budget} steps` : 'no item or combination matches the amount; leave it on account',
            });
          }
        }
      }
    } else {
      // No customer: only a unique exact single-item amount across all customers, as a suggestion.
      // Index of opening residuals: finds items still open for their full amount.
      const exact: OpenItem[] = [];
      for (const i of idx.byOpeningAmount(cur, P)) {
        const it = at(i);
        if (it.residual.minor !== P) continue;
        exact.push(it);
        posOf.set(it, i);
      }
      if (exact.length === 1) {
        rule = 'exactAmount';
        chosen = exact;
        customer = exact[0]?.customerId;
        signals.push({ name: 'AMOUNT_EXACT', group: 'amount', points: 30, evidence: `amount ${fmt(P, cur)} equals the open amount of ${exact[0]?.documentNumber ?? ''} (payer unknown)` });
        signals.push({ name: 'UNIQUE', group: 'uniqueness', points: 30, evidence: 'the only open item with this amount across customers' });
      } else signals.push({ name: 'AMOUNT_PARTIAL', group: 'amount', points: 0, evidence: 'payer unknown and no unique reference or amount' });
    }
    maxSearchSteps = Math.max(maxSearchSteps, steps);
    const confidence = confidenceOf(signals, autoT);
    const decision: MatchDecision = rule === 'exception' ? 'exception' : confidence >= autoT ? 'autoApply' : confidence >= suggestT ? 'suggest' : 'exception';
    let settlement: Settlement | undefined;
    if (chosen.length > 0 || (rule === 'onAccount' && customer !== undefined)) {
      // Discounts are judged on the payment's value date (A.11 invariant 5).
      settlement = settleParsed(p, chosen, p.id, {
        rounding: options.rounding,
        asOf: p.valueDate,
        priority,
        graceDays: grace,
        ...(options.partialPaymentDiscount === undefined ? {} : { partialPaymentDiscount: options.partialPaymentDiscount }),
        ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
        ...(options.underpayment === undefined ? {} : { underpayment: options.underpayment }),
      });
      if (decision === 'autoApply') {
        const chosenById = new Map(chosen.map((i) => [i.id as string, posOf.get(i) as number]));
        for (const e of settlement.entries) {
          if (e.itemId === undefined || e.kind === 'exchangeGain' || e.kind === 'exchangeLoss' || e.kind === 'onAccount' || e.kind === 'overpaymentWriteOff') continue;
          const pos = chosenById.get(e.itemId);
          if (pos === undefined) continue;
          const it = at(pos);
          if (overlay[pos] === undefined) touched.push(pos);
          overlay[pos] = { ...it, residual: money(it.residual.minor - e.amount.minor, it.currency) };
        }
      }
    }
    const explanation = `${p.id}: ${RULE_TEXT[rule]} (confidence ${confidence}, ${decision}). ${signals.map((s) => s.evidence).join('; ')}.`;
    proposals.push({
      paymentId: p.id,
      ...(customer === undefined ? {} : { customerId: customer }),
      rule,
      itemIds: chosen.map((i) => i.id),
      signals,
      confidence,
      decision,
      explanation,
      searchSteps: steps,
      ...(settlement === undefined ? {} : { settlement }),
    });
  }
  let items = idx.items;
  if (touched.length > 0) {
    const out = idx.items.slice();
    for (const pos of touched) out[pos] = overlay[pos] as OpenItem;
    items = out;
  }
  return { proposals, items, maxSearchSteps };
}

const AMBIGUOUS_NAME = '\u0000ambiguous' as CustomerId;

/** Normalised customer name → customer; a name two customers share identifies neither. */
function nameIndex(names: Readonly<Record<string, string>>): Map<string, CustomerId> {
  const out = new Map<string, CustomerId>();
  for (const id of Object.keys(names).sort()) {
    const key = payerNameKey(names[id] as string);
    if (key === '') continue;
    out.set(key, out.has(key) ? AMBIGUOUS_NAME : (id as CustomerId));
  }
  return out;
}

/**
 * The one open item of the customer whose references are within `maxEdits` of a remittance
 * token, at the smallest distance; `undefined` when none or when two items tie.
 */
function fuzzyHit(p: Payment, items: readonly OpenItem[], maxEdits: number, minLength: number): { item: OpenItem; token: string; edits: number } | undefined {
  const tokens = new Set<string>();
  for (const r of p.references) for (const k of referenceKeys(r)) if (k.length >= minLength) tokens.add(k);
  if (p.endToEndId !== undefined) for (const k of referenceKeys(p.endToEndId)) if (k.length >= minLength) tokens.add(k);
  if (p.text !== undefined) for (const k of textReferenceKeys(p.text)) if (k.length >= minLength) tokens.add(k);
  if (tokens.size === 0) return undefined;
  const sorted = [...tokens].sort();
  let best: { item: OpenItem; token: string; edits: number } | undefined;
  let tie = false;
  for (const item of items) {
    let mine: { token: string; edits: number } | undefined;
    for (const r of [item.documentNumber, ...item.references])
      for (const key of referenceKeys(r)) {
        if (key.length < minLength) continue;
        for (const t of sorted) {
          const e = osaDistance(t, key, mine === undefined ? maxEdits : mine.edits);
          if (e <= maxEdits && (mine === undefined || e < mine.edits)) mine = { token: t, edits: e };
        }
      }
    if (mine === undefined) continue;
    if (best === undefined || mine.edits < best.edits) {
      best = { item, ...mine };
      tie = false;
    } else if (mine.edits === best.edits) tie = true;
  }
  return tie ? undefined : best;
}

function discountedOf(item: OpenItem, date: CalendarDate, grace: number, rounding: RoundingMode): bigint {
  const step = availableCashDiscount(item, date, grace);
  if (step === undefined || item.residual.minor <= 0n) return item.residual.minor;
  return item.residual.minor - divideRounded(item.residual.minor * step.percent.units, 100n * pow10(step.percent.scale), rounding);
}

function underLimit(base: bigint, t: SettlementTolerance | undefined): bigint {
  if (t === undefined) return 0n;
  let lim = t.maxOverUnderPayment?.minor ?? (t.maxOverUnderPercent === undefined ? (t.pennyDifference?.minor ?? 0n) : base);
  if (t.maxOverUnderPercent !== undefined) {
    const pctLim = (t.maxOverUnderPercent.units * base) / (100n * pow10(t.maxOverUnderPercent.scale));
    if (pctLim < lim) lim = pctLim;
  }
  const penny = t.pennyDifference?.minor ?? 0n;
  return lim > penny ? lim : penny;
}

function withinUnder(short: bigint, base: bigint, t: SettlementTolerance | undefined): boolean {
  return short <= underLimit(base, t);
}

/**
 * Matches a bank statement's payments to open items with the staged pipeline: identify the
 * customer (id, IBAN, referenced item); references (RF creditor references checked mod 97,
 * end-to-end ids, invoice numbers in free text; a key counts only when it names exactly one
 * open item); then the amount rules in order (exact single item, clear the account, clear
 * past due, oldest first, bounded combination search); then on account or exception. Each
 * proposal carries named signals, a confidence 0–100, a decision band and an explanation;
 * auto-applied proposals consume residuals in canonical payment order, so the result does
 * not depend on the input order.
 * @param input - payments and open items (host input, parsed)
 * @param options - rounding, asOf and the matching policy
 * @returns proposals, items after auto-applied settlements, and the largest search steps used
 * @throws {@link OrderToCashError} `invalid_input` on bad input.
 * @example
 * matchStatement({ payments: [p], items: [inv] }, { rounding: 'halfUp', asOf: calendarDate('2026-06-29') })
 *   .proposals[0].decision //=> 'autoApply'
 */
export function matchStatement(
  input: { readonly payments: readonly PaymentInput[]; readonly items: readonly OpenItemInput[] },
  options: MatchStatementOptions,
): MatchStatementResult {
  const parsed = parseInput(MatchInputSchema, input, ['input']) as unknown as MatchStatementInput;
  const opts = parseInput(MatchOptionsSchema, options, ['options']) as unknown as MatchStatementOptions;
  return matchParsed(parsed, opts);
}
