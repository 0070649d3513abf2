import fc from 'fast-check';
import { fromEpochDay } from '../calendar/epochDay.js';
import { ROUNDING_MODES } from '../money/rounding.js';

/** Options of {@link invoiceDocumentArb}. */
export type InvoiceDocumentArbOptions = {
  /** Most lines (default 6). */
  readonly maxLines?: number;
  /** Include price-included documents (default true). */
  readonly taxIncluded?: boolean;
  /** Include bracket, per-unit, exempt, reverse-charge, gross-up and percent-of-gross codes (default true). */
  readonly exoticCodes?: boolean;
};

const decimalText = (maxUnits: number, scale: number): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: maxUnits }).map((u) => {
    if (scale === 0) return String(u);
    const s = String(u).padStart(scale + 1, '0');
    return `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  });

/**
 * Invoice documents as a host sends them (decimal strings): 1–6 lines, two percent codes of which
 * the second is tax on tax, optionally a per-unit, an exempt, a reverse-charge, a gross-up, a
 * per-unit code in the percent base, a percent-of-gross and (price-excluded) a bracket code, line
 * and header charges (some percent header charges compound), every rounding level and mode, cash
 * rounding, an accounting currency and payment terms with instalments.
 * @example
 * fc.sample(invoiceDocumentArb({ maxLines: 3 }), 1)
 */
export function invoiceDocumentArb(options: InvoiceDocumentArbOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const exotic = options.exoticCodes ?? true;
  const code = exotic ? fc.constantFrom('A', 'B', 'C', 'X', 'R', 'K', 'G', 'P', 'S') : fc.constantFrom('A', 'B', 'C', 'X', 'R', 'K');
  const line = fc.record({
    item: fc.constantFrom('apple', 'pear'),
    itemTaxGroup: fc.uniqueArray(code, { maxLength: 6 }),
    quantity: decimalText(100_000, 3),
    unitPrice: decimalText(1_000_000, 4),
    discountPercent: decimalText(10_000, 2),
    charges: fc.array(
      fc.record({ kind: fc.constantFrom('fixed', 'perPiece', 'percent'), value: decimalText(2_000, 2), taxGroup: fc.uniqueArray(code, { maxLength: 3 }) }),
      { maxLength: 2 },
    ),
  });
  return fc
    .record({
      currency: fc.constantFrom('EUR', 'JPY', 'KWD'),
      priceMode: options.taxIncluded === false ? fc.constant('taxExcluded') : fc.constantFrom('taxExcluded', 'taxIncluded'),
      level: fc.constantFrom('perUnit', 'perLine', 'perCode', 'perCodeCombination', 'perDocument'),
      mode: fc.constantFrom(...ROUNDING_MODES),
      keep: fc.constantFrom('keepTotal', 'keepNet'),
      rateA: decimalText(2_500, 2),
      rateB: decimalText(1_000, 2),
      lines: fc.array(line, { minLength: 1, maxLength: options.maxLines ?? 6 }),
      totalDiscountPercent: decimalText(2_000, 2),
      headerCharges: fc.array(
        fc.record({
          kind: fc.constantFrom('fixed', 'perPiece', 'percent'),
          value: decimalText(5_000, 2),
          taxGroup: fc.uniqueArray(code, { maxLength: 3 }),
          spread: fc.constantFrom('byAmount', 'byQuantity', 'equally'),
          compound: fc.boolean(),
        }),
        { maxLength: 2 },
      ),
      cashRounding: fc.option(fc.record({ increment: fc.constantFrom('0.05', '0.10', '1'), mode: fc.constantFrom(...ROUNDING_MODES), method: fc.constantFrom('roundingLine', 'adjustLargestTax') })),
      accounting: fc.option(fc.record({ currency: fc.constantFrom('USD', 'JPY'), rate: fc.integer({ min: 1, max: 2_000_000 }).map((u) => `${Math.floor(u / 10_000)}.${String(u % 10_000).padStart(4, '0')}`), mode: fc.constantFrom(...ROUNDING_MODES) })),
      terms: fc.option(
        fc.record({
          method: fc.constantFrom('net', 'currentMonth', 'currentQuarter', 'currentYear'),
          days: fc.integer({ min: 0, max: 90 }),
          cutOffDay: fc.option(fc.integer({ min: 1, max: 31 })),
          paymentDays: fc.option(fc.oneof(fc.record({ kind: fc.constant('weekdays'), days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }) }), fc.record({ kind: fc.constant('daysOfMonth'), days: fc.uniqueArray(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 3 }) }))),
          schedule: fc.option(
            fc.record({
              allocation: fc.constantFrom('percent', 'amount'),
              parts: fc.array(fc.record({ value: fc.constantFrom('10', '25', '33.3'), days: fc.integer({ min: 0, max: 120 }) }), { minLength: 1, maxLength: 4 }),
              tax: fc.constantFrom('first', 'last', 'proportional'),
              mode: fc.constantFrom(...ROUNDING_MODES),
            }),
          ),
          cashDiscounts: fc.constantFrom([], [{ percent: '3', days: 5 }, { percent: '2', days: 10 }]),
        }),
      ),
      invoiceDate: fc.integer({ min: 18_262, max: 21_262 }).map((d) => fromEpochDay(d) as string), // 2020-01-01 onwards
    })
    .map((r) => {
      const taxCodes: Record<string, unknown>[] = [
        { id: 'A', calculation: { kind: 'percent', rate: r.rateA } },
        { id: 'B', calculation: { kind: 'percent', rate: r.rateB }, baseIncludes: ['A'] },
      ];
      if (exotic) {
        taxCodes.push({ id: 'C', calculation: { kind: 'amountPerUnit', amount: '0.15' } });
        taxCodes.push({ id: 'X', calculation: { kind: 'percent', rate: '0' }, treatment: 'exempt' });
        taxCodes.push({ id: 'R', calculation: { kind: 'percent', rate: '20' }, treatment: 'reverseCharge' });
        taxCodes.push({
          id: 'K',
          calculation: { kind: 'brackets', method: 'interval', brackets: [{ upTo: '50', rate: '30' }, { upTo: '100', rate: '20' }, { upTo: null, rate: '10' }] },
          priceIncluded: false,
        });
        taxCodes.push({ id: 'G', calculation: { kind: 'grossUp', rate: '5' } });
        taxCodes.push({ id: 'P', calculation: { kind: 'amountPerUnit', amount: '0.10', inPercentBase: true } });
        taxCodes.push({ id: 'S', calculation: { kind: 'percentOfGross', rate: '1.5' }, priceIncluded: false });
      }
      const schedule = r.terms?.schedule ?? null;
      const fixedSchedule =
        schedule === null
          ? null
          : schedule.allocation === 'percent'
            ? { ...schedule, parts: [...schedule.parts.slice(0, -1).map((p) => ({ ...p, value: '10' })), { value: String(100 - 10 * (schedule.parts.length - 1)), days: schedule.parts.at(-1)?.days ?? 0 }] }
            : schedule;
      return {
        currency: r.currency,
        invoiceDate: r.invoiceDate,
        customerTaxGroup: ['A', 'B', 'C', 'X', 'R', 'K', 'G', 'P', 'S'],
        taxCodes,
        priceMode: r.priceMode,
        rounding: { level: r.level, mode: r.mode, taxIncluded: r.keep },
        totalDiscountPercent: r.totalDiscountPercent,
        lines: r.lines.map((l, i) => ({ id: `L${i + 1}`, ...l, charges: l.charges.map((c, j) => ({ id: `c${j + 1}`, ...c })) })),
        headerCharges: r.headerCharges.map((c, j) => ({ id: `H${j + 1}`, ...c, compound: c.compound && c.kind === 'percent' })),
        cashRounding: r.currency === 'JPY' ? null : r.cashRounding,
        accounting: r.accounting,
        paymentTerms: r.terms === null ? null : { ...r.terms, schedule: fixedSchedule },
      };
    });
}
