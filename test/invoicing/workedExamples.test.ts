import { describe, expect, test } from 'vitest';
import { calendarDate } from '../../src/calendar/CalendarDate.js';
import { calculateInvoice } from '../../src/invoicing/calculateInvoice.js';
import type { Money } from '../../src/money/Money.js';
import { moneyToJSON } from '../../src/money/moneyJSON.js';
import { dueDate, PaymentTermsSchema } from '../../src/invoicing/paymentTerms.js';

const ten = { id: 'T', calculation: { kind: 'percent', rate: '10' } };
const ten2 = { id: 'U', calculation: { kind: 'percent', rate: '10' } };
const line = (id: string, unitPrice: string, group: string[] = ['T'], quantity = '1') => ({ id, item: 'A', itemTaxGroup: group, quantity, unitPrice });
const doc = (level: string, over: Record<string, unknown> = {}) => ({
  currency: 'EUR',
  invoiceDate: '2026-01-31',
  customerTaxGroup: ['T', 'U', 'B'],
  taxCodes: [ten],
  priceMode: 'taxExcluded',
  rounding: { level, mode: 'up', taxIncluded: 'keepTotal' },
  lines: [line('1', '42.42'), line('2', '42.42')],
  ...over,
});
const str = (x: Money | undefined): string => (x === undefined ? 'undefined' : `${x.currency} ${moneyToJSON(x).amount}`);
const amounts = (xs: readonly { amount: Money }[]): string[] => xs.map((x) => str(x.amount));

describe('reference §3 worked examples (d365-semantics.md §3.1)', () => {
  test('line + per code, round up: each 4.242 → 4.25', () => {
    const inv = calculateInvoice(doc('perLine'));
    expect(inv.lines.map((l) => amounts(l.taxes))).toEqual([['EUR 4.25'], ['EUR 4.25']]);
  });
  test('total + per code: 8.484 → 8.49, allocated 4.25 + 4.24', () => {
    const inv = calculateInvoice(doc('perDocument'));
    expect(str(inv.taxes[0]?.amount)).toBe('EUR 8.49');
    expect(inv.lines.map((l) => amounts(l.taxes))).toEqual([['EUR 4.25'], ['EUR 4.24']]);
    expect(inv.trace[0]).toMatchObject({ kind: 'taxAllocation', code: 'T', exact: '8.48400000' });
  });
  test('line + per code combination: 16.968 → 16.97, allocated 4.25 / 4.24 / 4.24 / 4.24', () => {
    const inv = calculateInvoice(doc('perCodeCombination', { taxCodes: [ten, ten2], lines: [line('1', '42.42', ['T', 'U']), line('2', '42.42', ['T', 'U'])] }));
    expect(inv.lines.map((l) => amounts(l.taxes))).toEqual([['EUR 4.25', 'EUR 4.24'], ['EUR 4.24', 'EUR 4.24']]);
    expect(str(inv.totals.tax)).toBe('EUR 16.97');
  });
  const brackets = {
    id: 'B',
    calculation: { kind: 'brackets', method: 'interval', brackets: [{ upTo: '50', rate: '30' }, { upTo: '100', rate: '20' }, { upTo: null, rate: '10' }] },
  };
  test('interval brackets: 200 on one line → 35.00; split over two lines → 50.00', () => {
    const one = calculateInvoice(doc('perLine', { taxCodes: [brackets], lines: [line('1', '200', ['B'])] }));
    const two = calculateInvoice(doc('perLine', { taxCodes: [brackets], lines: [line('1', '100', ['B']), line('2', '100', ['B'])] }));
    const whole = calculateInvoice(doc('perDocument', { taxCodes: [brackets], lines: [line('1', '100', ['B']), line('2', '100', ['B'])] }));
    expect([str(one.totals.tax), str(two.totals.tax), str(whole.totals.tax)]).toEqual(['EUR 35.00', 'EUR 50.00', 'EUR 35.00']);
  });
  test('whole-amount brackets tax the whole base at its bracket rate: 200 → 20.00', () => {
    const w = { ...brackets, calculation: { ...brackets.calculation, method: 'whole' } };
    expect(str(calculateInvoice(doc('perLine', { taxCodes: [w], lines: [line('1', '200', ['B'])] })).totals.tax)).toBe('EUR 20.00');
  });
  test('origin percentage of net: 10 × 1.00 − 10 % = 9.00 → tax 2.25 at 25 %', () => {
    const inv = calculateInvoice(doc('perLine', { taxCodes: [{ id: 'T', calculation: { kind: 'percent', rate: '25' } }], lines: [{ ...line('1', '1.00', ['T'], '10'), discountPercent: '10' }] }));
    expect([str(inv.lines[0]?.net), str(inv.totals.tax)]).toEqual(['EUR 9.00', 'EUR 2.25']);
  });
  test('tax on tax: B includes A in its base (10 % then 5 % of 110)', () => {
    const inv = calculateInvoice(doc('perLine', { taxCodes: [ten, { id: 'U', calculation: { kind: 'percent', rate: '5' }, baseIncludes: ['T'] }], lines: [line('1', '100', ['T', 'U'])] }));
    expect(inv.lines[0]?.taxes.map((t) => [str(t.base), str(t.amount)])).toEqual([['EUR 100.00', 'EUR 10.00'], ['EUR 110.00', 'EUR 5.50']]);
  });
  test('calculated percentage of net (gross-up), line, round up: 42.42 × 10 % / (1 − 10 %) = 4.7133 → 4.72', () => {
    const g = { id: 'T', calculation: { kind: 'grossUp', rate: '10' } };
    const inv = calculateInvoice(doc('perLine', { taxCodes: [g], lines: [line('1', '42.42')] }));
    expect(str(inv.totals.tax)).toBe('EUR 4.72');
    // price-included: the tax is 10 % of the price, the base is the rest
    const incl = calculateInvoice(doc('perLine', { taxCodes: [g], priceMode: 'taxIncluded', lines: [line('1', '100.00')] }));
    expect([str(incl.lines[0]?.net), str(incl.totals.tax), str(incl.totals.total)]).toEqual(['EUR 90.00', 'EUR 10.00', 'EUR 100.00']);
  });
  test('percentage of gross amount: on the net plus every other tax of the line, computed last', () => {
    const vat = { id: 'T', calculation: { kind: 'percent', rate: '19' } };
    const gross = { id: 'S', calculation: { kind: 'percentOfGross', rate: '2' } };
    const inv = calculateInvoice(doc('perLine', { customerTaxGroup: ['T', 'S'], taxCodes: [gross, vat], lines: [line('1', '100', ['T', 'S'])] }));
    expect(inv.lines[0]?.taxes.map((t) => [t.code, str(t.base), str(t.amount)])).toEqual([
      ['S', 'EUR 119.00', 'EUR 2.38'],
      ['T', 'EUR 100.00', 'EUR 19.00'],
    ]);
  });
  test('per-unit tax in the base of percent codes (calculate before sales tax): 10 × 1.00 + 10 × 0.15, 19 % of 11.50', () => {
    const vat = { id: 'T', calculation: { kind: 'percent', rate: '19' } };
    const unit = (inPercentBase: boolean) => ({ id: 'U', calculation: { kind: 'amountPerUnit', amount: '0.15', inPercentBase } });
    const before = calculateInvoice(doc('perLine', { taxCodes: [vat, unit(true)], lines: [line('1', '1.00', ['T', 'U'], '10')], rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' } }));
    expect(before.lines[0]?.taxes.map((t) => [t.code, str(t.base), str(t.amount)])).toEqual([
      ['T', 'EUR 11.50', 'EUR 2.19'],
      ['U', 'EUR 10.00', 'EUR 1.50'],
    ]);
    const after = calculateInvoice(doc('perLine', { taxCodes: [vat, unit(false)], lines: [line('1', '1.00', ['T', 'U'], '10')], rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' } }));
    expect(str(after.lines[0]?.taxes[0]?.amount)).toBe('EUR 1.90');
  });
  test('applicable codes are the intersection of the customer and item groups; exempt and reverse charge', () => {
    const inv = calculateInvoice(
      doc('perLine', {
        customerTaxGroup: ['T', 'X', 'R'],
        taxCodes: [ten, ten2, { id: 'X', calculation: { kind: 'percent', rate: '0' }, treatment: 'exempt' }, { id: 'R', calculation: { kind: 'percent', rate: '20' }, treatment: 'reverseCharge' }],
        lines: [line('1', '100', ['T', 'U']), line('2', '50', ['X']), line('3', '10', ['R'])],
      }),
    );
    expect(inv.taxes.map((t) => [t.code, str(t.base), str(t.amount), str(t.selfAssessed)])).toEqual([
      ['T', 'EUR 100.00', 'EUR 10.00', 'EUR 0.00'],
      ['X', 'EUR 50.00', 'EUR 0.00', 'EUR 0.00'],
      ['R', 'EUR 10.00', 'EUR 0.00', 'EUR 2.00'],
    ]);
    expect(str(inv.totals.total)).toBe('EUR 170.00');
  });
  test('tax-included 10.00 at 19 %: keep the total (net 8.40) or keep the net', () => {
    const vat = { id: 'T', calculation: { kind: 'percent', rate: '19' } };
    const keepTotal = calculateInvoice(doc('perLine', { taxCodes: [vat], priceMode: 'taxIncluded', lines: [line('1', '10.00')], rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' } }));
    expect([str(keepTotal.lines[0]?.net), str(keepTotal.totals.tax), str(keepTotal.totals.total)]).toEqual(['EUR 8.40', 'EUR 1.60', 'EUR 10.00']);
    const keepNet = calculateInvoice(doc('perLine', { taxCodes: [vat], priceMode: 'taxIncluded', lines: [line('1', '10.00'), line('2', '10.00'), line('3', '10.00')], rounding: { level: 'perCode', mode: 'halfUp', taxIncluded: 'keepNet' } }));
    expect([str(keepNet.totals.net), str(keepNet.totals.tax), str(keepNet.totals.total)]).toEqual(['EUR 25.20', 'EUR 4.79', 'EUR 29.99']);
  });
  test('charges: line fixed / per piece / percent, header charge spread by quantity, with tax on charges', () => {
    const inv = calculateInvoice(
      doc('perLine', {
        lines: [
          { ...line('1', '10', ['T'], '3'), charges: [{ id: 'pack', kind: 'perPiece', value: '0.50', taxGroup: ['T'] }] },
          { ...line('2', '20', ['T'], '1'), charges: [{ id: 'ins', kind: 'percent', value: '2', taxGroup: [] }] },
        ],
        headerCharges: [{ id: 'freight', kind: 'fixed', value: '10.00', taxGroup: ['T'], spread: 'byQuantity' }],
      }),
    );
    expect(inv.lines.map((l) => l.charges.map((c) => str(c.amount)))).toEqual([['EUR 1.50'], ['EUR 0.40']]);
    expect(inv.headerCharges[0]?.spread.map(str)).toEqual(['EUR 7.50', 'EUR 2.50']);
    expect([str(inv.totals.charges), str(inv.totals.tax), str(inv.totals.total)]).toEqual(['EUR 11.90', 'EUR 6.15', 'EUR 68.05']);
  });
  test('compound header charges (reference §3.2): freight 100 then handling 2 % compound → 102; handling first adds 0', () => {
    const freight = { id: 'freight', kind: 'fixed', value: '100', taxGroup: [], spread: 'equally' };
    const handling = { id: 'handling', kind: 'percent', value: '2', taxGroup: [], spread: 'equally', compound: true };
    const free = { lines: [line('1', '0')] };
    expect(str(calculateInvoice(doc('perLine', { ...free, headerCharges: [freight, handling] })).totals.charges)).toBe('EUR 102.00');
    expect(str(calculateInvoice(doc('perLine', { ...free, headerCharges: [handling, freight] })).totals.charges)).toBe('EUR 100.00');
    // with line nets of 84.84: 2 % of 184.84 = 3.70 (up); not compound: 2 % of 84.84 = 1.70
    expect(calculateInvoice(doc('perLine', { headerCharges: [freight, handling] })).headerCharges.map((c) => str(c.amount))).toEqual(['EUR 100.00', 'EUR 3.70']);
    expect(calculateInvoice(doc('perLine', { headerCharges: [freight, { ...handling, compound: false }] })).headerCharges.map((c) => str(c.amount))).toEqual(['EUR 100.00', 'EUR 1.70']);
  });
  test('cash rounding of 11.03 to 0.05: a rounding line, or the largest tax absorbs it', () => {
    const base = { lines: [line('1', '10.03')], rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' } };
    const withLine = calculateInvoice(doc('perLine', { ...base, cashRounding: { increment: '0.05', mode: 'halfUp', method: 'roundingLine' } }));
    expect([str(withLine.totals.tax), str(withLine.totals.cashRounding), str(withLine.totals.total)]).toEqual(['EUR 1.00', 'EUR 0.02', 'EUR 11.05']);
    const inTax = calculateInvoice(doc('perLine', { ...base, cashRounding: { increment: '0.05', mode: 'halfUp', method: 'adjustLargestTax' } }));
    expect([str(inTax.totals.tax), str(inTax.totals.cashRounding), str(inTax.lines[0]?.taxes[0]?.amount), str(inTax.totals.total)]).toEqual(['EUR 1.02', 'EUR 0.00', 'EUR 1.02', 'EUR 11.05']);
  });
  test('payment terms: current month + 30 days from 24 Jan 2024 → 1 Mar 2024 (reference §3.4)', () => {
    expect(dueDate(calendarDate('2024-01-24'), PaymentTermsSchema.parse({ method: 'currentMonth', days: 30 }))).toBe('2024-03-01');
    expect(dueDate(calendarDate('2024-01-24'), PaymentTermsSchema.parse({ method: 'net', days: 14, paymentDays: { kind: 'weekdays', days: [5] } }))).toBe('2024-02-09');
    expect(dueDate(calendarDate('2024-01-24'), PaymentTermsSchema.parse({ method: 'currentMonth', cutOffDay: 20, days: 10 }))).toBe('2024-03-10');
    expect(dueDate(calendarDate('2024-02-10'), PaymentTermsSchema.parse({ method: 'currentQuarter', days: 15, paymentDays: { kind: 'daysOfMonth', days: [15, 31] } }))).toBe('2024-04-15');
  });
  test('instalments by percent, tax on the first; the last absorbs the remainder; chained cash discounts', () => {
    const inv = calculateInvoice(
      doc('perLine', {
        lines: [line('1', '100.01')],
        rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' },
        paymentTerms: {
          method: 'net',
          days: 30,
          schedule: { allocation: 'percent', parts: [{ value: '33.3', days: 0 }, { value: '33.3', days: 30 }, { value: '33.4', days: 60 }], tax: 'first', mode: 'halfUp' },
          cashDiscounts: [{ percent: '3', days: 5 }, { percent: '2', days: 10 }],
        },
      }),
    );
    expect(inv.instalments.map((i) => [i.dueDate, str(i.amount), str(i.tax)])).toEqual([
      ['2026-03-02', 'EUR 43.30', 'EUR 10.00'],
      ['2026-04-01', 'EUR 33.30', 'EUR 0.00'],
      ['2026-05-01', 'EUR 33.41', 'EUR 0.00'],
    ]);
    expect(inv.cashDiscounts.map((c) => [c.until, str(c.amount)])).toEqual([['2026-02-05', 'EUR 3.30'], ['2026-02-10', 'EUR 2.20']]);
  });
  test('two currencies: each set balances on its own', () => {
    const inv = calculateInvoice(doc('perLine', { lines: [line('1', '10.01'), line('2', '10.01'), line('3', '10.01')], accounting: { currency: 'JPY', rate: '161.237', mode: 'halfEven' } }));
    const a = inv.accounting;
    expect(a?.lineNets.map(str)).toEqual(['JPY 1614', 'JPY 1614', 'JPY 1614']);
    expect([str(a?.totals.tax), str(a?.totals.total)]).toEqual(['JPY 488', 'JPY 5330']);
  });
});

describe('errors', () => {
  test('names the field of a float price', () => {
    expect(() => calculateInvoice(doc('perLine', { lines: [{ ...line('1', '1'), unitPrice: 0.1 }] }))).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: document.lines[0].unitPrice: is the binary float 0.1: pass it as the decimal string "0.1" so no digit is lost]`);
  });
  test('a code may only include earlier codes in its base', () => {
    expect(() => calculateInvoice(doc('perLine', { taxCodes: [{ ...ten, baseIncludes: ['U'] }, ten2] }))).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: document.taxCodes[0].baseIncludes[0]: must name a tax code listed before T]`);
  });
  test('at most one percent-of-gross code, and no code includes it in its base', () => {
    const s1 = { id: 'S', calculation: { kind: 'percentOfGross', rate: '2' } };
    const s2 = { id: 'Z', calculation: { kind: 'percentOfGross', rate: '1' } };
    expect(() => calculateInvoice(doc('perLine', { taxCodes: [s1, s2] }))).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: document.taxCodes[1]: only one percentOfGross code per document: S is one already]`);
    expect(() => calculateInvoice(doc('perLine', { taxCodes: [s1, { ...ten, baseIncludes: ['S'] }] }))).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: document.taxCodes[1].baseIncludes[0]: cannot name the percentOfGross code S: it is computed last, on the net and every other tax]`);
  });
  test('only a percent header charge compounds', () => {
    expect(() => calculateInvoice(doc('perLine', { headerCharges: [{ id: 'f', kind: 'fixed', value: '1', spread: 'equally', compound: true }] }))).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: document.headerCharges[0].compound: only a percent charge can be compound]`);
  });
  test('a gross-up rate must be below 100', () => {
    expect(() => calculateInvoice(doc('perLine', { taxCodes: [{ id: 'T', calculation: { kind: 'grossUp', rate: '100' } }] }))).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: document.taxCodes[0].calculation.rate: must be below 100]`);
  });
  test('the rounding policy comes from options or the document, in one place', () => {
    const { rounding, ...rest } = doc('perCode');
    expect(str(calculateInvoice(rest, { rounding: rounding as never }).lines[1]?.taxes[0]?.amount)).toBe('EUR 4.24');
    expect(() => calculateInvoice(rest)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: document.rounding: is required: pass the rounding policy as options.rounding or as document.rounding]`);
    expect(() => calculateInvoice(doc('perLine'), { rounding: rounding as never })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.rounding: differs from document.rounding: give the rounding policy in one place]`);
    expect(() => calculateInvoice(rest, { rounding: { level: 'perCode' } as never })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: options.rounding.mode: Invalid option: expected one of "halfUp"|"halfDown"|"halfEven"|"up"|"down"|"ceiling"|"floor"; options.rounding.taxIncluded: Invalid option: expected one of "keepTotal"|"keepNet"]`);
  });
  test('rounding must be named', () => {
    expect(() => calculateInvoice({ ...doc('perLine'), rounding: { level: 'perLine' } })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: document.rounding.mode: Invalid option: expected one of "halfUp"|"halfDown"|"halfEven"|"up"|"down"|"ceiling"|"floor"; document.rounding.taxIncluded: Invalid option: expected one of "keepTotal"|"keepNet"]`);
  });
});
