import fc from 'fast-check';

/** Options of {@link orderScenarioArb}. */
export type OrderScenarioArbOptions = {
  /** Most lines of the document (default 4). */
  readonly maxLines?: number;
  /** Largest line quantity (default 20); quantities are whole numbers from 1. */
  readonly maxQuantity?: number;
};

/**
 * A generated price book, quotation request and pricing options, in host (input) shape, for
 * tests of `draftQuotation`, `orderFromQuotation` and the order lifecycle. Every item has a
 * base price in EUR per `pcs`, so every line is priced; agreements (quantity-banded prices,
 * line discounts, a total discount) make repricing differ.
 */
export type OrderScenario = {
  readonly book: {
    readonly agreements: readonly Record<string, unknown>[];
    readonly basePrices: readonly Record<string, unknown>[];
    readonly items: readonly Record<string, unknown>[];
  };
  readonly quotation: {
    readonly number: string;
    readonly customer: { readonly customerId: string; readonly lineDiscountGroup: string; readonly totalDiscountGroup: string };
    readonly currency: 'EUR';
    readonly expiresOn: string;
    readonly lines: readonly { readonly lineId: string; readonly itemId: string; readonly quantity: string; readonly unit: 'pcs' }[];
  };
  readonly pricing: { readonly asOf: string; readonly rounding: 'halfUp' | 'halfEven' | 'down'; readonly combination: 'sum' | 'compound' | 'max' };
};

const ITEMS = ['A', 'B', 'C'];

const cents = (max: number): fc.Arbitrary<string> => fc.integer({ min: 1, max: max * 100 }).map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`);

const agreementArb: fc.Arbitrary<Record<string, unknown>> = /* @__PURE__ */ fc.oneof(
  fc.record({
    relation: fc.constant('price'),
    accountCode: fc.constantFrom('table', 'all'),
    accountRelation: fc.constant('C1'),
    itemCode: fc.constant('table'),
    itemRelation: fc.constantFrom(...ITEMS),
    currency: fc.constant('EUR'),
    unit: fc.constant('pcs'),
    fromQty: fc.constantFrom('0', '5', '10'),
    amount: cents(80),
    fromDate: fc.constantFrom('2026-01-01', '2026-03-01'),
  }),
  fc.record({
    relation: fc.constant('lineDiscount'),
    accountCode: fc.constantFrom('group', 'all'),
    accountRelation: fc.constant('LD'),
    itemCode: fc.constant('all'),
    currency: fc.constant('EUR'),
    unit: fc.constant('pcs'),
    percent1: fc.constantFrom('2', '5', '7.5'),
  }),
  fc.record({
    relation: fc.constant('totalDiscount'),
    accountCode: fc.constant('group'),
    accountRelation: fc.constant('TD'),
    itemCode: fc.constant('all'),
    currency: fc.constant('EUR'),
    fromQty: fc.constantFrom('0', '100'),
    percent1: fc.constantFrom('1', '3'),
  }),
);

/**
 * Order scenarios (see {@link OrderScenario}): 1 customer, 3 items, up to `maxLines` lines.
 * @example
 * fc.sample(orderScenarioArb(), 1)[0].quotation.lines.length >= 1 //=> true
 */
export function orderScenarioArb(options: OrderScenarioArbOptions = {}): fc.Arbitrary<OrderScenario> {
  return fc
    .record({
      agreements: fc.array(agreementArb, { maxLength: 8 }),
      basePrices: fc.tuple(cents(100), cents(100), cents(100)),
      eligible: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
      lines: fc.array(fc.record({ itemId: fc.constantFrom(...ITEMS), quantity: fc.integer({ min: 1, max: options.maxQuantity ?? 20 }) }), {
        minLength: 1,
        maxLength: options.maxLines ?? 4,
      }),
      asOf: fc.constantFrom('2026-02-15', '2026-03-15'),
      rounding: fc.constantFrom('halfUp' as const, 'halfEven' as const, 'down' as const),
      combination: fc.constantFrom('sum' as const, 'compound' as const, 'max' as const),
    })
    .map((r) => ({
      book: {
        agreements: r.agreements.map((a, i) => ({ id: `a${i}`, ...a })),
        basePrices: ITEMS.map((itemId, i) => ({ itemId, currency: 'EUR', unit: 'pcs', price: r.basePrices[i] as string })),
        items: ITEMS.map((itemId, i) => ({ itemId, totalDiscountEligible: r.eligible[i] as boolean })),
      },
      quotation: {
        number: 'SQ-1',
        customer: { customerId: 'C1', lineDiscountGroup: 'LD', totalDiscountGroup: 'TD' },
        currency: 'EUR' as const,
        expiresOn: '2026-04-30',
        lines: r.lines.map((l, i) => ({ lineId: String(i + 1), itemId: l.itemId, quantity: String(l.quantity), unit: 'pcs' as const })),
      },
      pricing: { asOf: r.asOf, rounding: r.rounding, combination: r.combination },
    }));
}

/**
 * Another book for the items of {@link orderScenarioArb}: different base prices and agreements,
 * to show that a confirmed order keeps its prices when agreements change.
 * @example
 * fc.sample(changedBookArb(), 1)[0].basePrices.length //=> 3
 */
export function changedBookArb(): fc.Arbitrary<OrderScenario['book']> {
  return orderScenarioArb().map((s) => s.book);
}
