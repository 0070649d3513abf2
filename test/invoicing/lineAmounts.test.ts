import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { calculateInvoice } from '../../src/invoicing/calculateInvoice.js';
import type { RoundingMode } from '../../src/money/rounding.js';
import { invoiceDocumentArb } from '../../src/testkit/index.js';
import { Oracle, ORACLE_MODE } from '../helpers.js';

type Line = { quantity: string; unitPrice: string; discountPercent: string };

describe('line amounts and partial invoices', () => {
  test.prop([invoiceDocumentArb({ taxIncluded: false })])('each line amount is the decimal.js oracle rounded once in the document mode', (doc) => {
    const rounding = doc.rounding as { level: string; mode: RoundingMode };
    if (rounding.level === 'perUnit') return;
    const inv = calculateInvoice(doc);
    const places = inv.currency === 'JPY' ? 0 : inv.currency === 'KWD' ? 3 : 2;
    (doc.lines as Line[]).forEach((l, i) => {
      const exact = new Oracle(l.quantity)
        .times(l.unitPrice)
        .times(new Oracle(1).minus(new Oracle(l.discountPercent).div(100)))
        .times(new Oracle(1).minus(new Oracle(doc.totalDiscountPercent as string).div(100)));
      const expected = BigInt(exact.toDecimalPlaces(places, ORACLE_MODE[rounding.mode]).times(new Oracle(10).pow(places)).toFixed(0));
      expect(inv.lines[i]?.amount.minor).toBe(expected);
    });
  });

  test.prop([invoiceDocumentArb({ taxIncluded: false, exoticCodes: false }), fc.integer({ min: 0, max: 100 })])(
    'two partial invoices add up to one invoice of everything within one minor unit per rounded figure (per-line policy)',
    (doc, percent) => {
      const base = { ...doc, rounding: { level: 'perLine', mode: 'halfEven', taxIncluded: 'keepTotal' }, headerCharges: [], cashRounding: null };
      const lines = (doc.lines as (Line & Record<string, unknown>)[]).map((l) => ({ ...l, charges: [] }));
      const split = lines.map((l) => {
        const q = new Oracle(l.quantity);
        const first = q.times(percent).div(100).toDecimalPlaces(3, ORACLE_MODE.down);
        return [{ ...l, quantity: first.toFixed() }, { ...l, quantity: q.minus(first).toFixed() }] as const;
      });
      const whole = calculateInvoice({ ...base, lines });
      const a = calculateInvoice({ ...base, lines: split.map((s) => s[0]) });
      const b = calculateInvoice({ ...base, lines: split.map((s) => s[1]) });
      const gap = a.totals.total.minor + b.totals.total.minor - whole.totals.total.minor;
      const figures = BigInt(lines.length * 3 * 2); // line amount + two taxes, on each of the two partial lines
      expect(gap <= figures && -gap <= figures).toBe(true);
    },
  );
});
