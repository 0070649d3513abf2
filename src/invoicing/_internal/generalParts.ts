import { invalidInput } from '../../errors/parseInput.js';
import { allocateMoney } from '../../money/allocateMoney.js';
import { minorUnitOf } from '../../money/currencies.js';
import { type Money, sameCurrencyMoney } from '../../money/Money.js';
import { divideRounded } from '../../money/rounding.js';
import { pow10, type Scaled } from '../../money/Scaled.js';
import type { HeaderChargeAmount, InvoiceLine, InvoiceTraceStep, TaxAmount, TaxTotal } from '../Invoice.js';
import type { ChargeInput, InvoiceDocument } from '../InvoiceDocument.js';
import type { TaxCode } from '../taxCode.js';
import { add, type Fraction, fromPercent, fromScaled, int, isLess, min, mul, ONE, reduce, roundFraction, sub, toWeights, ZERO } from './fraction.js';
import { checkCodes, exactText, type InvoiceParts, maxZero } from './invoiceParts.js';

// A taxable entry: a line, a line charge or a header charge.
type Entry = {
  readonly key: string;
  readonly quantity: Fraction;
  readonly amount: bigint; // rounded: tax-inclusive when some code is price-included
  readonly codes: readonly number[]; // indexes into document.taxCodes, in order
  exactNet: Fraction;
  readonly exactBase: (Fraction | null)[];
  readonly exactTax: (Fraction | null)[]; // charged
  readonly exactSelf: (Fraction | null)[]; // reverse charge, self-assessed
  readonly tax: bigint[];
  readonly included: boolean[];
};

/**
 * Lines, charges, taxes and tax trace of any document, in exact rationals: price-included
 * codes, brackets, per-unit amounts and every rounding level. The reference the fast path
 * (`fastParts`) must agree with.
 */
export function generalParts(doc: InvoiceDocument): InvoiceParts {
  const currency = doc.currency;
  const exp = minorUnitOf(currency) ?? 0;
  const toMinor: Fraction = int(pow10(exp));
  const { mode, level } = doc.rounding;
  const m = (minor: bigint): Money => sameCurrencyMoney(minor, currency);
  const codes = doc.taxCodes;
  const codeIndex = new Map<string, number>(codes.map((c, i) => [c.id, i]));
  checkCodes(codes, codeIndex);
  const customer = new Set(doc.customerTaxGroup);
  const taxIncludedDoc = doc.priceMode === 'taxIncluded';
  const candidates = codes.flatMap((c, i) => (customer.has(c.id) ? [i] : []));
  const applicable = (group: readonly string[]): number[] => {
    const out: number[] = [];
    for (const i of candidates) if (group.includes((codes[i] as TaxCode).id)) out.push(i);
    return out;
  };
  const plans = new Map<string, TaxPlan>();
  const planOf = (entryCodes: readonly number[]): TaxPlan => {
    const key = entryCodes.join(',');
    let plan = plans.get(key);
    if (plan === undefined) plans.set(key, (plan = taxPlan(entryCodes, codes, codeIndex)));
    return plan;
  };
  const kept = (p: Scaled): Fraction => sub(ONE, fromPercent(p));
  const totalKept = kept(doc.totalDiscountPercent);

  // 1. Line amounts, rounded once (per unit: the unit price after discounts first).
  const entries: Entry[] = [];
  const lineEntries: Entry[] = [];
  doc.lines.forEach((line, li) => {
    const qty = fromScaled(line.quantity);
    const unit = mul(mul(mul(fromScaled(line.unitPrice), toMinor), kept(line.discountPercent)), totalKept);
    const amount = level === 'perUnit' ? divideRounded(roundFraction(unit, mode) * qty.n, qty.d, mode) : roundFraction(mul(unit, qty), mode);
    const lineCodes = applicable(line.itemTaxGroup);
    const entry = newEntry(line.id, qty, amount, lineCodes, codes.length);
    for (const k of lineCodes) {
      const included = (codes[k] as TaxCode).priceIncluded ?? taxIncludedDoc;
      if (included && (codes[k] as TaxCode).calculation.kind === 'brackets')
        invalidInput(['document', 'taxCodes', k], 'a bracket code cannot be price-included: set priceIncluded: false');
      entry.included[k] = included;
    }
    computeExactTaxes(entry, codes, planOf(lineCodes), toMinor, ['document', 'lines', li]);
    entries.push(entry);
    lineEntries.push(entry);
  });

  // 2. Charges: amounts on the line net before tax rounding; charges are exclusive of tax.
  const chargeAmount = (c: ChargeInput, qty: Fraction, base: bigint): bigint => {
    switch (c.kind) {
      case 'fixed':
        return roundFraction(mul(fromScaled(c.value), toMinor), mode);
      case 'perPiece':
        return roundFraction(mul(mul(fromScaled(c.value), toMinor), qty), mode);
      case 'percent':
        return roundFraction(mul(int(base), fromPercent(c.value)), mode);
    }
  };
  const lineChargeEntries: Entry[][] = doc.lines.map((line, li) => {
    const le = lineEntries[li] as Entry;
    const base = roundFraction(le.exactNet, mode);
    return line.charges.map((c) => {
      const chargeCodes = applicable(c.taxGroup);
      const e = newEntry(`${line.id}/${c.id}`, ONE, chargeAmount(c, le.quantity, base), chargeCodes, codes.length);
      computeExactTaxes(e, codes, planOf(chargeCodes), toMinor, ['document', 'lines', li, 'charges']);
      entries.push(e);
      return e;
    });
  });
  let sumBase = 0n;
  let sumQty = ZERO;
  for (const le of lineEntries) {
    sumBase += roundFraction(le.exactNet, mode);
    sumQty = add(sumQty, le.quantity);
  }
  let earlier = 0n; // header charges so far, in the base of a compound one
  const headerEntries: Entry[] = doc.headerCharges.map((c) => {
    const chargeCodes = applicable(c.taxGroup);
    const e = newEntry(c.id, ONE, chargeAmount(c, sumQty, c.compound ? sumBase + earlier : sumBase), chargeCodes, codes.length);
    earlier += e.amount;
    computeExactTaxes(e, codes, planOf(chargeCodes), toMinor, ['document', 'headerCharges']);
    entries.push(e);
    return e;
  });

  // 3. Tax rounding per the policy; aggregates are allocated back by largest remainder.
  const trace: InvoiceTraceStep[] = [];
  roundTaxes(entries, codes, doc, toMinor, trace, m, exp);

  // 4. Nets: keep the total (net = amount − included taxes) or keep the net (rounded exact net).
  for (const e of entries) {
    let hasIncluded = false;
    let includedTax = 0n;
    for (const k of e.codes) {
      if (e.included[k] === true) {
        hasIncluded = true;
        includedTax += e.tax[k] as bigint;
      }
    }
    e.exactNet = hasIncluded && doc.rounding.taxIncluded === 'keepTotal' ? int(e.amount - includedTax) : hasIncluded ? int(roundFraction(e.exactNet, mode)) : int(e.amount);
  }

  const taxAmounts = (e: Entry): TaxAmount[] =>
    e.codes.map((k) => ({
      code: (codes[k] as TaxCode).id,
      base: m(roundFraction(e.exactBase[k] as Fraction, mode)),
      amount: m(e.tax[k] as bigint),
      selfAssessed: m(e.exactSelf[k] === null ? 0n : roundFraction(e.exactSelf[k] as Fraction, mode)),
    }));
  const lines: InvoiceLine[] = doc.lines.map((line, li) => {
    const e = lineEntries[li] as Entry;
    return {
      id: line.id,
      item: line.item,
      quantity: line.quantity,
      amount: m(e.amount),
      net: m(e.exactNet.n),
      taxes: taxAmounts(e),
      charges: (lineChargeEntries[li] as Entry[]).map((ce, ci) => ({ id: (line.charges[ci] as ChargeInput).id, amount: m(ce.amount), taxes: taxAmounts(ce) })),
    };
  });
  const headerCharges: HeaderChargeAmount[] = doc.headerCharges.map((c, hi) => {
    const e = headerEntries[hi] as Entry;
    const weights: (bigint | Scaled)[] = doc.lines.map((l, li) =>
      c.spread === 'byAmount' ? maxZero((lineEntries[li] as Entry).exactNet.n) : c.spread === 'byQuantity' ? l.quantity : 1n,
    );
    const spread = weights.some((w) => (typeof w === 'bigint' ? w : w.units) > 0n) ? allocateMoney(m(e.amount), weights) : weights.map(() => m(0n));
    return { id: c.id, amount: m(e.amount), taxes: taxAmounts(e), spread };
  });

  // 5. Per-code totals.
  const taxes: TaxTotal[] = [];
  codes.forEach((code, k) => {
    let used = false;
    let base = 0n;
    let amount = 0n;
    let self = ZERO;
    for (const e of entries) {
      if (e.exactBase[k] === null) continue;
      used = true;
      base += roundFraction(e.exactBase[k] as Fraction, mode);
      amount += e.tax[k] as bigint;
      if (e.exactSelf[k] !== null) self = add(self, e.exactSelf[k] as Fraction);
    }
    if (used) taxes.push({ code: code.id, treatment: code.treatment, base: m(base), amount: m(amount), selfAssessed: m(roundFraction(self, mode)) });
  });
  return { lines, headerCharges, taxes, trace };
}

function newEntry(key: string, quantity: Fraction, amount: bigint, entryCodes: readonly number[], n: number): Entry {
  return {
    key,
    quantity,
    amount,
    codes: entryCodes,
    exactNet: int(amount),
    exactBase: new Array<Fraction | null>(n).fill(null),
    exactTax: new Array<Fraction | null>(n).fill(null),
    exactSelf: new Array<Fraction | null>(n).fill(null),
    tax: new Array<bigint>(n).fill(0n),
    included: new Array<boolean>(n).fill(false),
  };
}

// Tax of one code on a base (exact, minor units).
function codeTax(code: TaxCode, base: Fraction, quantity: Fraction, toMinor: Fraction): Fraction {
  const calc = code.calculation;
  switch (calc.kind) {
    case 'percent':
    case 'grossUp':
    case 'percentOfGross':
      return mul(base, linearRate(calc.kind, calc.rate));
    case 'amountPerUnit':
      return mul(mul(fromScaled(calc.amount), toMinor), quantity);
    case 'amountPerLine':
      return mul(fromScaled(calc.amount), toMinor);
    case 'brackets':
      return bracketTax(calc.method, calc.brackets, base, toMinor);
  }
}

// The factor a percent-like code applies to its base: rate %, or rate / (100 − rate) for the
// gross-up of D365's "calculated percentage of net amount" (reference d365-semantics.md §3.1).
function linearRate(kind: 'percent' | 'grossUp' | 'percentOfGross', rate: Scaled): Fraction {
  return kind === 'grossUp' ? { n: rate.units, d: pow10(rate.scale + 2) - rate.units } : fromPercent(rate);
}

// The order in which an entry's codes are computed and, per code, the codes whose tax is in its
// base. Per-unit codes marked `inPercentBase` come first and are in the base of every percent
// and gross-up code; a `percentOfGross` code comes last, on the net and every other tax.
type TaxPlan = { readonly order: readonly number[]; readonly refs: readonly (readonly number[])[] };

function taxPlan(entryCodes: readonly number[], codes: readonly TaxCode[], codeIndex: ReadonlyMap<string, number>): TaxPlan {
  const kind = (k: number): TaxCode['calculation']['kind'] => (codes[k] as TaxCode).calculation.kind;
  const preBase = entryCodes.filter((k) => {
    const calc = (codes[k] as TaxCode).calculation;
    return calc.kind === 'amountPerUnit' && calc.inPercentBase;
  });
  const gross = entryCodes.filter((k) => kind(k) === 'percentOfGross');
  const order = [...preBase, ...entryCodes.filter((k) => !preBase.includes(k) && !gross.includes(k)), ...gross];
  const refs: number[][] = [];
  for (const k of entryCodes) {
    if (preBase.includes(k)) {
      refs[k] = []; // computed first: its base is the net
      continue;
    }
    if (kind(k) === 'percentOfGross') {
      refs[k] = entryCodes.filter((j) => j !== k);
      continue;
    }
    const r: number[] = [];
    for (const ref of (codes[k] as TaxCode).baseIncludes) {
      const j = codeIndex.get(ref);
      if (j !== undefined && entryCodes.includes(j)) r.push(j);
    }
    if (kind(k) === 'percent' || kind(k) === 'grossUp') for (const j of preBase) if (j !== k && !r.includes(j)) r.push(j);
    refs[k] = r;
  }
  return { order, refs };
}

function bracketTax(method: 'interval' | 'whole', brackets: readonly { readonly upTo: Scaled | null; readonly rate: Scaled }[], base: Fraction, toMinor: Fraction): Fraction {
  let lower = ZERO;
  let tax = ZERO;
  for (const b of brackets) {
    const upper = b.upTo === null ? null : mul(fromScaled(b.upTo), toMinor);
    if (method === 'whole') {
      if (upper === null || !isLess(upper, base)) return mul(base, fromPercent(b.rate));
    } else {
      const top = upper === null ? base : min(base, upper);
      if (isLess(lower, top)) tax = add(tax, mul(sub(top, lower), fromPercent(b.rate)));
      if (upper === null || !isLess(upper, base)) return tax;
      lower = upper;
    }
  }
  return tax; // base above the last bounded bracket: no further rate
}

// Exact net and taxes of one entry: solve the price-included codes, then apply codes in order.
function computeExactTaxes(e: Entry, codes: readonly TaxCode[], plan: TaxPlan, toMinor: Fraction, path: readonly (string | number)[]): void {
  // Included codes are linear in the net: tax = c × net + d.
  const c: Fraction[] = [];
  const d: Fraction[] = [];
  let sumC = ZERO;
  let sumD = ZERO;
  let anyIncluded = false;
  for (const k of plan.order) {
    const code = codes[k] as TaxCode;
    c[k] = ZERO;
    d[k] = ZERO;
    if (e.included[k] !== true) continue;
    anyIncluded = true;
    if (code.treatment !== 'standard') continue;
    let bc = ONE;
    let bd = ZERO;
    for (const j of plan.refs[k] as readonly number[]) {
      if (e.included[j] !== true) invalidInput([...path, 'taxCodes'], `price-included ${code.id} cannot include the tax of price-excluded ${(codes[j] as TaxCode).id}`);
      bc = add(bc, c[j] as Fraction);
      bd = add(bd, d[j] as Fraction);
    }
    const calc = code.calculation;
    if (calc.kind === 'percent' || calc.kind === 'grossUp' || calc.kind === 'percentOfGross') {
      const rate = linearRate(calc.kind, calc.rate);
      c[k] = reduce(mul(bc, rate));
      d[k] = reduce(mul(bd, rate));
    } else d[k] = codeTax(code, ZERO, e.quantity, toMinor);
    sumC = add(sumC, c[k]);
    sumD = add(sumD, d[k]);
  }
  const net = anyIncluded ? reduce(divFraction(sub(int(e.amount), sumD), add(ONE, sumC))) : int(e.amount);
  e.exactNet = net;
  for (const k of plan.order) {
    const code = codes[k] as TaxCode;
    let base = net;
    for (const j of plan.refs[k] as readonly number[]) {
      const t = e.exactTax[j];
      if (t !== null && t !== undefined) base = add(base, t);
    }
    e.exactBase[k] = base;
    const t = codeTax(code, base, e.quantity, toMinor);
    if (code.treatment === 'standard') e.exactTax[k] = t;
    else {
      e.exactTax[k] = ZERO;
      if (code.treatment === 'reverseCharge') e.exactSelf[k] = t;
    }
  }
}

function divFraction(a: Fraction, b: Fraction): Fraction {
  return { n: a.n * b.d, d: a.d * b.n };
}

function roundTaxes(
  entries: Entry[],
  codes: readonly TaxCode[],
  doc: InvoiceDocument,
  toMinor: Fraction,
  trace: InvoiceTraceStep[],
  m: (minor: bigint) => Money,
  exp: number,
): void {
  const { level, mode } = doc.rounding;
  const allocate = (code: string | null, total: bigint, exact: Fraction, parts: { e: Entry; k: number; w: Fraction }[]): void => {
    // Negative exact parts (a price-included fixed tax above the price) weigh zero.
    const weights = toWeights(parts.map((p) => p.w)).map((w) => (w > 0n ? w : 0n));
    // Without any positive weight the exact parts are all zero: the rounded total (zero unless
    // the mode rounds zero away, which none does) goes to the first part.
    const shares = weights.some((w) => w > 0n) ? allocateMoney(m(total), weights) : parts.map((_, i) => m(i === 0 ? total : 0n));
    parts.forEach((p, i) => {
      p.e.tax[p.k] = (shares[i] as Money).minor;
    });
    trace.push({
      kind: 'taxAllocation',
      code,
      exact: exactText(exact, exp),
      rounded: m(total),
      parts: parts.map((p, i) => ({ entry: p.e.key, code: (codes[p.k] as TaxCode).id, exact: exactText(p.e.exactTax[p.k] as Fraction, exp), amount: shares[i] as Money })),
    });
  };
  if (level === 'perLine' || level === 'perUnit') {
    for (const e of entries) {
      for (const k of e.codes) {
        const t = e.exactTax[k] as Fraction;
        if (level === 'perLine' || e.quantity.n === 0n) e.tax[k] = roundFraction(t, mode);
        else {
          const unit = roundFraction(divFraction(t, e.quantity), mode);
          e.tax[k] = roundFraction(mul(int(unit), e.quantity), mode);
        }
      }
    }
    return;
  }
  if (level === 'perCodeCombination') {
    const parts: { e: Entry; k: number; w: Fraction }[] = [];
    let sum = ZERO;
    for (const e of entries)
      for (const k of e.codes) {
        const w = e.exactTax[k] as Fraction;
        parts.push({ e, k, w });
        sum = reduce(add(sum, w));
      }
    if (parts.length > 0) allocate(null, roundFraction(sum, mode), sum, parts);
    return;
  }
  codes.forEach((code, k) => {
    const parts: { e: Entry; k: number; w: Fraction }[] = [];
    let sum = ZERO;
    let sumBase = ZERO;
    for (const e of entries) {
      if (e.exactBase[k] === null) continue;
      parts.push({ e, k, w: e.exactTax[k] as Fraction });
      sum = reduce(add(sum, e.exactTax[k] as Fraction));
      sumBase = reduce(add(sumBase, e.exactBase[k] as Fraction));
    }
    if (parts.length === 0) return;
    if (level === 'perDocument' && code.calculation.kind === 'brackets' && code.treatment === 'standard') {
      // The brackets apply to the document's summed base; allocated back by base.
      const t = codeTax(code, sumBase, ONE, toMinor);
      allocate(code.id, roundFraction(t, mode), t, parts.map((p) => ({ ...p, w: p.e.exactBase[k] as Fraction })));
    } else allocate(code.id, roundFraction(sum, mode), sum, parts);
  });
}
