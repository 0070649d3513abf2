import { describe, expect, test } from 'vitest';
import { memoryCustomers } from '../../../src/adapters/memory/memoryCustomers.js';
import { memoryNumberSequence } from '../../../src/adapters/memory/memoryNumberSequence.js';
import { memorySalesOrders } from '../../../src/adapters/memory/memorySalesOrders.js';
import { openOrder } from '../../orders/_fixtures.js';

describe('memory adapter: orders repositories', () => {
  test('stores a deep-frozen copy; versions count saves; stale saves conflict', async () => {
    const repo = memorySalesOrders();
    const order = openOrder();
    expect(await repo.save(order, 0)).toEqual({ kind: 'saved', version: 1 });
    expect(await repo.save(order, 0)).toEqual({ kind: 'conflict', expectedVersion: 0, actualVersion: 1 });
    expect(await repo.save(order, 1)).toEqual({ kind: 'saved', version: 2 });
    const loaded = await repo.get(order.number);
    expect(loaded?.version).toBe(2);
    expect(loaded?.value).toEqual(order);
    expect(loaded?.value).not.toBe(order);
    expect(loaded?.value.lines[0]?.price.netAmount).not.toBe(order.lines[0]?.price.netAmount);
    expect(Object.isFrozen(loaded?.value.lines[0]?.price.netAmount)).toBe(true);
    expect(Object.isFrozen(loaded?.value.lines[0]?.price.trace)).toBe(true);
    // The copy keeps library values usable: Money still formats.
    expect(JSON.stringify(loaded?.value.totals.total)).toBe('{"currency":"EUR","amount":"179.31"}');
    expect(await repo.get('nope')).toBeUndefined();
  });

  test('a host object stored is copied, so later changes to it do not leak in', async () => {
    const customers = memoryCustomers();
    const c = { customerId: 'C1', currency: 'EUR', name: 'Contoso' };
    customers.put(c);
    c.name = 'changed';
    expect((await customers.get('C1'))?.name).toBe('Contoso');
  });

  test('number sequences count per kind', async () => {
    const numbers = memoryNumberSequence({ prefixes: { salesOrder: 'SO' }, digits: 3 });
    expect([await numbers.next('salesOrder'), await numbers.next('salesOrder'), await numbers.next('quotation')]).toEqual(['SO001', 'SO002', 'SQ-001']);
  });
});
