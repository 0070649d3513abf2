import type { CalendarDate } from '../calendar/CalendarDate.js';
import type { CurrencyCode } from '../money/Money.js';
import type { PriceBook } from '../pricing/compilePriceBook.js';
import type { Quotation } from './Quotation.js';
import type { ReturnOrder } from './ReturnOrder.js';
import type { CreditReason, SalesOrder } from './SalesOrder.js';

/**
 * A customer as orders need it: the account, its currency and its trade-agreement groups.
 * @example
 * const c: Customer = { customerId: 'C1', name: 'Contoso', currency: 'EUR', priceGroup: 'RETAIL' };
 */
export type Customer = {
  readonly customerId: string;
  readonly name?: string;
  readonly currency: CurrencyCode;
  readonly priceGroup?: string;
  readonly lineDiscountGroup?: string;
  readonly multilineDiscountGroup?: string;
  readonly totalDiscountGroup?: string;
};

/**
 * An item as orders need it: its id and its sales unit (the default unit of a line).
 * @example
 * const i: Item = { itemId: 'A', name: 'Chair', salesUnit: 'pcs' };
 */
export type Item = { readonly itemId: string; readonly name?: string; readonly salesUnit: string };

/** Customers of the host. @example const c = await customers.get('C1'); */
export interface CustomerRepository {
  /** The customer, or undefined when there is none with this id. */
  get(customerId: string): Promise<Customer | undefined>;
}

/** Items of the host. @example const i = await items.get('A'); */
export interface ItemRepository {
  /** The item, or undefined when there is none with this id. */
  get(itemId: string): Promise<Item | undefined>;
}

/**
 * The trade agreements in force, compiled. A host that changes agreements returns a new book;
 * confirmed orders keep their prices whatever it returns.
 * @example
 * const book = await priceBooks.current();
 */
export interface PriceBookRepository {
  /** The current compiled price book. */
  current(): Promise<PriceBook>;
}

/**
 * A stored aggregate and its version (1 after the first save, +1 per save).
 * @example
 * const { value, version }: Versioned<SalesOrder> = loaded;
 */
export type Versioned<T> = { readonly value: T; readonly version: number };

/**
 * Outcome of a save: `saved` with the new version, or `conflict` when the stored version is
 * not the expected one (someone saved in between): reload and retry, or report.
 * @example
 * if (outcome.kind === 'conflict') reload(outcome.actualVersion);
 */
export type SaveOutcome = { readonly kind: 'saved'; readonly version: number } | { readonly kind: 'conflict'; readonly expectedVersion: number; readonly actualVersion: number };

/**
 * Storage of one kind of aggregate with optimistic concurrency. `save` with
 * `expectedVersion` 0 creates (conflict if the key exists); otherwise it replaces the stored
 * value only when its version is `expectedVersion`. Implementations store what they are
 * given as an immutable copy.
 * @example
 * const loaded = await repo.get('SO-1');
 * const outcome = await repo.save(next, loaded.version);
 */
export interface AggregateRepository<T> {
  /** The aggregate and its version, or undefined. */
  get(key: string): Promise<Versioned<T> | undefined>;
  /** Creates (expectedVersion 0) or replaces the aggregate; a stale version is a `conflict` outcome, never a throw. */
  save(value: T, expectedVersion: number): Promise<SaveOutcome>;
}

/** Sales quotations by number. @example await quotations.get('SQ-1') */
export type QuotationRepository = AggregateRepository<Quotation>;
/** Sales orders by number. @example await salesOrders.get('SO-1') */
export type SalesOrderRepository = AggregateRepository<SalesOrder>;
/** Return orders by number. @example await returnOrders.get('RMA-1') */
export type ReturnOrderRepository = AggregateRepository<ReturnOrder>;

/**
 * Kinds of number the order workflows draw.
 * @example
 * const kind: OrderNumberKind = 'salesOrder';
 */
export type OrderNumberKind = 'quotation' | 'salesOrder' | 'returnOrder';

/**
 * The host's number sequences: a new, unique number per call.
 * @example
 * const number = await numbers.next('salesOrder'); // 'SO-000001'
 */
export interface NumberSequence {
  next(kind: OrderNumberKind): Promise<string>;
}

/**
 * What a credit policy decides for an order: `pass`, `warn` (confirmed, reasons kept) or
 * `hold` (on credit hold until released), with reasons.
 * @example
 * const verdict: CreditVerdict = { kind: 'hold', reasons: [{ code: 'creditLimitUsed' }] };
 */
export type CreditVerdict = { readonly kind: 'pass' | 'warn' | 'hold'; readonly reasons: readonly CreditReason[] };

/**
 * The credit check order confirmation asks. The credit module's blocking rules provide one; a
 * host adapts its decision (`kind` and the rules hit) to a {@link CreditVerdict}.
 * @example
 * const policy: CreditPolicy = { check: async (order, asOf) => ({ kind: 'pass', reasons: [] }) };
 */
export interface CreditPolicy {
  check(order: SalesOrder, asOf: CalendarDate): Promise<CreditVerdict>;
}

/**
 * Every port the order workflows use; each workflow takes the part it needs.
 * @example
 * const ports: OrderPorts = memoryOrderPorts();
 */
export type OrderPorts = {
  readonly customers: CustomerRepository;
  readonly items: ItemRepository;
  readonly priceBooks: PriceBookRepository;
  readonly quotations: QuotationRepository;
  readonly salesOrders: SalesOrderRepository;
  readonly returnOrders: ReturnOrderRepository;
  readonly numbers: NumberSequence;
};
