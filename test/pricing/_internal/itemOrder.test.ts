import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { compilePriceBook } from '../../../src/pricing/compilePriceBook.js';
import { ITEM_ROW, ROW_ALL_CELL } from '../../../src/pricing/_internal/fastIndex.js';

// Items are numbered by group, and the compact index keeps item-keyed buckets in item order, so
// that the lines of an order that share a group read one span of the index.
const itemsArb = fc.uniqueArray(fc.record({ itemId: fc.stringMatching(/^[a-z]{1,4}$/), group: fc.option(fc.constantFrom('g1', 'g2', 'g3'), { nil: undefined }), priced: fc.boolean() }), {
  selector: (x) => x.itemId,
  minLength: 1,
  maxLength: 30,
});

describe('item numbers', () => {
  test.prop([itemsArb])('follow the line-discount group, and the all × item buckets follow the numbers', (list) => {
    const book = compilePriceBook({
      agreements: list.filter((x) => x.priced).map((x, k) => ({ id: `p${k}`, relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: x.itemId, currency: 'EUR', unit: 'pcs', amount: '1.00' })),
      items: list.map((x) => (x.group === undefined ? { itemId: x.itemId } : { itemId: x.itemId, lineDiscountGroup: x.group })),
    });
    const index = book.index;
    const byNo = index.itemList;
    expect(byNo.map((e) => e.no)).toEqual(byNo.map((_, k) => k));
    for (const e of byNo) expect(index.itemsById[e.itemId]).toBe(e.no);
    // One run per group, in group order (no group first).
    const groups = byNo.map((e) => e.lineDiscountGroup ?? '');
    expect(groups).toEqual([...groups].sort());
    // The price buckets' offsets in the data rise with the item numbers.
    const offsets = byNo.map((e) => index.fast.itemRows[ITEM_ROW * e.no + ROW_ALL_CELL + 1] as number).filter((at) => at >= 0);
    expect(offsets).toHaveLength(list.filter((x) => x.priced).length);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});
