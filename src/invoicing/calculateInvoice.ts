import { invalidInput, parseInput } from '../errors/parseInput.js';
import { allocateMoney } from '../money/allocateMoney.js';
import { minorUnitOf } from '../money/currencies.js';
import { formatScaled } from '../money/formatScaled.js';
import { type Money, sameCurrencyMoney } from '../money/Money.js';
import { roundMoneyToIncrement } from '../money/roundToIncrement.js';
import { divideRounded, type RoundingMode } from '../money/rounding.js';
import { pow10, type Scaled, scaledOf } from '../money/Scaled.js';
import {
  add,
  type Fraction,
  fromPercent,
  fromScaled,
  int,
  isLess,
  min,
  mul,
  ONE,
  reduce,
  roundFraction,
  sub,
  toWeights,
  ZERO,
} from './_internal/fraction.js';
import { buildSchedule } from './_internal/schedule.js';
import type {
  AccountingAmounts,
  ChargeAmount,
  HeaderChargeAmount,
  Invoice,
  InvoiceLine,
  InvoiceTotals,
  InvoiceTraceStep,
  TaxAmount,
  TaxTotal,
} from './Invoice.js';
import { type ChargeInput, type InvoiceDocument, InvoiceDocumentSchema } from './InvoiceDocument.js';
import type { TaxCode } from './taxCode.js';

/**
 * Options of {@link calculateInvoice}; none today: the rounding policy is part of the document
 * (`document.rounding`), required and never defaulted.
 * @example
 * calculateInvoice(document, {})
 */
export type CalculateInvoiceOptions = Record<string, never>;

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
 * Calculates an invoice: line amounts, charges, taxes under the document's rounding policy,
 * cash rounding, accounting-currency amounts, due date, instalments and cash discounts.
 * The calculation order is documented in docs/invoicing.md. Whatever the policy,
 * `Σ line nets + Σ charges + Σ taxes + cash rounding = total`, per-code totals equal the sums
 * of the line and charge taxes, and the accounting amounts balance on their own.
 *
 * @param document - an {@link InvoiceDocument} as the host sends it (decimal strings)
 * @throws {@link OrderToCashError} `invalid_input` naming the bad field, e.g. `['document', 'lines', 0, 'quantity']`,
 *   or a price-included bracket code (`['document', 'taxCodes', i]`).
 * @example
 * calculateInvoice({ currency: 'EUR', invoiceDate: '2026-01-31', customerTaxGroup: ['T'],
 *   taxCodes: [{ id: 'T', calculation: { kind: 'percent', rate: '10' } }], priceMode: 'taxExcluded',
 *   rounding: { level: 'perDocument', mode: 'up', taxIncluded: 'keepTotal' },
 *   lines: [{ id: '1', item: 'A', itemTaxGroup: ['T'], quantity: '1', unitPrice: '42.42' },
 *           { id: '2', item: 'A', itemTaxGroup: ['T'], quantity: '1', unitPrice: '42.42' }] })
 * // taxes: T 8.49, lines 4.25 and 4.24
 */
export function calculateInvoice(document: unknown, _options: CalculateInvoiceOptions = {}): Invoice {
  return calculateParsedInvoice(parseInput(InvoiceDocumentSchema, document, ['document']));
}

/**
 * {@link calculateInvoice} on a document already parsed with `InvoiceDocumentSchema` (no
 * validation): for hot paths that calculate one parsed document many times.
 * @example
 * const doc = InvoiceDocumentSchema.parse(input)
 * calculateParsedInvoice(doc).totals.total
 */
export function calculateParsedInvoice(doc: InvoiceDocument): Invoice {
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
  const applicable = (group: readonly string[]): number[] => {
    const g = new Set(group);
    const out: number[] = [];
    for (let i = 0; i < codes.length; i++) {
      const id = (codes[i] as TaxCode).id;
      if (customer.has(id) && g.has(id)) out.push(i);
    }
    return out;
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
    computeExactTaxes(entry, codes, toMinor, ['document', 'lines', li]);
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
      const e = newEntry(`${line.id}/${c.id}`, ONE, chargeAmount(c, le.quantity, base), applicable(c.taxGroup), codes.length);
      computeExactTaxes(e, codes, toMinor, ['document', 'lines', li, 'charges']);
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
  const headerEntries: Entry[] = doc.headerCharges.map((c) => {
    const e = newEntry(c.id, ONE, chargeAmount(c, sumQty, sumBase), applicable(c.taxGroup), codes.length);
    computeExactTaxes(e, codes, toMinor, ['document', 'headerCharges']);
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

  // 5. Per-code totals and document totals.
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
  let net = 0n;
  for (const e of lineEntries) net += e.exactNet.n;
  let charges = 0n; // line and header charges (entries after the lines are never lines)
  for (const ces of lineChargeEntries) for (const e of ces) charges += e.amount;
  for (const e of headerEntries) charges += e.amount;
  let tax = 0n;
  for (const t of taxes) tax += t.amount.minor;
  let cash = 0n;
  const before = net + charges + tax;
  if (doc.cashRounding !== null) {
    const after = roundMoneyToIncrement(m(before), doc.cashRounding.increment, doc.cashRounding.mode).minor;
    const diff = after - before;
    let code: string | null = null;
    if (diff !== 0n && doc.cashRounding.method === 'adjustLargestTax') {
      let best = -1;
      taxes.forEach((t, i) => {
        if (t.treatment === 'standard' && (best < 0 || t.amount.minor > (taxes[best] as TaxTotal).amount.minor)) best = i;
      });
      if (best >= 0) {
        const t = taxes[best] as TaxTotal;
        code = t.code;
        taxes[best] = { ...t, amount: m(t.amount.minor + diff) };
        tax += diff;
        adjustLargestPart(lines, headerCharges, code, diff, m);
      } else cash = diff;
    } else cash = diff;
    trace.push({ kind: 'cashRounding', method: doc.cashRounding.method, before: m(before), after: m(after), code });
  }
  const totals: InvoiceTotals = { net: m(net), charges: m(charges), tax: m(tax), cashRounding: m(cash), total: m(net + charges + tax + cash) };

  const chargeList: Money[] = [...lines.flatMap((l) => l.charges.map((c) => c.amount)), ...headerCharges.map((c) => c.amount)];
  const accounting = doc.accounting === null ? null : toAccounting(doc.accounting, lines, headerCharges, chargeList, taxes, totals, trace, exp);
  const schedule = buildSchedule(doc, totals.total, totals.tax);
  return {
    kind: 'invoice',
    creditOf: null,
    currency,
    invoiceDate: doc.invoiceDate,
    lines,
    headerCharges,
    taxes,
    totals,
    accounting,
    dueDate: schedule.dueDate,
    instalments: schedule.instalments,
    cashDiscounts: schedule.cashDiscounts,
    trace,
    document: doc,
  };
}

const maxZero = (x: bigint): bigint => (x > 0n ? x : 0n);

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

function checkCodes(codes: readonly TaxCode[], index: Map<string, number>): void {
  codes.forEach((c, k) => {
    c.baseIncludes.forEach((ref, r) => {
      const j = index.get(ref);
      if (j === undefined || j >= k) invalidInput(['document', 'taxCodes', k, 'baseIncludes', r], `must name a tax code listed before ${c.id}`);
    });
  });
}

// Tax of one code on a base (exact, minor units).
function codeTax(code: TaxCode, base: Fraction, quantity: Fraction, toMinor: Fraction): Fraction {
  const calc = code.calculation;
  switch (calc.kind) {
    case 'percent':
      return mul(base, fromPercent(calc.rate));
    case 'amountPerUnit':
      return mul(mul(fromScaled(calc.amount), toMinor), quantity);
    case 'amountPerLine':
      return mul(fromScaled(calc.amount), toMinor);
    case 'brackets':
      return bracketTax(calc.method, calc.brackets, base, toMinor);
  }
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
function computeExactTaxes(e: Entry, codes: readonly TaxCode[], toMinor: Fraction, path: readonly (string | number)[]): void {
  // Included codes are linear in the net: tax = c × net + d.
  const c: Fraction[] = [];
  const d: Fraction[] = [];
  let sumC = ZERO;
  let sumD = ZERO;
  let anyIncluded = false;
  for (const k of e.codes) {
    const code = codes[k] as TaxCode;
    c[k] = ZERO;
    d[k] = ZERO;
    if (e.included[k] !== true) continue;
    anyIncluded = true;
    if (code.treatment !== 'standard') continue;
    let bc = ONE;
    let bd = ZERO;
    for (const ref of code.baseIncludes) {
      const j = codes.findIndex((x) => x.id === ref);
      if (!e.codes.includes(j)) continue;
      if (e.included[j] !== true) invalidInput([...path, 'taxCodes'], `price-included ${code.id} cannot include the tax of price-excluded ${ref}`);
      bc = add(bc, c[j] as Fraction);
      bd = add(bd, d[j] as Fraction);
    }
    const calc = code.calculation;
    if (calc.kind === 'percent') {
      c[k] = reduce(mul(bc, fromPercent(calc.rate)));
      d[k] = reduce(mul(bd, fromPercent(calc.rate)));
    } else d[k] = codeTax(code, ZERO, e.quantity, toMinor);
    sumC = add(sumC, c[k]);
    sumD = add(sumD, d[k]);
  }
  const net = anyIncluded ? reduce(divFraction(sub(int(e.amount), sumD), add(ONE, sumC))) : int(e.amount);
  e.exactNet = net;
  for (const k of e.codes) {
    const code = codes[k] as TaxCode;
    let base = net;
    for (const ref of code.baseIncludes) {
      const j = codes.findIndex((x) => x.id === ref);
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

function exactText(f: Fraction, exp: number): string {
  return formatScaled(scaledOf(divideRounded(f.n * 1_000_000n, f.d, 'halfEven'), exp + 6));
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

function adjustLargestPart(lines: InvoiceLine[], headerCharges: HeaderChargeAmount[], code: string, diff: bigint, m: (minor: bigint) => Money): void {
  // Adds the cash-rounding difference to the largest line or charge tax of `code`.
  let best: { amount: bigint; apply: () => void } | null = null;
  const consider = (taxes: readonly TaxAmount[], replace: (next: TaxAmount[]) => void): void => {
    taxes.forEach((t, i) => {
      if (t.code === code && (best === null || t.amount.minor > best.amount)) {
        best = { amount: t.amount.minor, apply: () => replace(taxes.map((x, j) => (j === i ? { ...x, amount: m(x.amount.minor + diff) } : x))) };
      }
    });
  };
  lines.forEach((l, li) => {
    consider(l.taxes, (next) => {
      lines[li] = { ...l, taxes: next };
    });
    l.charges.forEach((c, ci) => {
      consider(c.taxes, (next) => {
        const cs: ChargeAmount[] = [...l.charges];
        cs[ci] = { ...c, taxes: next };
        lines[li] = { ...(lines[li] as InvoiceLine), charges: cs };
      });
    });
  });
  headerCharges.forEach((h, hi) => {
    consider(h.taxes, (next) => {
      headerCharges[hi] = { ...h, taxes: next };
    });
  });
  (best as { apply: () => void } | null)?.apply();
}

function toAccounting(
  acc: { readonly currency: string; readonly rate: Scaled; readonly mode: RoundingMode },
  lines: readonly InvoiceLine[],
  headerCharges: readonly HeaderChargeAmount[],
  chargeList: readonly Money[],
  taxes: readonly TaxTotal[],
  totals: InvoiceTotals,
  trace: InvoiceTraceStep[],
  exp: number,
): AccountingAmounts {
  const accExp = minorUnitOf(acc.currency) ?? 0;
  const am = (minor: bigint): Money => sameCurrencyMoney(minor, acc.currency);
  // document minor × rate × 10^accExp / 10^exp, rounded once
  const convert = (minor: bigint): bigint => divideRounded(minor * acc.rate.units * pow10(accExp), pow10(acc.rate.scale + exp), acc.mode);
  const total = convert(totals.total.minor);
  const cash = convert(totals.cashRounding.minor);
  const parts: bigint[] = [...lines.map((l) => l.net.minor), ...chargeList.map((c) => c.minor), ...taxes.map((t) => t.amount.minor)];
  const rest = total - cash;
  const positive = parts.some((p) => p > 0n) && parts.every((p) => p >= 0n);
  let shares: bigint[];
  if (positive) shares = allocateMoney(am(rest), parts).map((s) => s.minor);
  else {
    shares = parts.map(convert);
    const diff = rest - shares.reduce((a, b) => a + b, 0n);
    if (shares.length > 0) shares[0] = (shares[0] as bigint) + diff;
  }
  if (shares.length === 0 && rest !== 0n) shares = [];
  const nl = lines.length;
  const nc = chargeList.length;
  const lineNets = shares.slice(0, nl).map(am);
  const charges = shares.slice(nl, nl + nc).map(am);
  const accTaxes: TaxTotal[] = taxes.map((t, i) => ({
    ...t,
    base: am(convert(t.base.minor)),
    amount: am(shares[nl + nc + i] as bigint),
    selfAssessed: am(convert(t.selfAssessed.minor)),
  }));
  // Each code's accounting tax spread over its line and charge parts by largest remainder.
  const taxLists: (readonly TaxAmount[])[] = [...lines.map((l) => l.taxes), ...lines.flatMap((l) => l.charges.map((c) => c.taxes)), ...headerCharges.map((h) => h.taxes)];
  const accParts: bigint[][] = taxLists.map((ts) => ts.map(() => 0n));
  accTaxes.forEach((t) => {
    const at: [number, number][] = [];
    taxLists.forEach((ts, i) => ts.forEach((x, j) => x.code === t.code && at.push([i, j])));
    if (at.length === 0) return;
    const w = at.map(([i, j]) => (taxLists[i]?.[j]?.amount.minor ?? 0n));
    const split =
      w.some((x) => x > 0n) && w.every((x) => x >= 0n)
        ? allocateMoney(t.amount, w).map((x) => x.minor)
        : w.map((x, k) => (k === 0 ? t.amount.minor - w.slice(1).reduce((a, y) => a + convert(y), 0n) : convert(x)));
    at.forEach(([i, j], k) => ((accParts[i] as bigint[])[j] = split[k] as bigint));
  });
  const lineTaxes = accParts.slice(0, lines.length).map((ps) => ps.map(am));
  const chargeTaxes = accParts.slice(lines.length).map((ps) => ps.map(am));
  const sum = (xs: readonly Money[]): bigint => xs.reduce((a, x) => a + x.minor, 0n);
  const netSum = sum(lineNets);
  const chargeSum = sum(charges);
  const taxSum = sum(accTaxes.map((t) => t.amount));
  const cashAdj = shares.length === 0 ? rest + cash : cash;
  trace.push({ kind: 'accountingAllocation', exact: exactText({ n: totals.total.minor * acc.rate.units * pow10(accExp), d: pow10(acc.rate.scale + exp) }, accExp), rounded: am(total) });
  return {
    currency: acc.currency,
    rate: acc.rate,
    lineNets,
    charges,
    taxes: accTaxes,
    lineTaxes,
    chargeTaxes,
    totals: { net: am(netSum), charges: am(chargeSum), tax: am(taxSum), cashRounding: am(cashAdj), total: am(netSum + chargeSum + taxSum + cashAdj) },
  };
}
