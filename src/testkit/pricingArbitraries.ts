import fc from 'fast-check';

/** Options of {@link pricingScenarioArb}. */
export type PricingScenarioArbOptions = {
  /** Most agreements in the book (default 25). */
  readonly maxAgreements?: number;
  /** Most order lines (default 6). */
  readonly maxLines?: number;
};

/** A generated book input, order and options for `compilePriceBook` / `priceOrder`, in host (input) shape. */
export type PricingScenario = {
  readonly book: {
    readonly agreements: readonly Record<string, unknown>[];
    readonly activation: Record<string, boolean[]>;
    readonly basePrices: readonly Record<string, unknown>[];
    readonly items: readonly Record<string, unknown>[];
  };
  readonly order: {
    readonly customer: Record<string, string>;
    readonly currency: string;
    readonly lines: readonly { readonly itemId: string; readonly quantity: string; readonly unit: string }[];
  };
  readonly options: {
    readonly asOf: string;
    readonly rounding: string;
    readonly combination: string;
    readonly genericCurrency?: { readonly currency: string; readonly rate: string };
    readonly unitConversions?: readonly { readonly from: string; readonly to: string; readonly factor: string }[];
  };
};

const ITEMS = ['A', 'B', 'C'];
const CUSTOMERS = ['C1', 'C2'];
const UNITS = ['pcs', 'box'];
const DATES = ['2026-01-01', '2026-03-01', '2026-06-30', '2026-12-31'];

const decimalArb = (max: number, scale: number): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: max * 10 ** scale }).map((n) => {
    const t = String(n).padStart(scale + 1, '0');
    return scale === 0 ? t : `${t.slice(0, -scale)}.${t.slice(-scale)}`;
  });

const agreementArb: fc.Arbitrary<Record<string, unknown>> = /* @__PURE__ */ fc
  .record({
    relation: fc.constantFrom('price', 'price', 'lineDiscount', 'lineDiscount', 'multilineDiscount', 'totalDiscount'),
    accountCode: fc.constantFrom('table', 'group', 'all', 'all'),
    customer: fc.constantFrom(...CUSTOMERS),
    accountGroup: fc.constantFrom('G1', 'G2'),
    itemCode: fc.constantFrom('table', 'group', 'all'),
    item: fc.constantFrom(...ITEMS),
    itemGroup: fc.constantFrom('IG1', 'IG2'),
    currency: fc.constantFrom('EUR', 'EUR', 'EUR', 'USD'),
    unit: fc.constantFrom('pcs', 'pcs', 'box'),
    band: fc.option(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), { nil: undefined, freq: 2 }),
    dates: fc.tuple(fc.option(fc.constantFrom(...DATES), { nil: undefined, freq: 2 }), fc.option(fc.constantFrom(...DATES), { nil: undefined, freq: 2 })),
    amount: decimalArb(200, 2),
    priceUnit: fc.constantFrom('1', '1', '5', '0.5'),
    percent1: fc.constantFrom('0', '0', '5', '10', '12.5'),
    percent2: fc.constantFrom('0', '0', '3'),
    priceCharges: fc.constantFrom('0', '0', '0', '1.5'),
    findNext: fc.boolean(),
  })
  .map((r) => {
    const itemCode = r.relation === 'price' ? 'table' : r.relation === 'totalDiscount' ? 'all' : r.relation === 'multilineDiscount' && r.itemCode === 'table' ? 'group' : r.itemCode;
    const [lo, hi] = r.band === undefined ? [0, 0] : r.band[0] <= r.band[1] ? r.band : [r.band[1], r.band[0]];
    const [d1, d2] = r.dates[0] !== undefined && r.dates[1] !== undefined && r.dates[1] < r.dates[0] ? [r.dates[1], r.dates[0]] : r.dates;
    const total = r.relation === 'totalDiscount';
    return {
      relation: r.relation,
      accountCode: r.accountCode,
      ...(r.accountCode === 'all' ? {} : { accountRelation: r.accountCode === 'table' ? r.customer : r.accountGroup }),
      itemCode,
      ...(itemCode === 'all' ? {} : { itemRelation: itemCode === 'table' ? r.item : r.itemGroup }),
      currency: r.currency,
      unit: r.unit,
      fromQty: String(total ? lo * 50 : lo),
      toQty: String(hi === lo ? 0 : total ? hi * 50 : hi),
      ...(d1 === undefined ? {} : { fromDate: d1 }),
      ...(d2 === undefined ? {} : { toDate: d2 }),
      amount: r.relation === 'price' ? r.amount : total ? '0' : r.amount.length > 4 ? '0' : r.amount,
      priceUnit: r.priceUnit,
      percent1: r.percent1,
      percent2: r.percent2,
      priceCharges: r.relation === 'price' ? r.priceCharges : '0',
      findNext: r.findNext,
    };
  });

/**
 * Small, collision-rich pricing scenarios (2 customers, 3 items, 2 units, 2 currencies, a few
 * dates) so that generated agreements overlap, stop each other and fall back, for property tests
 * of `compilePriceBook` / `priceOrder`.
 * @example
 * fc.sample(pricingScenarioArb(), 1)[0].order.lines.length >= 1 //=> true
 */
export function pricingScenarioArb(options: PricingScenarioArbOptions = {}): fc.Arbitrary<PricingScenario> {
  const cells = fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }).map((a) => a.map((b, i) => b || i % 2 === 0));
  return fc
    .record({
      agreements: fc.array(agreementArb, { minLength: 1, maxLength: options.maxAgreements ?? 30, size: 'max' }),
      activation: fc.record({ price: cells, lineDiscount: cells, multilineDiscount: cells, totalDiscount: cells }),
      basePrices: fc.uniqueArray(
        fc.record({ itemId: fc.constantFrom(...ITEMS), currency: fc.constantFrom('EUR', 'USD'), unit: fc.constantFrom(...UNITS), price: decimalArb(100, 2) }),
        { selector: (b) => `${b.itemId}/${b.currency}/${b.unit}`, maxLength: 6, size: 'max' },
      ),
      items: fc.tuple(...ITEMS.map((itemId) =>
        fc.record({
          itemId: fc.constant(itemId),
          lineDiscountGroup: fc.constantFrom('IG1', 'IG2'),
          multilineDiscountGroup: fc.constantFrom('IG1', 'IG2'),
          totalDiscountEligible: fc.boolean(),
        }),
      )),
      customer: fc.record({
        customerId: fc.constantFrom(...CUSTOMERS),
        priceGroup: fc.constantFrom('G1', 'G2'),
        lineDiscountGroup: fc.constantFrom('G1', 'G2'),
        multilineDiscountGroup: fc.constantFrom('G1', 'G2'),
        totalDiscountGroup: fc.constantFrom('G1', 'G2'),
      }),
      lines: fc.array(
        fc.record({ itemId: fc.constantFrom(...ITEMS), quantity: decimalArb(25, 1).filter((q) => q !== '0.0'), unit: fc.constantFrom(...UNITS) }),
        { minLength: 1, maxLength: options.maxLines ?? 6 },
      ),
      asOf: fc.constantFrom('2025-12-31', ...DATES, '2026-04-15'),
      rounding: fc.constantFrom('halfUp', 'halfEven', 'down', 'ceiling'),
      combination: fc.constantFrom('line', 'multiline', 'max', 'min', 'sum', 'compound'),
      generic: fc.option(fc.constantFrom('0.9', '1.25'), { nil: undefined }),
      conversion: fc.boolean(),
    })
    .map((r) => ({
      book: {
        agreements: r.agreements.map((a, i) => ({ id: `r${String(i).padStart(3, '0')}`, ...a })),
        activation: r.activation,
        basePrices: r.basePrices,
        items: r.items,
      },
      order: { customer: r.customer, currency: 'EUR', lines: r.lines },
      options: {
        asOf: r.asOf,
        rounding: r.rounding,
        combination: r.combination,
        ...(r.generic === undefined ? {} : { genericCurrency: { currency: 'USD', rate: r.generic } }),
        ...(r.conversion ? { unitConversions: [{ from: 'box', to: 'pcs', factor: '12' }] } : {}),
      },
    }));
}
