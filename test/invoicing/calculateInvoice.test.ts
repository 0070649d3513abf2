import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compareDates } from '../../src/calendar/compareDates.js';
import type { Money } from '../../src/money/Money.js';
import { type CalculateInvoiceOptions, calculateInvoice } from '../../src/invoicing/calculateInvoice.js';
import type { Invoice, TaxAmount } from '../../src/invoicing/Invoice.js';
import { invoiceDocumentArb } from '../../src/testkit/index.js';
import { deepFreeze, Oracle, oracleOfMoney, oracleUnits } from '../helpers.js';
import { minorUnitOf } from '../../src/money/currencies.js';
import { formatScaled } from '../../src/money/formatScaled.js';
import { ROUNDING_MODES } from '../../src/money/rounding.js';

const sum = (xs: readonly Money[]): bigint => xs.reduce((a, x) => a + x.minor, 0n);

function expectBalanced(inv: Invoice): void {
  const t = inv.totals;
  expect(t.net.minor + t.charges.minor + t.tax.minor + t.cashRounding.minor).toBe(t.total.minor);
  expect(sum(inv.lines.map((l) => l.net))).toBe(t.net.minor);
  const charges = [...inv.lines.flatMap((l) => l.charges.map((c) => c.amount)), ...inv.headerCharges.map((c) => c.amount)];
  expect(sum(charges)).toBe(t.charges.minor);
  expect(sum(inv.taxes.map((x) => x.amount))).toBe(t.tax.minor);
  const parts: TaxAmount[] = [...inv.lines.flatMap((l) => [...l.taxes, ...l.charges.flatMap((c) => c.taxes)]), ...inv.headerCharges.flatMap((c) => c.taxes)];
  for (const code of inv.taxes) expect(sum(parts.filter((p) => p.code === code.code).map((p) => p.amount))).toBe(code.amount.minor);
  for (const h of inv.headerCharges) if (inv.lines.length > 0 && h.spread.some((s) => s.minor !== 0n)) expect(sum(h.spread)).toBe(h.amount.minor);
  const a = inv.accounting;
  if (a !== null) {
    expect(a.totals.net.minor + a.totals.charges.minor + a.totals.tax.minor + a.totals.cashRounding.minor).toBe(a.totals.total.minor);
    expect(sum(a.lineNets)).toBe(a.totals.net.minor);
    expect(sum(a.taxes.map((x) => x.amount))).toBe(a.totals.tax.minor);
    expect(sum([...a.lineTaxes.flat(), ...a.chargeTaxes.flat()])).toBe(a.totals.tax.minor);
    for (const code of a.taxes) {
      const lists = [...inv.lines.map((l) => l.taxes), ...inv.lines.flatMap((l) => l.charges.map((c) => c.taxes)), ...inv.headerCharges.map((h) => h.taxes)];
      const accLists = [...a.lineTaxes, ...a.chargeTaxes];
      let s = 0n;
      lists.forEach((ts, i) => ts.forEach((t, j) => { if (t.code === code.code) s += accLists[i]?.[j]?.minor ?? 0n; }));
      expect(s).toBe(code.amount.minor);
    }
  }
}

describe('calculateInvoice properties', () => {
  test.prop([invoiceDocumentArb()])('balances at every level under every policy and mode, in both currencies', (doc) => {
    expectBalanced(calculateInvoice(doc));
  });

  test.prop([invoiceDocumentArb()])('instalments add up to the total and no due date precedes the invoice date', (doc) => {
    const inv = calculateInvoice(doc);
    if (inv.dueDate === null) return;
    expect(sum(inv.instalments.map((i) => i.amount))).toBe(inv.totals.total.minor);
    expect(sum(inv.instalments.map((i) => i.tax))).toBe(inv.totals.tax.minor);
    for (const i of inv.instalments) expect(compareDates(i.dueDate, inv.invoiceDate)).toBeGreaterThanOrEqual(0);
    expect(compareDates(inv.dueDate, inv.invoiceDate)).toBeGreaterThanOrEqual(0);
  });

  test.prop([invoiceDocumentArb({ maxLines: 3 })])('the rounding policy in options gives the invoice the same policy in the document gives', (doc) => {
    const { rounding, ...rest } = doc;
    const viaOptions = calculateInvoice(rest, { rounding } as CalculateInvoiceOptions);
    expect(JSON.stringify(viaOptions)).toBe(JSON.stringify(calculateInvoice(doc)));
    expect(JSON.stringify(calculateInvoice(doc, { rounding } as CalculateInvoiceOptions))).toBe(JSON.stringify(viaOptions));
  });

  test.prop([invoiceDocumentArb({ maxLines: 3 })])('does not mutate its input and is deterministic', (doc) => {
    const copy = structuredClone(doc);
    const frozen = deepFreeze(structuredClone(doc));
    const a = calculateInvoice(frozen);
    expect(frozen).toEqual(copy);
    expect(JSON.stringify(calculateInvoice(JSON.parse(JSON.stringify(doc)) as unknown))).toBe(JSON.stringify(a));
  });

  test.prop([invoiceDocumentArb({ taxIncluded: false, exoticCodes: false })])(
    'per-code rounding: each code total is within one minor unit of the exact tax (decimal.js oracle)',
    (doc) => {
      const d = { ...doc, rounding: { level: 'perCode', mode: 'halfEven', taxIncluded: 'keepTotal' }, cashRounding: null };
      const inv = calculateInvoice(d);
      const codes = doc.taxCodes as { id: string; calculation: { rate: string } }[];
      const rate = (id: string) => new Oracle(codes.find((c) => c.id === id)?.calculation.rate ?? '0').div(100);
      const bases = [...inv.lines.flatMap((l) => [{ net: l.net, taxes: l.taxes }, ...l.charges.map((c) => ({ net: c.amount, taxes: c.taxes }))]), ...inv.headerCharges.map((c) => ({ net: c.amount, taxes: c.taxes }))];
      let exactA = new Oracle(0);
      let exactB = new Oracle(0);
      for (const b of bases) {
        const hasA = b.taxes.some((t) => t.code === 'A');
        const hasB = b.taxes.some((t) => t.code === 'B');
        const ta = hasA ? oracleOfMoney(b.net).times(rate('A')) : new Oracle(0);
        exactA = exactA.plus(ta);
        if (hasB) exactB = exactB.plus(oracleOfMoney(b.net).plus(ta).times(rate('B')));
      }
      const unit = oracleOfMoney({ minor: 1n, currency: inv.currency });
      for (const [code, exact] of [['A', exactA], ['B', exactB]] as const) {
        const t = inv.taxes.find((x) => x.code === code);
        if (t === undefined) continue;
        expect(oracleOfMoney(t.amount).minus(exact).abs().lte(unit.div(2))).toBe(true);
      }
    },
  );

  test.prop([invoiceDocumentArb({ taxIncluded: false, exoticCodes: false }), fc.constantFrom(...ROUNDING_MODES), fc.constantFrom('5', '10', '33.3')])(
    'gross-up, percent of gross and per-unit tax in the percent base: each line tax is the decimal.js oracle rounded once (per line)',
    (doc, mode, rate) => {
      const taxCodes = [
        { id: 'P', calculation: { kind: 'amountPerUnit', amount: '0.15', inPercentBase: true } },
        { id: 'A', calculation: { kind: 'percent', rate: '19' } },
        { id: 'G', calculation: { kind: 'grossUp', rate } },
        { id: 'S', calculation: { kind: 'percentOfGross', rate: '2' } },
      ];
      const groups = [['P', 'A', 'G', 'S'], ['A', 'S'], ['G'], ['P', 'G'], ['S']];
      const lines = (doc.lines as Record<string, unknown>[]).map((l, i) => ({ ...l, charges: [], itemTaxGroup: groups[i % groups.length] }));
      const d = { ...doc, customerTaxGroup: ['P', 'A', 'G', 'S'], taxCodes, lines, headerCharges: [], cashRounding: null, rounding: { level: 'perLine', mode, taxIncluded: 'keepTotal' } };
      const inv = calculateInvoice(d);
      const places = minorUnitOf(inv.currency) ?? 0;
      const round = (x: InstanceType<typeof Oracle>): bigint => oracleUnits(x, places, mode);
      inv.lines.forEach((l, i) => {
        const group = groups[i % groups.length] as string[];
        const net = oracleOfMoney(l.net);
        const perUnit = group.includes('P') ? new Oracle(formatScaled(l.quantity)).times('0.15') : new Oracle(0);
        const a = group.includes('A') ? net.plus(perUnit).times('0.19') : new Oracle(0);
        const g = group.includes('G') ? net.plus(perUnit).times(rate).div(new Oracle(100).minus(rate)) : new Oracle(0);
        const gross = group.includes('S') ? net.plus(perUnit).plus(a).plus(g).times('0.02') : new Oracle(0);
        const expected: Record<string, bigint> = { P: round(perUnit), A: round(a), G: round(g), S: round(gross) };
        for (const t of l.taxes) expect([t.code, t.amount.minor]).toEqual([t.code, expected[t.code]]);
        expect(l.taxes.map((t) => t.code)).toEqual(group);
      });
    },
  );

  test.prop([invoiceDocumentArb({ taxIncluded: false, exoticCodes: false, maxLines: 1 })])(
    'tax-excluded → tax-included round trip keeps the total and the net within one minor unit',
    (doc) => {
      const line = (doc.lines as Record<string, unknown>[])[0] as Record<string, unknown>;
      const base = { ...doc, totalDiscountPercent: '0', headerCharges: [], cashRounding: null, accounting: null, taxCodes: [(doc.taxCodes as unknown[])[0]] };
      const excl = calculateInvoice({ ...base, rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' }, lines: [{ ...line, quantity: '1', discountPercent: '0', charges: [], itemTaxGroup: ['A'] }] });
      const l = excl.lines[0];
      if (l === undefined) return;
      const gross = excl.totals.total;
      const incl = calculateInvoice({
        ...base,
        priceMode: 'taxIncluded',
        rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' },
        lines: [{ ...line, quantity: '1', discountPercent: '0', charges: [], itemTaxGroup: ['A'], unitPrice: oracleOfMoney(gross).toFixed() }],
      });
      expect(incl.totals.total).toEqual(gross);
      const back = incl.lines[0]?.net.minor ?? 0n;
      expect(back - l.net.minor <= 1n && l.net.minor - back <= 1n).toBe(true);
    },
  );
});
