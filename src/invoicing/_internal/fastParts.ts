import { allocateMoney } from '../../money/allocateMoney.js';
import { minorUnitOf } from '../../money/currencies.js';
import { type Money, sameCurrencyMoney } from '../../money/Money.js';
import { divideRounded, type RoundingMode } from '../../money/rounding.js';
import { pow10, type Scaled } from '../../money/Scaled.js';
import type { ChargeAmount, HeaderChargeAmount, InvoiceLine, InvoiceTraceStep, TaxAmount, TaxTotal } from '../Invoice.js';
import type { ChargeInput, InvoiceDocument } from '../InvoiceDocument.js';
import type { TaxCode } from '../taxCode.js';
import { checkCodes, exactText, type InvoiceParts, maxZero } from './invoiceParts.js';

// The taxes of one set of applicable codes as integer multipliers over the document's common
// denominator D = 10^E, E = Σ (rate scale + 2) over the percent codes of the customer's group.
// For a net N (minor units), code `codes[i]` has the exact base N × base[i] / D, charges
// N × tax[i] / D and, under reverse charge, self-assesses N × self[i] / D. D is a multiple of
// every denominator a chain of percent codes can produce (each code's 10^(scale + 2) enters a
// chain at most once), so the multipliers are exact integers and every exact amount is one
// bigint product.
type Profile = {
  readonly codes: readonly number[];
  readonly base: readonly bigint[];
  readonly tax: readonly bigint[];
  readonly self: readonly (bigint | null)[];
};

// The fixed inputs of one document's calculation.
type Context = {
  readonly codes: readonly TaxCode[];
  readonly codeIndex: ReadonlyMap<string, number>;
  readonly customer: ReadonlySet<string>;
  readonly taxIncludedDoc: boolean;
  readonly den: bigint;
  /** The codes in the customer's tax group, in code order. */
  readonly candidates: readonly number[];
  readonly profiles: Map<number | string, Profile | null>;
};

/**
 * Lines, charges, taxes and tax trace of a tax-exclusive document whose applicable codes are all
 * percent codes (standard, exempt or reverse charge, tax on tax allowed), rounded `perLine`,
 * `perCode` or `perDocument`, in bigint minor-unit arithmetic: each exact amount is one product
 * over a common power of ten, rounded once. Returns null for any other document (`generalParts`
 * handles it). The result is identical, value for value and in order, to `generalParts` (a
 * property test compares both on generated documents).
 */
export function fastParts(doc: InvoiceDocument): InvoiceParts | null {
  const { level, mode } = doc.rounding;
  // Without brackets, perDocument rounds each code's document total like perCode.
  if (level !== 'perLine' && level !== 'perCode' && level !== 'perDocument') return null;
  const codes = doc.taxCodes;
  const codeIndex = new Map<string, number>();
  for (let k = 0; k < codes.length; k++) codeIndex.set((codes[k] as TaxCode).id, k);
  checkCodes(codes, codeIndex);
  const customer = new Set(doc.customerTaxGroup);
  const candidates: number[] = [];
  let e = 0; // over the codes that can apply (in the customer's group), to keep D small
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k] as TaxCode;
    if (!customer.has(code.id)) continue;
    candidates.push(k);
    if (code.calculation.kind === 'percent') e += code.calculation.rate.scale + 2;
  }
  const ctx: Context = {
    codes,
    codeIndex,
    customer,
    candidates,
    taxIncludedDoc: doc.priceMode === 'taxIncluded',
    den: pow10(e),
    profiles: new Map(),
  };
  const currency = doc.currency;
  const exp = minorUnitOf(currency) ?? 0;
  const toMinor = pow10(exp);
  const zero = sameCurrencyMoney(0n, currency);
  const den = ctx.den;

  // 1. Entries in the order of the general calculation: lines, line charges, header charges.
  const keys: string[] = [];
  const nets: bigint[] = [];
  const profiles: Profile[] = [];
  const docLines = doc.lines;
  const nLines = docLines.length;
  const td = doc.totalDiscountPercent;
  // minor units × (1 − total discount %) as one factor over 10^factorScale
  const factor = td.units === 0n ? toMinor : toMinor * (pow10(td.scale + 2) - td.units);
  const factorScale = td.units === 0n ? 0 : td.scale + 2;
  let sumBase = 0n;
  let qtyScale = 0;
  for (let li = 0; li < nLines; li++) {
    const line = docLines[li] as InvoiceDocument['lines'][number];
    const profile = profileOf(line.itemTaxGroup, ctx);
    if (profile === null) return null;
    const q = line.quantity;
    const p = line.unitPrice;
    const d = line.discountPercent;
    // quantity × unit price × (1 − line discount %) × (1 − total discount %), rounded once.
    let n = p.units * q.units * factor;
    let s = p.scale + q.scale + factorScale;
    if (d.units !== 0n) {
      n *= pow10(d.scale + 2) - d.units;
      s += d.scale + 2;
    }
    const amount = divideRounded(n, pow10(s), mode);
    keys.push(line.id);
    nets.push(amount);
    profiles.push(profile);
    sumBase += amount;
    if (q.scale > qtyScale) qtyScale = q.scale;
  }
  for (let li = 0; li < nLines; li++) {
    const line = docLines[li] as InvoiceDocument['lines'][number];
    for (const c of line.charges) {
      const profile = profileOf(c.taxGroup, ctx);
      if (profile === null) return null;
      keys.push(`${line.id}/${c.id}`);
      nets.push(chargeMinor(c, line.quantity, nets[li] as bigint, toMinor, mode));
      profiles.push(profile);
    }
  }
  let sumQtyUnits = 0n;
  if (doc.headerCharges.length > 0) for (const line of docLines) sumQtyUnits += line.quantity.units * pow10(qtyScale - line.quantity.scale);
  const sumQty: Scaled = { units: sumQtyUnits, scale: qtyScale };
  let earlier = 0n; // header charges so far, in the base of a compound one
  for (const c of doc.headerCharges) {
    const profile = profileOf(c.taxGroup, ctx);
    if (profile === null) return null;
    keys.push(c.id);
    const amount = chargeMinor(c, sumQty, c.compound ? sumBase + earlier : sumBase, toMinor, mode);
    nets.push(amount);
    earlier += amount;
    profiles.push(profile);
  }

  // 2. Exact taxes (numerators over D) and their rounding, per entry and applicable code.
  const nEntries = nets.length;
  const offsets: number[] = new Array<number>(nEntries + 1);
  let size = 0;
  for (let i = 0; i < nEntries; i++) {
    offsets[i] = size;
    size += (profiles[i] as Profile).codes.length;
  }
  offsets[nEntries] = size;
  const exact: bigint[] = new Array<bigint>(size);
  const rounded: bigint[] = new Array<bigint>(size);
  const bases: bigint[] = new Array<bigint>(size);
  const selves: (bigint | null)[] = new Array<bigint | null>(size);
  const nCodes = codes.length;
  const codeBase: bigint[] = new Array<bigint>(nCodes).fill(0n);
  const codeSelf: bigint[] = new Array<bigint>(nCodes).fill(0n);
  const codeUsed: boolean[] = new Array<boolean>(nCodes).fill(false);
  for (let i = 0; i < nEntries; i++) {
    const net = nets[i] as bigint;
    const profile = profiles[i] as Profile;
    const o = offsets[i] as number;
    for (let j = 0; j < profile.codes.length; j++) {
      const k = profile.codes[j] as number;
      const b = profile.base[j] as bigint;
      const base = b === den ? net : divideRounded(net * b, den, mode);
      const t = net * (profile.tax[j] as bigint);
      const s = profile.self[j] as bigint | null;
      const self = s === null ? null : net * s;
      exact[o + j] = t;
      bases[o + j] = base;
      selves[o + j] = self;
      if (level === 'perLine') rounded[o + j] = t === 0n ? 0n : divideRounded(t, den, mode);
      codeUsed[k] = true;
      codeBase[k] = (codeBase[k] as bigint) + base;
      if (self !== null) codeSelf[k] = (codeSelf[k] as bigint) + self;
    }
  }
  const trace: InvoiceTraceStep[] = [];
  if (level !== 'perLine') allocatePerCode({ ctx, currency, exp, mode, keys, profiles, offsets, exact, rounded, trace });

  // 3. The computed lines, charges and per-code totals.
  const m = (minor: bigint): Money => (minor === 0n ? zero : sameCurrencyMoney(minor, currency));
  const codeTax: bigint[] = new Array<bigint>(nCodes).fill(0n);
  const taxAmounts = (i: number, net: Money): TaxAmount[] => {
    const profile = profiles[i] as Profile;
    const o = offsets[i] as number;
    const out: TaxAmount[] = new Array<TaxAmount>(profile.codes.length);
    for (let j = 0; j < profile.codes.length; j++) {
      const k = profile.codes[j] as number;
      const amount = rounded[o + j] as bigint;
      codeTax[k] = (codeTax[k] as bigint) + amount;
      const self = selves[o + j] as bigint | null;
      out[j] = { code: (codes[k] as TaxCode).id, base: bases[o + j] === net.minor ? net : m(bases[o + j] as bigint), amount: m(amount), selfAssessed: self === null ? zero : m(divideRounded(self, den, mode)) };
    }
    return out;
  };
  const lines: InvoiceLine[] = new Array<InvoiceLine>(nLines);
  let ci = nLines;
  for (let li = 0; li < nLines; li++) {
    const line = docLines[li] as InvoiceDocument['lines'][number];
    const net = m(nets[li] as bigint);
    const taxes = taxAmounts(li, net);
    const charges: ChargeAmount[] = new Array<ChargeAmount>(line.charges.length);
    for (let c = 0; c < line.charges.length; c++, ci++) {
      const amount = m(nets[ci] as bigint);
      charges[c] = { id: (line.charges[c] as ChargeInput).id, amount, taxes: taxAmounts(ci, amount) };
    }
    lines[li] = { id: line.id, item: line.item, quantity: line.quantity, amount: net, net, taxes, charges };
  }
  const headerCharges: HeaderChargeAmount[] = doc.headerCharges.map((c, hi) => {
    const i = ci + hi;
    const amount = m(nets[i] as bigint);
    const taxes = taxAmounts(i, amount);
    const weights: (bigint | Scaled)[] = docLines.map((l, li) => (c.spread === 'byAmount' ? maxZero(nets[li] as bigint) : c.spread === 'byQuantity' ? l.quantity : 1n));
    const spread = weights.some((w) => (typeof w === 'bigint' ? w : w.units) > 0n) ? allocateMoney(amount, weights) : weights.map(() => zero);
    return { id: c.id, amount, taxes, spread };
  });
  const taxes: TaxTotal[] = [];
  for (let k = 0; k < nCodes; k++) {
    if (codeUsed[k] !== true) continue;
    const code = codes[k] as TaxCode;
    taxes.push({ code: code.id, treatment: code.treatment, base: m(codeBase[k] as bigint), amount: m(codeTax[k] as bigint), selfAssessed: m(divideRounded(codeSelf[k] as bigint, den, mode)) });
  }
  return { lines, headerCharges, taxes, trace };
}

// The applicable codes of a tax group (customer ∩ group, in code order) and their multipliers;
// null when one of them is not a tax-exclusive percent code. Cached by the set of applicable
// codes, found without allocating (tax groups are short).
function profileOf(group: readonly string[], ctx: Context): Profile | null {
  let key = 0;
  let wide = '';
  const candidates = ctx.candidates;
  for (let i = 0; i < candidates.length; i++) {
    const k = candidates[i] as number;
    if (!group.includes((ctx.codes[k] as TaxCode).id)) continue;
    if (k < 30) key |= 1 << k;
    else wide += `,${k}`;
  }
  const cacheKey: number | string = wide === '' ? key : `${key}${wide}`;
  const known = ctx.profiles.get(cacheKey);
  if (known !== undefined) return known;
  const profile = buildProfile(group, ctx);
  ctx.profiles.set(cacheKey, profile);
  return profile;
}

function buildProfile(group: readonly string[], ctx: Context): Profile | null {
  const { codes, codeIndex, customer, taxIncludedDoc, den } = ctx;
  const g = new Set(group);
  const list: number[] = [];
  const base: bigint[] = [];
  const tax: bigint[] = [];
  const self: (bigint | null)[] = [];
  const taxOf = new Map<number, bigint>();
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k] as TaxCode;
    if (!customer.has(code.id) || !g.has(code.id)) continue;
    const calc = code.calculation;
    if (calc.kind !== 'percent' || (code.priceIncluded ?? taxIncludedDoc)) return null;
    let b = den;
    for (const ref of code.baseIncludes) b += taxOf.get(codeIndex.get(ref) ?? -1) ?? 0n;
    const d = pow10(calc.rate.scale + 2);
    const product = b * calc.rate.units;
    if (product % d !== 0n) return null; // cannot happen (see Profile); kept as a guard
    const t = product / d;
    list.push(k);
    base.push(b);
    tax.push(code.treatment === 'standard' ? t : 0n);
    self.push(code.treatment === 'reverseCharge' ? t : null);
    taxOf.set(k, code.treatment === 'standard' ? t : 0n);
  }
  return { codes: list, base, tax, self };
}

// A charge, exclusive of tax, rounded once: fixed, per piece (× quantity) or percent of `base`.
function chargeMinor(c: ChargeInput, quantity: Scaled, base: bigint, toMinor: bigint, mode: RoundingMode): bigint {
  switch (c.kind) {
    case 'fixed':
      return divideRounded(c.value.units * toMinor, pow10(c.value.scale), mode);
    case 'perPiece':
      return divideRounded(c.value.units * toMinor * quantity.units, pow10(c.value.scale + quantity.scale), mode);
    case 'percent':
      return divideRounded(base * c.value.units, pow10(c.value.scale + 2), mode);
  }
}

// perCode and perDocument: each code's exact document total rounded once, allocated back to its
// parts by largest remainder over the exact parts, with a trace step per code.
function allocatePerCode(a: {
  readonly ctx: Context;
  readonly currency: string;
  readonly exp: number;
  readonly mode: RoundingMode;
  readonly keys: readonly string[];
  readonly profiles: readonly Profile[];
  readonly offsets: readonly number[];
  readonly exact: readonly bigint[];
  readonly rounded: bigint[];
  readonly trace: InvoiceTraceStep[];
}): void {
  const { codes, den } = a.ctx;
  const parts: { entry: number; at: number }[][] = codes.map(() => []);
  a.profiles.forEach((profile, i) => {
    const o = a.offsets[i] as number;
    profile.codes.forEach((k, j) => (parts[k] as { entry: number; at: number }[]).push({ entry: i, at: o + j }));
  });
  codes.forEach((code, k) => {
    const ps = parts[k] as { entry: number; at: number }[];
    if (ps.length === 0) return;
    let sum = 0n;
    for (const p of ps) sum += a.exact[p.at] as bigint;
    const total = divideRounded(sum, den, a.mode);
    const m = (minor: bigint): Money => sameCurrencyMoney(minor, a.currency);
    const weights = ps.map((p) => maxZero(a.exact[p.at] as bigint));
    const shares = weights.some((w) => w > 0n) ? allocateMoney(m(total), weights) : ps.map((_, i) => m(i === 0 ? total : 0n));
    ps.forEach((p, i) => {
      a.rounded[p.at] = (shares[i] as Money).minor;
    });
    a.trace.push({
      kind: 'taxAllocation',
      code: code.id,
      exact: exactText({ n: sum, d: den }, a.exp),
      rounded: m(total),
      parts: ps.map((p, i) => ({ entry: a.keys[p.entry] as string, code: code.id, exact: exactText({ n: a.exact[p.at] as bigint, d: den }, a.exp), amount: shares[i] as Money })),
    });
  });
}
