import { describe, expect, test } from 'vitest';
import { memoryOrderPorts } from '../../src/adapters/memory/memoryOrderPorts.js';
import { acceptQuotation } from '../../src/orders/acceptQuotation.js';
import { permissiveCreditPolicy } from '../../src/orders/permissiveCreditPolicy.js';
import type { CreditPolicy } from '../../src/orders/ports.js';
import { releaseHold } from '../../src/orders/releaseHold.js';
import { sendQuotation } from '../../src/orders/sendQuotation.js';
import { cancelRemaining } from '../../src/orders/workflows/cancelRemaining.js';
import { confirmOrder } from '../../src/orders/workflows/confirmOrder.js';
import { convertQuotation } from '../../src/orders/workflows/convertQuotation.js';
import { createQuotation } from '../../src/orders/workflows/createQuotation.js';
import { createReturn } from '../../src/orders/workflows/createReturn.js';
import { recordDelivery } from '../../src/orders/workflows/recordDelivery.js';
import { recordInvoice } from '../../src/orders/workflows/recordInvoice.js';
import { repriceOrder } from '../../src/orders/workflows/repriceOrder.js';
import { updateQuotation, updateSalesOrder } from '../../src/orders/workflows/updateDocument.js';
import { BOOK_INPUT, PRICING, REPRICING } from './_fixtures.js';

const seed = () =>
  memoryOrderPorts({
    customers: [{ customerId: 'C1', name: 'Contoso', currency: 'EUR' }],
    items: [
      { itemId: 'A', salesUnit: 'pcs' },
      { itemId: 'B', salesUnit: 'pcs' },
    ],
    priceBook: BOOK_INPUT,
  });

async function confirmedOrder(ports = seed(), policy: CreditPolicy = permissiveCreditPolicy) {
  const created = await createQuotation(ports, { customerId: 'C1', expiresOn: '2026-03-31', lines: [{ itemId: 'A', quantity: '10' }, { itemId: 'B', quantity: '3' }] }, PRICING);
  if (created.kind !== 'saved') throw new Error(created.kind);
  const number = created.quotation.number;
  await updateQuotation(ports, number, sendQuotation);
  await updateQuotation(ports, number, (q) => acceptQuotation(q, '2026-03-02'));
  const converted = await convertQuotation(ports, { quotationNumber: number, asOf: '2026-03-05', policy: 'keepQuotedPrices' });
  if (converted.kind !== 'saved') throw new Error(converted.kind);
  const confirmed = await confirmOrder({ ...ports, creditPolicy: policy }, { orderNumber: converted.order.number, asOf: '2026-03-06' });
  if (confirmed.kind !== 'saved') throw new Error(confirmed.kind);
  return { ports, order: confirmed.order, version: confirmed.version };
}

describe('order workflows on the memory adapter', () => {
  test('quotation → order → confirmed, numbered from the sequence, versions counting saves', async () => {
    const { ports, order, version } = await confirmedOrder();
    expect([order.number, order.quotationNumber, order.status, version]).toEqual(['SO-000001', 'SQ-000001', 'confirmed', 2]);
    expect((await ports.quotations.get('SQ-000001'))?.value.status).toBe('converted');
    expect((await ports.quotations.get('SQ-000001'))?.version).toBe(4);
  });

  test('a confirmed order does not change when the agreements change; an explicit reprice does', async () => {
    const { ports, order } = await confirmedOrder();
    const other = await confirmedOrder(ports);
    ports.priceBooks.replace({ ...BOOK_INPUT, agreements: BOOK_INPUT.agreements.map((a) => (a.id === 'P-A' ? { ...a, amount: '50' } : a)) });
    const delivered = await recordDelivery(ports, { orderNumber: order.number, lines: [{ lineId: '2', quantity: '1' }] });
    expect(delivered.kind === 'saved' && delivered.order.lines.map((l) => l.price)).toEqual(order.lines.map((l) => l.price));
    expect((await ports.salesOrders.get(order.number))?.value.totals).toEqual(order.totals);
    // Repricing is refused once delivery started; on another confirmed order it reports the change.
    await expect(repriceOrder(ports, { orderNumber: order.number, asOf: '2026-03-10', pricing: REPRICING })).rejects.toThrow(/Cannot reprice/);
    const repriced = await repriceOrder(ports, { orderNumber: other.order.number, asOf: '2026-03-10', pricing: REPRICING });
    expect(repriced.kind === 'saved' && repriced.changes.map((c) => c.lineId)).toEqual(['1']);
  });

  test('a stale version is a conflict outcome and nothing is written', async () => {
    const { ports, order, version } = await confirmedOrder();
    const stale = await ports.salesOrders.save(order, version - 1);
    expect(stale).toEqual({ kind: 'conflict', expectedVersion: 1, actualVersion: 2 });
    // Two workflows racing on one loaded version: the second save conflicts.
    const slow = { ...ports.salesOrders, get: ports.salesOrders.get };
    const loaded = await slow.get(order.number);
    await recordDelivery(ports, { orderNumber: order.number, lines: [{ lineId: '1', quantity: '1' }] });
    const late = await ports.salesOrders.save(loaded?.value ?? order, loaded?.version ?? 0);
    expect(late).toEqual({ kind: 'conflict', expectedVersion: 2, actualVersion: 3 });
    expect((await ports.salesOrders.get(order.number))?.value.lines[0]?.delivered.units).toBe(1n);
  });

  test('a workflow whose save conflicts reports it', async () => {
    const { ports, order } = await confirmedOrder();
    const racing = {
      ...ports,
      salesOrders: {
        get: ports.salesOrders.get,
        save: async (value: typeof order, expected: number) => {
          await ports.salesOrders.save(value, expected); // someone else saves first
          return ports.salesOrders.save(value, expected);
        },
      },
    };
    const outcome = await recordDelivery(racing, { orderNumber: order.number, lines: [{ lineId: '1', quantity: '1' }] });
    expect(outcome).toEqual({ kind: 'conflict', entity: 'salesOrder', id: order.number, expectedVersion: 2, actualVersion: 3 });
  });

  test('credit hold, explicit release, delivery, invoice, return, cancel', async () => {
    const hold: CreditPolicy = { check: () => Promise.resolve({ kind: 'hold', reasons: [{ code: 'creditLimitUsed' }] }) };
    const { ports, order } = await confirmedOrder(seed(), hold);
    expect(order.status).toBe('onHold');
    const released = await updateSalesOrder(ports, order.number, releaseHold);
    expect(released.kind === 'saved' && released.order.status).toBe('confirmed');
    await recordDelivery(ports, { orderNumber: order.number, lines: [{ lineId: '1', quantity: '10' }] });
    const invoiced = await recordInvoice(ports, { orderNumber: order.number, invoice: { invoiceNumber: 'INV-1', lines: [{ lineId: '1', quantity: '10' }] } });
    expect(invoiced.kind === 'saved' && invoiced.order.status).toBe('partiallyDelivered');
    const ret = await createReturn(ports, { orderNumber: order.number, asOf: '2026-04-02', lines: [{ orderLineId: '1', invoiceNumber: 'INV-1', quantity: '5' }] });
    expect(ret.kind === 'saved' && [ret.returnOrder.number, ret.returnOrder.totalRefund.minor * 2n]).toEqual(['RMA-000001', order.lines[0]?.price.netAmount.minor]);
    expect((await ports.returnOrders.get('RMA-000001'))?.version).toBe(1);
    const cancelled = await cancelRemaining(ports, { orderNumber: order.number });
    expect(cancelled.kind === 'saved' && cancelled.order.status).toBe('invoiced');
  });

  test('not found and no price are outcomes', async () => {
    const ports = seed();
    expect(await createQuotation(ports, { customerId: 'C9', expiresOn: '2026-03-31', lines: [{ itemId: 'A', quantity: '1' }] }, PRICING)).toEqual({ kind: 'notFound', entity: 'customer', id: 'C9' });
    expect(await createQuotation(ports, { customerId: 'C1', expiresOn: '2026-03-31', lines: [{ itemId: 'Z', quantity: '1' }] }, PRICING)).toEqual({ kind: 'notFound', entity: 'item', id: 'Z' });
    ports.items.put({ itemId: 'Z', salesUnit: 'pcs' });
    expect(await createQuotation(ports, { customerId: 'C1', expiresOn: '2026-03-31', lines: [{ itemId: 'Z', quantity: '1' }] }, PRICING)).toEqual({ kind: 'noPrice', lines: [{ lineId: '1', itemId: 'Z' }] });
    expect(await recordDelivery(ports, { orderNumber: 'SO-9', lines: [{ lineId: '1', quantity: '1' }] })).toEqual({ kind: 'notFound', entity: 'salesOrder', id: 'SO-9' });
  });

  test('an illegal confirm never asks the credit policy', async () => {
    const { ports, order } = await confirmedOrder();
    let asked = 0;
    const counting: CreditPolicy = { check: () => (asked++, Promise.resolve({ kind: 'pass', reasons: [] })) };
    await expect(confirmOrder({ ...ports, creditPolicy: counting }, { orderNumber: order.number, asOf: '2026-03-07' })).rejects.toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Cannot confirm a sales order in state confirmed: possible from confirmed: reprice, deliver, invoice, cancelRemaining, recordReturn]`);
    expect(asked).toBe(0);
  });
});
