import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { accrueRebates, listProvisions } from '../../../src/pricing/rebates/accrueRebates.js';
import { accrueRebateColumns, indexRebateParties, type RebateLineColumns, rebateLineColumns } from '../../../src/pricing/rebates/accrueRebateColumns.js';
import { compileRebateDeals } from '../../../src/pricing/rebates/compileRebateDeals.js';
import type { RebateSourceLine } from '../../../src/pricing/rebates/RebateDeal.js';
import { ROUNDING_MODES } from '../../../src/money/rounding.js';
import { money } from '../../../src/money/Money.js';
import { OrderToCashError } from '../../../src/errors/OrderToCashError.js';
import { rebateSourceLinesArb } from '../../../src/testkit/index.js';
import { dealInput, line, overlappingDeals } from './_fixtures.js';

// The overlapping deals of the accrual tests, and deals of the other ways a line meets or
// misses a deal (an item table with a later start, one that ignores credit notes, one of
// another stage), so that each is compared with the object path.
const program = compileRebateDeals([
  ...overlappingDeals(),
  dealInput({ id: 'ITEM', items: { kind: 'table', ids: ['I3'] }, tierMethod: 'rolling', processingOrder: 5, validFrom: '2026-02-01' }),
  dealInput({ id: 'NO-RETURNS', basis: { measure: 'value', stage: 'invoiced', includeCreditNotes: false }, processingOrder: 6 }),
  dealInput({ id: 'DELIVERED', basis: { measure: 'value', stage: 'delivered', includeCreditNotes: true }, processingOrder: 7 }),
]);
const rounding = 'halfEven' as const;

// The object path's result and the column path's, as comparable listings.
function both(lines: RebateSourceLine[], mode: (typeof ROUNDING_MODES)[number] = rounding) {
  const objects = accrueRebates(program, lines, { rounding: mode });
  const columns = accrueRebateColumns(program, rebateLineColumns(program, lines), { rounding: mode });
  return { objects, columns };
}

function errorOf(f: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    f();
  } catch (e) {
    if (e instanceof OrderToCashError) return { code: e.code, path: e.path };
    throw e;
  }
  throw new Error('expected an error');
}

describe('accrueRebateColumns', () => {
  test.prop([rebateSourceLinesArb({ maxLength: 40 }), fc.constantFrom(...ROUNDING_MODES)])(
    'gives the same provisions, in the same order, as accrueRebates on the same lines',
    (lines, mode) => {
      const { objects, columns } = both(lines, mode);
      expect(columns.entries).toEqual(objects.entries);
      expect(listProvisions(columns.state)).toEqual(listProvisions(objects.state));
    },
  );

  // Amounts scaled so that the tier amounts' intermediates pass 2^53 (columns hold amounts below it):
  // the bigint path, reached from columns, must give the same figures.
  test.prop([rebateSourceLinesArb({ maxLength: 12 }), fc.constantFrom(10n ** 6n, 10n ** 8n, 10n ** 9n)])(
    'the same with large amounts and quantities (the bigint path)',
    (lines, factor) => {
      const big = lines.map((l) => ({ ...l, netAmount: money(l.netAmount.minor * factor, 'USD'), quantity: { units: l.quantity.units * factor, scale: l.quantity.scale } }));
      const { objects, columns } = both(big);
      expect(listProvisions(columns.state)).toEqual(listProvisions(objects.state));
    },
  );

  test.prop([rebateSourceLinesArb({ maxLength: 30 }), fc.nat()])('idempotent, and interchangeable with the object path over a previous state', (lines, cut) => {
    const first = accrueRebates(program, lines, { rounding });
    const part = lines.slice(0, cut % (lines.length + 1));
    const again = accrueRebateColumns(program, rebateLineColumns(program, part), { rounding, state: first.state });
    expect(again.entries).toEqual([]);
    expect(again.state).toBe(first.state);
    const rest = accrueRebateColumns(program, rebateLineColumns(program, lines.slice(part.length)), { rounding, state: accrueRebates(program, part, { rounding }).state });
    expect(listProvisions(rest.state)).toEqual(listProvisions(first.state));
  });

  test.prop([rebateSourceLinesArb({ maxLength: 20 })])('never mutates its arguments', (lines) => {
    const cols = rebateLineColumns(program, lines);
    const copy = { ...cols, kind: cols.kind.slice(), customer: cols.customer.slice(), quantity: cols.quantity.slice(), documentId: [...cols.documentId] };
    accrueRebateColumns(program, cols, { rounding });
    expect(cols).toEqual(copy);
  });

  test('a batch whose first lines seldom meet a deal keeps every provision (the table grows past its first estimate)', () => {
    const groupOnly = compileRebateDeals([dealInput({ id: 'G', customers: { kind: 'group', groups: ['G-C2'] } })]);
    // One line in ten meets the deal among the first 640, every line after.
    const lines = Array.from({ length: 2000 }, (_, i) =>
      line({ documentId: `INV-${i}`, amount: String(1 + (i % 97)), ...(i < 640 && i % 10 !== 0 ? {} : { customerId: 'C2', customerGroups: ['G-C2'] }) }),
    );
    const columns = accrueRebateColumns(groupOnly, rebateLineColumns(groupOnly, lines), { rounding });
    // An iterable that is not an array: no reservation at all, the table doubles as it fills.
    const objects = accrueRebates(groupOnly, new Set(lines), { rounding });
    expect(columns.entries.length).toBe(64 + 1360);
    expect(listProvisions(columns.state)).toEqual(listProvisions(objects.state));
    expect(accrueRebateColumns(groupOnly, rebateLineColumns(groupOnly, lines), { rounding, state: columns.state }).entries).toEqual([]);
  });

  test('a batch of another stage meets only the deals of that stage', () => {
    const delivered = [line({ amount: '100', stage: 'delivered' }), line({ documentId: 'INV-2', amount: '50', stage: 'delivered' })];
    const { objects, columns } = both(delivered);
    expect(columns.entries.map((e) => e.dealId)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(columns.entries).toEqual(objects.entries);
  });

  test('bad columns name the column and the line', () => {
    const lines = [line({ amount: '100' }), line({ documentId: 'INV-2', amount: '50', customerId: 'C2', customerGroups: ['G-C2'] })];
    const good = rebateLineColumns(program, lines);
    const withColumn = (over: Partial<RebateLineColumns>): RebateLineColumns => ({ ...good, ...over });
    expect(errorOf(() => accrueRebateColumns(program, withColumn({ kind: Uint8Array.of(0, 2) }), { rounding }))).toEqual({ code: 'invalid_input', path: ['lines', 'kind', 1] });
    expect(errorOf(() => accrueRebateColumns(program, withColumn({ customer: Int32Array.of(0, 2) }), { rounding }))).toEqual({ code: 'invalid_input', path: ['lines', 'customer', 1] });
    expect(errorOf(() => accrueRebateColumns(program, withColumn({ item: Int32Array.of(-1, 0) }), { rounding }))).toEqual({ code: 'invalid_input', path: ['lines', 'item', 0] });
    expect(errorOf(() => accrueRebateColumns(program, withColumn({ quantity: Float64Array.of(1.5, 1) }), { rounding }))).toEqual({ code: 'invalid_input', path: ['lines', 'quantity', 0] });
    expect(errorOf(() => accrueRebateColumns(program, withColumn({ netAmount: Float64Array.of(1, 2 ** 53) }), { rounding }))).toEqual({ code: 'invalid_input', path: ['lines', 'netAmount', 1] });
    expect(errorOf(() => accrueRebateColumns(program, withColumn({ lineId: ['1'] }), { rounding }))).toEqual({ code: 'invalid_input', path: ['lines', 'lineId'] });
    expect(errorOf(() => accrueRebateColumns(program, { ...good, documentId: undefined } as unknown as RebateLineColumns, { rounding }))).toEqual({ code: 'invalid_input', path: ['lines', 'documentId'] });
    expect(errorOf(() => accrueRebateColumns(program, withColumn({ quantity: [1, 2] as unknown as Float64Array }), { rounding }))).toEqual({ code: 'invalid_input', path: ['lines', 'quantity'] });
    expect(errorOf(() => accrueRebateColumns(program, withColumn({ quantityScale: -1 }), { rounding }))).toEqual({ code: 'invalid_input', path: ['lines', 'quantityScale'] });
    expect(errorOf(() => accrueRebateColumns(program, withColumn({ currency: 'EUR' }), { rounding }))).toEqual({ code: 'currency_mismatch', path: ['lines', 'currency'] });
    const other = compileRebateDeals([dealInput()]);
    expect(errorOf(() => accrueRebateColumns(other, good, { rounding }))).toEqual({ code: 'invalid_input', path: ['lines', 'parties'] });
    expect(errorOf(() => indexRebateParties(program, { customers: [{ id: '', groups: [] }], items: [] }))).toEqual({ code: 'invalid_input', path: ['parties', 'customers', 0, 'id'] });
  });

  test('a line repeated in a batch with other figures is a reused key, as with objects', () => {
    const lines = [line({ amount: '100' }), line({ amount: '101' })];
    expect(errorOf(() => accrueRebateColumns(program, rebateLineColumns(program, lines), { rounding }))).toEqual(errorOf(() => accrueRebates(program, lines, { rounding })));
  });

  test('rebateLineColumns needs one stage and one currency', () => {
    expect(errorOf(() => rebateLineColumns(program, [line(), line({ documentId: 'INV-2', stage: 'delivered' })]))).toEqual({ code: 'invalid_input', path: ['lines', 1, 'stage'] });
    expect(errorOf(() => rebateLineColumns(program, [line(), { ...line({ documentId: 'INV-2' }), netAmount: money(1n, 'EUR') }]))).toEqual({ code: 'invalid_input', path: ['lines', 1, 'netAmount'] });
    expect(rebateLineColumns(program, []).length).toBe(0);
  });
});
