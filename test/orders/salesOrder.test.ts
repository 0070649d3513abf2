import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { formatMoney as fm } from '../../src/money/formatMoney.js';
import { formatScaled as fs } from '../../src/money/formatScaled.js';
import { calculateInvoice } from '../../src/invoicing/calculateInvoice.js';
import { creditNote } from '../../src/invoicing/creditNote.js';
import { postInvoice } from '../../src/invoicing/postInvoice.js';
import { cancelRemainingQuantities } from '../../src/orders/cancelRemainingQuantities.js';
import { closeSalesOrder } from '../../src/orders/closeSalesOrder.js';
import { confirmSalesOrder } from '../../src/orders/confirmSalesOrder.js';
import { creditNoteRequests } from '../../src/orders/creditNoteRequests.js';
import { creditReturn } from '../../src/orders/creditReturn.js';
import { draftReturn } from '../../src/orders/draftReturn.js';
import { orderLineView } from '../../src/orders/orderLineView.js';
import { receiveReturn } from '../../src/orders/receiveReturn.js';
import { recordDelivered } from '../../src/orders/recordDelivered.js';
import { recordInvoiced } from '../../src/orders/recordInvoiced.js';
import { releaseHold } from '../../src/orders/releaseHold.js';
import { repriceSalesOrder } from '../../src/orders/repriceSalesOrder.js';
import type { SalesOrder } from '../../src/orders/SalesOrder.js';
import { compilePriceBook } from '../../src/pricing/compilePriceBook.js';
import { BOOK_INPUT, book, openOrder, REPRICING } from './_fixtures.js';

const PASS = { kind: 'pass', reasons: [] } as const;
const confirmed = (ahead = false): SalesOrder => confirmSalesOrder(openOrder(ahead), PASS, '2026-03-06');
const text = (o: SalesOrder) => orderLineView(o).map((l) => `${l.lineId} o${fs(l.ordered)} d${fs(l.delivered)} i${fs(l.invoiced)} r${fs(l.returned)} c${fs(l.cancelled)} left${fs(l.remaining)}`);

describe('confirmation and credit hold', () => {
  test('pass and warn confirm, hold puts the order on hold with the reasons; release is explicit', () => {
    const o = openOrder();
    expect(confirmSalesOrder(o, PASS, '2026-03-06').status).toBe('confirmed');
    const warned = confirmSalesOrder(o, { kind: 'warn', reasons: [{ code: 'limitNear' }] }, '2026-03-06');
    expect([warned.status, warned.credit?.kind, warned.credit?.reasons]).toEqual(['confirmed', 'warn', [{ code: 'limitNear' }]]);
    const held = confirmSalesOrder(o, { kind: 'hold', reasons: [{ code: 'daysOverdue', detail: 'rule od' }] }, '2026-03-06');
    expect([held.status, held.credit]).toEqual(['onHold', { decidedOn: '2026-03-06', kind: 'hold', reasons: [{ code: 'daysOverdue', detail: 'rule od' }] }]);
    expect(() => recordDelivered(held, [{ lineId: '1', quantity: '1' }])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot deliver a sales order in state onHold: possible from onHold: release, reprice, cancelRemaining]`);
    expect(releaseHold(held).status).toBe('confirmed');
    expect(() => releaseHold(releaseHold(held))).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot release a sales order in state confirmed: possible from confirmed: reprice, deliver, invoice, cancelRemaining, recordReturn]`);
    expect(o.status).toBe('open');
  });
});

describe('repriceSalesOrder', () => {
  test('reports what changed, line by line, and the totals before and after', () => {
    const o = confirmed();
    const cheaper = compilePriceBook({ ...BOOK_INPUT, agreements: BOOK_INPUT.agreements.map((a) => (a.id === 'P-A' ? { ...a, amount: '90' } : a)) });
    const outcome = repriceSalesOrder(o, cheaper, '2026-03-10', REPRICING);
    if (outcome.kind !== 'repriced') throw new Error('priced');
    // Only line 1's price changed (its share of the total discount with it); line 2 is not reported.
    expect(outcome.changes.map((c) => [c.lineId, fm(c.before.lineAmount), fm(c.after.lineAmount), fm(c.before.netAmount), fm(c.after.netAmount)])).toEqual([
      ['1', 'EUR 153.00', 'EUR 136.00', 'EUR 149.94', 'EUR 133.28'],
    ]);
    expect([fm(outcome.totalBefore), fm(outcome.totalAfter)]).toEqual(['EUR 179.31', 'EUR 162.65']);
    expect(outcome.order.totals.total.minor).toBe(outcome.order.lines.reduce((a, l) => a + l.price.netAmount.minor, 0n));
    expect(outcome.order.status).toBe('confirmed');
    expect(fm(o.totals.total)).toBe('EUR 179.31');
  });

  test('the same book reports no change', () => {
    const o = confirmed();
    const outcome = repriceSalesOrder(o, book, '2026-03-01', REPRICING);
    expect(outcome.kind === 'repriced' && outcome.changes).toEqual([]);
  });

  test('is refused once something was delivered', () => {
    const o = recordDelivered(confirmed(), [{ lineId: '1', quantity: '1' }]);
    expect(() => repriceSalesOrder(o, book, '2026-03-10', REPRICING)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot reprice a sales order in state partiallyDelivered: possible from partiallyDelivered: deliver, invoice, cancelRemaining, recordReturn]`);
  });
});

describe('deliveries, invoices, cancellation', () => {
  test('per-line view and states as quantities move', () => {
    let o = confirmed();
    o = recordDelivered(o, [{ lineId: '1', quantity: '4' }]);
    expect([o.status, text(o)]).toEqual(['partiallyDelivered', ['1 o10 d4 i0 r0 c0 left6', '2 o3 d0 i0 r0 c0 left3']]);
    o = recordDelivered(o, [{ lineId: '1', quantity: '6' }, { lineId: '2', quantity: '3' }]);
    expect(o.status).toBe('delivered');
    o = recordInvoiced(o, { invoiceNumber: 'INV-1', lines: [{ lineId: '1', quantity: '4' }] });
    expect(o.status).toBe('delivered');
    o = recordInvoiced(o, { invoiceNumber: 'INV-2', lines: [{ lineId: '1', quantity: '6' }, { lineId: '2', quantity: '3' }] });
    expect([o.status, text(o)]).toEqual(['invoiced', ['1 o10 d10 i10 r0 c0 left0', '2 o3 d3 i3 r0 c0 left0']]);
    // Invoicing a line in parts without amounts bills its net amount exactly.
    expect(orderLineView(o).map((l) => [l.invoicedAmount.minor, l.netAmount.minor])).toEqual(o.lines.map((l) => [l.price.netAmount.minor, l.price.netAmount.minor]));
    expect(closeSalesOrder(o).status).toBe('closed');
  });

  test.prop([fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 6 })])('invoicing a line in any parts bills exactly its net amount', (parts) => {
    let o = confirmed(true);
    const total = parts.reduce((a, b) => a + b, 0);
    o = cancelRemainingQuantities(o, ['2']);
    const line1Qty = Number(o.lines[0]?.quantity.units);
    let invoiced = 0;
    parts.forEach((p, i) => {
      const q = Math.min(p, line1Qty - invoiced);
      if (q <= 0) return;
      o = recordInvoiced(o, { invoiceNumber: `INV-${i}`, lines: [{ lineId: '1', quantity: String(q) }] });
      invoiced += q;
    });
    if (invoiced < line1Qty) o = recordInvoiced(o, { invoiceNumber: 'INV-last', lines: [{ lineId: '1', quantity: String(line1Qty - invoiced) }] });
    expect(orderLineView(o)[0]?.invoicedAmount.minor).toBe(o.lines[0]?.price.netAmount.minor);
    expect(total).toBeGreaterThan(0);
  });

  test('invoicing ahead of delivery only when the policy allows it', () => {
    expect(() => recordInvoiced(confirmed(false), { invoiceNumber: 'INV-1', lines: [{ lineId: '1', quantity: '1' }] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: invoice.lines[0].quantity: exceeds the delivered quantity not yet invoiced, 0]`);
    const ahead = recordInvoiced(confirmed(true), { invoiceNumber: 'INV-1', lines: [{ lineId: '1', quantity: '10' }, { lineId: '2', quantity: '3' }] });
    expect(ahead.status).toBe('confirmed');
    expect(recordDelivered(ahead, [{ lineId: '1', quantity: '10' }, { lineId: '2', quantity: '3' }]).status).toBe('invoiced');
  });

  test('cancel remaining: an open order is cancelled; a partly delivered one keeps what was delivered', () => {
    expect(cancelRemainingQuantities(openOrder()).status).toBe('cancelled');
    expect(cancelRemainingQuantities(openOrder(), ['2']).status).toBe('open');
    const part = cancelRemainingQuantities(recordDelivered(confirmed(), [{ lineId: '1', quantity: '4' }, { lineId: '2', quantity: '3' }]));
    expect([part.status, text(part)]).toEqual(['delivered', ['1 o10 d4 i0 r0 c6 left0', '2 o3 d3 i0 r0 c0 left0']]);
    expect(() => cancelRemainingQuantities(part)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot cancelRemaining a sales order in state delivered: possible from delivered: invoice, recordReturn]`);
  });

  test('errors name the line and say what is left', () => {
    const o = confirmed();
    expect(() => recordDelivered(o, [{ lineId: '1', quantity: '11' }])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: lines[0].quantity: exceeds the quantity left to deliver, 10]`);
    expect(() => recordDelivered(o, [{ lineId: '9', quantity: '1' }])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: lines[0].lineId: is not a line of order SO-1]`);
    expect(() => recordDelivered(o, [{ lineId: '1', quantity: '-1' }])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: lines[0].quantity: must be greater than zero]`);
    const d = recordDelivered(o, [{ lineId: '1', quantity: '10' }]);
    const i = recordInvoiced(d, { invoiceNumber: 'INV-1', lines: [{ lineId: '1', quantity: '2' }] });
    expect(() => recordInvoiced(i, { invoiceNumber: 'INV-1', lines: [{ lineId: '1', quantity: '1' }] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: invoice.lines[0].lineId: already has invoice INV-1: record each invoice once]`);
    expect(() => recordInvoiced(d, { invoiceNumber: 'INV-2', lines: [{ lineId: '1', quantity: '1', amount: { currency: 'USD', amount: '1' } }] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: invoice.lines[0].amount: is in USD but the order is in EUR]`);
    expect(() => closeSalesOrder(d)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot close a sales order in state partiallyDelivered: possible from partiallyDelivered: deliver, invoice, cancelRemaining, recordReturn]`);
  });

  test('a failed transition leaves the order as it was (never half-changed)', () => {
    const o = confirmed();
    const before = JSON.stringify(o, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    // The first line is fine, the second is not: nothing of the first may stick.
    expect(() => recordDelivered(o, [{ lineId: '1', quantity: '2' }, { lineId: '2', quantity: '4' }])).toThrow();
    expect(JSON.stringify(o, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).toBe(before);
    expect(Object.isFrozen(o.lines[0])).toBe(true);
  });
});

describe('returns', () => {
  const invoicedOrder = (): SalesOrder => {
    let o = recordDelivered(confirmed(), [{ lineId: '1', quantity: '10' }, { lineId: '2', quantity: '3' }]);
    o = recordInvoiced(o, { invoiceNumber: 'INV-1', lines: [{ lineId: '1', quantity: '10', amount: { currency: 'EUR', amount: '150.94' } }, { lineId: '2', quantity: '3', amount: { currency: 'EUR', amount: '29.97' } }] });
    return o;
  };

  test.prop([fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 8 })])('returning a line in any parts refunds exactly its invoiced amount', (parts) => {
    let o = invoicedOrder();
    let returned = 0;
    let refunded = 0n;
    let n = 0;
    const take = (q: number) => {
      const r = draftReturn(o, { number: `RMA-${++n}`, asOf: '2026-05-01', lines: [{ orderLineId: '1', invoiceNumber: 'INV-1', quantity: String(q) }] });
      o = r.order;
      returned += q;
      refunded += r.returnOrder.totalRefund.minor;
      // Each refund is the prorated share, less than a cent from the exact proportion 150.94 × q / 10.
      const diff = r.returnOrder.totalRefund.minor * 10n - 15094n * BigInt(q);
      expect(diff > -10n && diff < 10n).toBe(true);
    };
    for (const p of parts) if (returned + p <= 10) take(p);
    if (returned < 10) take(10 - returned);
    expect(refunded).toBe(15094n);
    expect(orderLineView(o)[0]?.refundedAmount.minor).toBe(15094n);
    expect(() => draftReturn(o, { number: 'RMA-x', asOf: '2026-05-01', lines: [{ orderLineId: '1', invoiceNumber: 'INV-1', quantity: '1' }] })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });

  test('worked example (docs/orders.md): 150.94 for 10 pieces returned 1 + 1 + 1 + 7', () => {
    let o = invoicedOrder();
    const refunds = ['1', '1', '1', '7'].map((q, i) => {
      const r = draftReturn(o, { number: `RMA-${i}`, asOf: '2026-05-01', lines: [{ orderLineId: '1', invoiceNumber: 'INV-1', quantity: q }] });
      o = r.order;
      return fm(r.returnOrder.totalRefund);
    });
    expect(refunds).toEqual(['EUR 15.09', 'EUR 15.10', 'EUR 15.09', 'EUR 105.66']);
  });

  test('return states and the credit note requests invoicing takes', () => {
    const o = invoicedOrder();
    const { returnOrder, order } = draftReturn(o, {
      number: 'RMA-1',
      asOf: '2026-05-01',
      reason: 'damaged',
      lines: [
        { orderLineId: '2', invoiceNumber: 'INV-1', quantity: '1' },
        { orderLineId: '2', invoiceNumber: 'INV-1', quantity: '1' },
      ],
    });
    expect([returnOrder.status, fm(returnOrder.totalRefund), returnOrder.customerId, order.status]).toEqual(['created', 'EUR 19.98', 'C1', 'invoiced']);
    expect(text(order)[1]).toBe('2 o3 d3 i3 r2 c0 left0');
    const requests = creditNoteRequests(returnOrder);
    expect(JSON.parse(JSON.stringify(requests))).toEqual([{ invoiceNumber: 'INV-1', request: { kind: 'lines', lines: [{ id: '2', quantity: '2' }] }, refund: { currency: 'EUR', amount: '19.98' } }]);
    // Invoicing's creditNote takes the request as it is.
    const posted = postInvoice(
      calculateInvoice({
        currency: 'EUR',
        invoiceDate: '2026-04-01',
        customerTaxGroup: [],
        taxCodes: [],
        priceMode: 'taxExcluded',
        rounding: { level: 'perLine', mode: 'halfUp', taxIncluded: 'keepTotal' },
        lines: [{ id: '2', item: 'B', itemTaxGroup: [], quantity: '3', unitPrice: '9.99' }],
      }),
      { number: 'INV-1' },
    );
    const note = creditNote(posted, requests[0]?.request);
    expect(note.totals.net.minor).toBe(-(requests[0]?.refund.minor ?? 0n));
    const received = receiveReturn(returnOrder);
    expect(creditReturn(received, 'CN-1')).toMatchObject({ status: 'credited', creditNoteNumber: 'CN-1' });
    expect(() => creditReturn(returnOrder, 'CN-1')).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot credit a return order in state created: possible from created: receive]`);
    expect(() => receiveReturn(received)).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot receive a return order in state received: possible from received: credit]`);
  });

  test('errors: nothing invoiced, unknown invoice, too much', () => {
    expect(() => draftReturn(openOrder(), { number: 'R', asOf: '2026-05-01', lines: [{ orderLineId: '1', invoiceNumber: 'INV-1', quantity: '1' }] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot recordReturn a sales order in state open: possible from open: confirm, hold, reprice, cancelRemaining]`);
    const o = invoicedOrder();
    expect(() => draftReturn(o, { number: 'R', asOf: '2026-05-01', lines: [{ orderLineId: '1', invoiceNumber: 'INV-9', quantity: '1' }] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: input.lines[0].invoiceNumber: did not invoice line 1 of order SO-1]`);
    expect(() => draftReturn(o, { number: 'R', asOf: '2026-05-01', lines: [{ orderLineId: '2', invoiceNumber: 'INV-1', quantity: '4' }] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: input.lines[0].quantity: exceeds the quantity invoiced and not yet returned, 3]`);
  });
});
