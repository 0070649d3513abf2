import { allocateMoney } from '../../money/allocateMoney.js';
import { minorUnitOf } from '../../money/currencies.js';
import { type Money, sameCurrencyMoney } from '../../money/Money.js';
import { roundMoneyToIncrement } from '../../money/roundToIncrement.js';
import { divideRounded, type RoundingMode } from '../../money/rounding.js';
import { pow10, type Scaled } from '../../money/Scaled.js';
import type { AccountingAmounts, ChargeAmount, HeaderChargeAmount, Invoice, InvoiceLine, InvoiceTotals, InvoiceTraceStep, TaxAmount, TaxTotal } from '../Invoice.js';
import type { InvoiceDocument } from '../InvoiceDocument.js';
import { exactText, type InvoiceParts } from './invoiceParts.js';
import { buildSchedule } from './schedule.js';

/**
 * The invoice from its computed parts: document totals, cash rounding, accounting-currency
 * amounts, due date, instalments and cash discounts (steps 9–12 of docs/invoicing.md).
 */
export function assembleInvoice(doc: InvoiceDocument, parts: InvoiceParts): Invoice {
  const currency = doc.currency;
  const exp = minorUnitOf(currency) ?? 0;
  const m = (minor: bigint): Money => sameCurrencyMoney(minor, currency);
  const { lines, headerCharges, taxes, trace } = parts;
  let net = 0n;
  let charges = 0n; // line and header charges
  for (const l of lines) {
    net += l.net.minor;
    for (const c of l.charges) charges += c.amount.minor;
  }
  for (const h of headerCharges) charges += h.amount.minor;
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

  const accounting =
    doc.accounting === null
      ? null
      : toAccounting(doc.accounting, lines, headerCharges, [...lines.flatMap((l) => l.charges.map((c) => c.amount)), ...headerCharges.map((c) => c.amount)], taxes, totals, trace, exp);
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
