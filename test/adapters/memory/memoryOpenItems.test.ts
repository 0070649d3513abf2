import { describe, expect, test } from 'vitest';
import { memoryOpenItems } from '../../../src/adapters/memory/memoryOpenItems.js';
import type { CustomerId, OpenItem } from '../../../src/payments/OpenItem.js';
import { openItemRepositoryContract } from '../../../src/testkit/index.js';
import { item } from '../../payments/_fixtures.js';

openItemRepositoryContract((items) => Promise.resolve(memoryOpenItems(items)), { describe, test });

describe('memoryOpenItems', () => {
  test('stores frozen copies: the caller keeps ownership of its items', async () => {
    const seed: OpenItem[] = [item('I1', '100.00', '2026-01-31')];
    const repo = memoryOpenItems(seed);
    (seed as { -readonly [K in keyof OpenItem]: OpenItem[K] }[])[0]!.documentNumber = 'changed';
    const [listed] = await repo.listOpen({ customerId: 'C1' as CustomerId, currency: 'EUR' });
    expect(listed?.documentNumber).toBe('I1');
    expect(Object.isFrozen(listed)).toBe(true);
  });

  test('putOpenItems adds and replaces items by id', async () => {
    const repo = memoryOpenItems([item('I1', '100.00', '2026-01-31')]);
    await repo.putOpenItems([item('I1', '40.00', '2026-01-31'), item('I2', '5.00', '2026-01-01')]);
    const listed = await repo.listOpen({ customerId: 'C1' as CustomerId, currency: 'EUR' });
    expect(listed.map((i) => [i.id, i.residual.minor])).toEqual([['I2', 500n], ['I1', 4000n]]);
  });

  test('rejects bad items and queries with the field path', async () => {
    expect(() => memoryOpenItems([item('I1', '1.00', '2026-01-31'), item('I1', '2.00', '2026-01-31')])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: items[1].id: must be unique: I1 appears twice]`);
    await expect(memoryOpenItems().listOpen({ customerId: '' as CustomerId, currency: 'XXY' })).rejects.toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: query.customerId: Too small: expected string to have >=1 characters; query.currency: unknown currency "XXY": use an ISO 4217 code such as "EUR" or registerCurrency({ code, minorUnit }) first]`);
  });
});
