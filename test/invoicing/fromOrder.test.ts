import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { memoryOrderPorts } from '../../src/adapters/memory/index.js';
import { OrderToCashError } from '../../src/errors/OrderToCashError.js';
import { calculateParsedInvoice } from '../../src/invoicing/calculateInvoice.js';
import type { Invoice } from '../../src/invoicing/Invoice.js';
import { invoiceSalesOrder } from '../../src/invoicing/invoiceSalesOrder.js';
import { type OrderInvoiceSpec, orderInvoiceDocument } from '../../src/invoicing/orderInvoiceDocument.js';
import { postInvoice } from '../../src/invoicing/postInvoice.js';
import { returnCreditNote } from '../../src/invoicing/returnCreditNote.js';
import { formatScaled } from '../../src/money/formatScaled.js';
import type { RoundingMode } from '../../src/money/rounding.js';
import { ROUNDING_MODES } from '../../src/money/rounding.js';
import { acceptQuotation } from '../../src/orders/acceptQuotation.js';
import { confirmSalesOrder } from '../../src/orders/confirmSalesOrder.js';
import { draftQuotation } from '../../src/orders/draftQuotation.js';
import { draftReturn } from '../../src/orders/draftReturn.js';
import { orderFromQuotation } from '../../src/orders/orderFromQuotation.js';
import { recordDelivered } from '../../src/orders/recordDelivered.js';
import { recordInvoiced } from '../../src/orders/recordInvoiced.js';
import type { SalesOrder } from '../../src/orders/SalesOrder.js';
import { sendQuotation } from '../../src/orders/sendQuotation.js';
import { compilePriceBook } from '../../src/pricing/compilePriceBook.js';
import { type OrderScenario, orderScenarioArb } from '../../src/testkit/index.js';
import { BOOK_INPUT } from '../orders/_fixtures.js';

type Level = 'perLine' | 'perCode' | 'perCodeCombination' | 'perDocument';
const LEVELS: readonly Level[] = ['perLine', 'perCode', 'perCodeCombination', 'perDocument'];

function confirmedOrder(s: OrderScenario, invoiceAheadOfDelivery = false): SalesOrder {
  const drafted = draftQuotation(s.quotation, compilePriceBook(s.book), s.pricing);
  if (drafted.kind !== 'quoted') throw new Error('scenario did not price');
  const quotation = acceptQuotation(sendQuotation(drafted.quotation), s.pricing.asOf);
  const converted = orderFromQuotation(quotation, { number: 'SO-1', asOf: '2026-03-20', policy: 'keepQuotedPrices', invoiceAheadOfDelivery });
  if (converted.kind !== 'converted') throw new Error('scenario did not convert');
  return confirmSalesOrder(converted.order, { kind: 'pass', reasons: [] }, '2026-03-20');
}

const deliveredAll = (order: SalesOrder): SalesOrder => recordDelivered(order, order.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })));

const specOf = (level: Level, mode: RoundingMode, lines?: OrderInvoiceSpec['lines']): OrderInvoiceSpec => ({
  invoiceDate: '2026-03-31',
  customerTaxGroup: ['VAT', 'ECO'],
  taxCodes: [
    { id: 'VAT', calculation: { kind: 'percent', rate: '19' } },
    { id: 'ECO', calculation: { kind: 'percent', rate: '2.5' } },
  ],
  itemTaxGroups: { A: ['VAT'], B: ['VAT', 'ECO'], C: [] },
  rounding: { level, mode, taxIncluded: 'keepTotal' },
  ...(lines === undefined ? {} : { lines }),
});

/** Records a posted invoice on the order as the workflow does. */
function record(order: SalesOrder, number: string, invoice: Invoice): SalesOrder {
  return recordInvoiced(order, {
    invoiceNumber: number,
    lines: invoice.lines.map((l) => ({ lineId: l.id, quantity: l.quantity, amount: l.net })),
  });
}

const taxOf = (inv: Invoice): bigint => inv.totals.tax.minor;
const abs = (n: bigint): bigint => (n < 0n ? -n : n);

// Whole-number parts of each line's quantity, as cut points in 0..quantity (sorted, deduplicated).
const cutsArb = fc.array(fc.array(fc.integer({ min: 1, max: 19 }), { maxLength: 3 }), { minLength: 4, maxLength: 4 });

describe('invoicing a sales order', () => {
  test.prop([orderScenarioArb({ maxLines: 3, maxQuantity: 12 }), cutsArb, fc.constantFrom(...LEVELS), fc.constantFrom(...ROUNDING_MODES)])(
    'partial invoices add up: nets exactly, taxes within the policy bound, to one invoice of everything',
    (s, cuts, level, mode) => {
      const order = deliveredAll(confirmedOrder(s));
      const whole = calculateParsedInvoice(orderInvoiceDocument(order, specOf(level, mode)));
      // Each line's net is its order line net, exactly.
      order.lines.forEach((l, i) => expect(whole.lines[i]?.net.minor).toBe(l.price.netAmount.minor));
      // Invoice the same quantities in rounds: round k takes, per line, up to the k-th cut.
      let current = order;
      let net = 0n;
      let tax = 0n;
      let bound = BigInt(whole.lines.length * 2);
      for (let round = 0; round <= 3; round++) {
        const lines = current.lines.flatMap((l, i) => {
          const qty = Number(l.quantity.units);
          const cut = round === 3 ? qty : Math.min(qty, [...(cuts[i] ?? [])].sort((a, b) => a - b)[round] ?? qty);
          const part = cut - Number(l.invoiced.units);
          return part > 0 ? [{ lineId: l.lineId, quantity: String(part) }] : [];
        });
        if (lines.length === 0) continue;
        const inv = calculateParsedInvoice(orderInvoiceDocument(current, specOf(level, mode, lines)));
        net += inv.totals.net.minor;
        tax += taxOf(inv);
        bound += BigInt(inv.lines.length * 2);
        current = record(current, `INV-${round}`, inv);
      }
      expect(net).toBe(whole.totals.net.minor);
      expect(net).toBe(order.totals.total.minor);
      expect(abs(tax - taxOf(whole)) <= bound).toBe(true);
      // What the order recorded adds up to each line's net.
      current.lines.forEach((l) => expect(l.invoices.reduce((a, p) => a + p.amount.minor, 0n)).toBe(l.price.netAmount.minor));
    },
  );

  test.prop([orderScenarioArb({ maxLines: 3 }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 3 }), fc.boolean()])(
    'never invoices more than delivered, unless the order invoices ahead (then up to ordered − cancelled)',
    (s, delivered, ahead) => {
      const order0 = confirmedOrder(s, ahead);
      const deliveries = order0.lines.flatMap((l, i) => {
        const q = Math.min(delivered[i] ?? 0, Number(l.quantity.units));
        return q > 0 ? [{ lineId: l.lineId, quantity: String(q) }] : [];
      });
      const order = deliveries.length > 0 ? recordDelivered(order0, deliveries) : order0;
      const anything = order.lines.some((l) => l.delivered.units > 0n);
      if (!anything) {
        expect(() => orderInvoiceDocument(order, specOf('perLine', 'halfUp'))).toThrow(OrderToCashError);
      } else {
        const doc = orderInvoiceDocument(order, specOf('perLine', 'halfUp'));
        for (const dl of doc.lines) expect(formatScaled(dl.quantity)).toBe(formatScaled(order.lines.find((l) => l.lineId === dl.id)?.delivered ?? dl.quantity));
      }
      // One more than the limit is refused; the limit itself is accepted.
      const line = order.lines[0] as SalesOrder['lines'][number];
      const limit = ahead ? line.quantity.units : line.delivered.units;
      const over = () => orderInvoiceDocument(order, specOf('perLine', 'halfUp', [{ lineId: line.lineId, quantity: String(limit + 1n) }]));
      expect(over).toThrow(OrderToCashError);
      if (limit > 0n) expect(orderInvoiceDocument(order, specOf('perLine', 'halfUp', [{ lineId: line.lineId, quantity: String(limit) }])).lines).toHaveLength(1);
    },
  );

  test.prop([orderScenarioArb({ maxLines: 3, maxQuantity: 12 }), fc.constantFrom(...ROUNDING_MODES), fc.integer({ min: 1, max: 11 })])(
    'perUnit rounds the net unit price first: each line within one minor unit per piece of its prorated net',
    (s, mode, part) => {
      const order = deliveredAll(confirmedOrder(s));
      const lines = order.lines.map((l) => ({ lineId: l.lineId, quantity: String(Math.min(part, Number(l.quantity.units))) }));
      const exact = calculateParsedInvoice(orderInvoiceDocument(order, specOf('perLine', mode, lines)));
      const perUnit = calculateParsedInvoice(orderInvoiceDocument(order, { ...specOf('perLine', mode, lines), rounding: { level: 'perUnit', mode, taxIncluded: 'keepTotal' } }));
      perUnit.lines.forEach((l, i) => expect(abs(l.net.minor - (exact.lines[i]?.net.minor ?? 0n)) <= l.quantity.units).toBe(true));
    },
  );

  test.prop([orderScenarioArb({ maxLines: 3 }), fc.constantFrom(...LEVELS)])('does not change the order or the spec', (s, level) => {
    const order = deliveredAll(confirmedOrder(s));
    const spec = specOf(level, 'halfEven', [{ lineId: '1', quantity: '1' }]);
    const before = structuredClone({ order, spec });
    orderInvoiceDocument(order, spec);
    expect({ order, spec }).toEqual(before);
  });

  test.prop([orderScenarioArb({ maxLines: 3, maxQuantity: 12 }), fc.constantFrom(...LEVELS), fc.constantFrom(...ROUNDING_MODES), fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 3, maxLength: 3 })])(
    'an invoice and the credit notes of returns balance: refunds exactly, and a full return credits every amount',
    (s, level, mode, returned) => {
      const order = deliveredAll(confirmedOrder(s));
      const inv = calculateParsedInvoice(orderInvoiceDocument(order, specOf(level, mode)));
      const posted = postInvoice(inv, { number: 'INV-1' });
      const invoiced = record(order, 'INV-1', inv);
      // A partial return: its credit note nets exactly minus the refunds.
      const partial = draftReturn(invoiced, {
        number: 'RMA-1',
        asOf: '2026-04-02',
        lines: invoiced.lines.map((l, i) => ({ orderLineId: l.lineId, invoiceNumber: 'INV-1', quantity: String(Math.min(returned[i] ?? 1, Number(l.quantity.units))) })),
      });
      const [c] = returnCreditNote(partial.returnOrder, [posted]);
      expect(c?.creditNote.kind).toBe('creditNote');
      expect(c?.creditNote.creditOf).toBe('INV-1');
      expect(c?.creditNote.totals.net.minor).toBe(-partial.returnOrder.totalRefund.minor);
      expect(c?.refund.minor).toBe(partial.returnOrder.totalRefund.minor);
      // Returning everything credits the whole invoice.
      const full = draftReturn(invoiced, { number: 'RMA-2', asOf: '2026-04-02', lines: invoiced.lines.map((l) => ({ orderLineId: l.lineId, invoiceNumber: 'INV-1', quantity: formatScaled(l.quantity) })) });
      const [all] = returnCreditNote(full.returnOrder, [posted]);
      for (const key of ['net', 'tax', 'total'] as const) expect((all?.creditNote.totals[key].minor ?? 0n) + inv.totals[key].minor).toBe(0n);
    },
  );
});

// Worked examples: the orders fixture (10 × A at 100 per 5 pcs less 15 % and 10, 3 × B at 9.99, 2 % total discount).
const BOOK = { ...BOOK_INPUT, items: [] };
const SCENARIO: OrderScenario = {
  book: BOOK,
  quotation: {
    number: 'SQ-1',
    customer: { customerId: 'C1', lineDiscountGroup: 'LD', totalDiscountGroup: 'TD' },
    currency: 'EUR',
    expiresOn: '2026-03-31',
    lines: [
      { lineId: '1', itemId: 'A', quantity: '10', unit: 'pcs' },
      { lineId: '2', itemId: 'B', quantity: '3', unit: 'pcs' },
    ],
  },
  pricing: { asOf: '2026-03-01', rounding: 'halfUp', combination: 'sum' },
};

describe('worked examples', () => {
  const order = confirmedOrder(SCENARIO);

  test('three deliveries of line 1, invoiced as delivered, bill its net exactly', () => {
    const nets: string[] = [];
    let current = order;
    for (const [i, q] of ['3', '3', '4'].entries()) {
      current = recordDelivered(current, [{ lineId: '1', quantity: q }]);
      const inv = calculateParsedInvoice(orderInvoiceDocument(current, specOf('perLine', 'halfUp')));
      nets.push(`${inv.lines[0]?.net.minor}`);
      current = record(current, `INV-${i}`, inv);
    }
    const net = order.lines[0]?.price.netAmount.minor ?? 0n;
    expect(nets.reduce((a, n) => a + BigInt(n), 0n)).toBe(net);
    expect({ net: `${net}`, nets }).toMatchInlineSnapshot(`
      {
        "net": "14994",
        "nets": [
          "4498",
          "4498",
          "5998",
        ],
      }
    `);
  });

  test('errors name the field', () => {
    const delivered = recordDelivered(order, [{ lineId: '1', quantity: '4' }]);
    const fail = (spec: OrderInvoiceSpec) => {
      try {
        orderInvoiceDocument(delivered, spec);
      } catch (e) {
        return e instanceof OrderToCashError ? { code: e.code, path: e.path, message: e.message } : e;
      }
      return 'no error';
    };
    expect(fail(specOf('perLine', 'halfUp', [{ lineId: '1', quantity: '5' }]))).toMatchInlineSnapshot(`
      {
        "code": "invalid_input",
        "message": "Invalid input. Fix these fields and call again: spec.lines[0].quantity: exceeds the delivered quantity not yet invoiced, 4",
        "path": [
          "spec",
          "lines",
          0,
          "quantity",
        ],
      }
    `);
    expect(fail(specOf('perLine', 'halfUp', [{ lineId: '9' }]))).toMatchInlineSnapshot(`
      {
        "code": "invalid_input",
        "message": "Invalid input. Fix these fields and call again: spec.lines[0].lineId: is not a line of order SO-1",
        "path": [
          "spec",
          "lines",
          0,
          "lineId",
        ],
      }
    `);
    expect(fail(specOf('perLine', 'halfUp', [{ lineId: '2' }]))).toMatchInlineSnapshot(`
      {
        "code": "invalid_input",
        "message": "Invalid input. Fix these fields and call again: spec.lines: nothing to invoice on order SO-1: no delivered quantity is left to invoice",
        "path": [
          "spec",
          "lines",
        ],
      }
    `);
    expect(fail({ ...specOf('perLine', 'halfUp'), itemTaxGroups: {} })).toMatchInlineSnapshot(`
      {
        "code": "invalid_input",
        "message": "Invalid input. Fix these fields and call again: spec.itemTaxGroups.A: is required: item A is invoiced (give [] for no tax)",
        "path": [
          "spec",
          "itemTaxGroups",
          "A",
        ],
      }
    `);
    expect(fail({ ...specOf('perLine', 'halfUp'), rounding: undefined })).toMatchInlineSnapshot(`
      {
        "code": "invalid_input",
        "message": "Invalid input. Fix these fields and call again: spec.rounding: is required: give the rounding policy of the invoice",
        "path": [
          "spec",
          "rounding",
        ],
      }
    `);
  });
});

describe('workflow on the memory adapter', () => {
  const order = deliveredAll(confirmedOrder(SCENARIO));
  const numbers = () => {
    let n = 0;
    return { next: (kind: 'invoice' | 'creditNote') => Promise.resolve(`${kind === 'invoice' ? 'INV' : 'CN'}-${++n}`) };
  };

  test('invoices, posts, records on the order and saves it', async () => {
    const ports = memoryOrderPorts();
    await ports.salesOrders.save(order, 0);
    const spec = specOf('perCode', 'halfEven', [{ lineId: '1', quantity: '4' }]);
    const first = await invoiceSalesOrder({ salesOrders: ports.salesOrders, invoiceNumbers: numbers() }, { orderNumber: 'SO-1', spec });
    if (first.kind !== 'invoiced') throw new Error(first.kind);
    expect(first.invoice.number).toBe('INV-1');
    expect(Object.isFrozen(first.invoice.invoice)).toBe(true);
    expect(first.version).toBe(2);
    expect(formatScaled(first.order.lines[0]?.invoiced ?? order.lines[0]!.invoiced)).toBe('4');
    expect(first.order.lines[0]?.invoices[0]?.amount).toEqual(first.invoice.invoice.lines[0]?.net);
    const stored = await ports.salesOrders.get('SO-1');
    expect(stored?.version).toBe(2);
    expect(stored?.value).toEqual(first.order);
    expect(await invoiceSalesOrder({ salesOrders: ports.salesOrders, invoiceNumbers: numbers() }, { orderNumber: 'SO-9', spec })).toEqual({ kind: 'notFound', entity: 'salesOrder', id: 'SO-9' });
  });

  test.prop([orderScenarioArb({ maxLines: 3, maxQuantity: 12 }), fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }), fc.constantFrom(...LEVELS)])(
    'invoicing each delivery through the workflow bills the order total exactly, at one version per invoice',
    async (s, deliveries, level) => {
      const ports = memoryOrderPorts();
      const start = confirmedOrder(s);
      await ports.salesOrders.save(start, 0);
      const invoiceNumbers = numbers();
      let net = 0n;
      let invoices = 0;
      const parts = [...deliveries, 12];
      for (const d of parts) {
        const loaded = await ports.salesOrders.get('SO-1');
        if (loaded === undefined) throw new Error('lost the order');
        const lines = loaded.value.lines.flatMap((l) => {
          const q = Math.min(d, Number(l.quantity.units - l.delivered.units));
          return q > 0 ? [{ lineId: l.lineId, quantity: String(q) }] : [];
        });
        if (lines.length === 0) continue;
        await ports.salesOrders.save(recordDelivered(loaded.value, lines), loaded.version);
        const outcome = await invoiceSalesOrder({ salesOrders: ports.salesOrders, invoiceNumbers }, { orderNumber: 'SO-1', spec: specOf(level, 'halfUp') });
        if (outcome.kind !== 'invoiced') throw new Error(outcome.kind);
        net += outcome.invoice.invoice.totals.net.minor;
        invoices += 1;
        expect(outcome.version).toBe(1 + 2 * invoices);
      }
      const stored = await ports.salesOrders.get('SO-1');
      expect(net).toBe(start.totals.total.minor);
      expect(stored?.value.status).toBe('invoiced');
    },
  );

  test('line charges are billed with their line; header charges are not recorded on the order', async () => {
    const ports = memoryOrderPorts();
    await ports.salesOrders.save(order, 0);
    const spec: OrderInvoiceSpec = {
      ...specOf('perLine', 'halfUp', [{ lineId: '1', quantity: '2' }]),
      lineCharges: { '1': [{ id: 'pack', kind: 'perPiece', value: '1.50', taxGroup: ['VAT'] }] },
      headerCharges: [{ id: 'freight', kind: 'fixed', value: '20', taxGroup: ['VAT'], spread: 'byAmount' }],
    };
    const outcome = await invoiceSalesOrder({ salesOrders: ports.salesOrders, invoiceNumbers: numbers() }, { orderNumber: 'SO-1', spec });
    if (outcome.kind !== 'invoiced') throw new Error(outcome.kind);
    const inv = outcome.invoice.invoice;
    expect(inv.lines[0]?.charges[0]?.amount.minor).toBe(300n);
    expect(inv.headerCharges[0]?.amount.minor).toBe(2000n);
    expect(outcome.order.lines[0]?.invoices[0]?.amount.minor).toBe((inv.lines[0]?.net.minor ?? 0n) + 300n);
    // Returning both pieces credits the line and its charge, not the freight.
    const { returnOrder } = draftReturn(outcome.order, { number: 'RMA-1', asOf: '2026-04-01', lines: [{ orderLineId: '1', invoiceNumber: outcome.invoice.number, quantity: '2' }] });
    const [c] = returnCreditNote(returnOrder, [outcome.invoice]);
    expect(c?.creditNote.totals.net.minor).toBe(-((inv.lines[0]?.net.minor ?? 0n) + 300n));
    expect(c?.creditNote.totals.charges.minor).toBe(0n);
    expect(() => returnCreditNote(returnOrder, [])).toThrow(OrderToCashError);
  });

  test('a stale version is a conflict and the order is not changed', async () => {
    const ports = memoryOrderPorts();
    await ports.salesOrders.save(order, 0);
    const spec = specOf('perLine', 'halfUp');
    expect(await invoiceSalesOrder({ salesOrders: ports.salesOrders, invoiceNumbers: numbers() }, { orderNumber: 'SO-1', spec, expectedVersion: 3 })).toEqual({
      kind: 'conflict',
      entity: 'salesOrder',
      id: 'SO-1',
      expectedVersion: 3,
      actualVersion: 1,
    });
    // Someone saves the order while the invoice number is drawn.
    const racing = {
      next: async () => {
        const loaded = await ports.salesOrders.get('SO-1');
        if (loaded !== undefined) await ports.salesOrders.save(loaded.value, loaded.version);
        return 'INV-7';
      },
    };
    const outcome = await invoiceSalesOrder({ salesOrders: ports.salesOrders, invoiceNumbers: racing }, { orderNumber: 'SO-1', spec });
    expect(outcome).toEqual({ kind: 'conflict', entity: 'salesOrder', id: 'SO-1', expectedVersion: 1, actualVersion: 2, postedNumber: 'INV-7' });
    const stored = await ports.salesOrders.get('SO-1');
    expect(stored?.value.lines.every((l) => l.invoiced.units === 0n)).toBe(true);
  });
});
