// The order-to-cash story, end to end, for one customer: agreements compiled, a quotation
// priced and converted, the order confirmed through the credit check, delivered in two parts
// and invoiced twice, the invoices put on the customer's account as open items, a bank
// statement matched and settled, a rebate accrued and trued up, aging and a credit score.
// It ends with checks that the books balance. Orders live in memory; the open items live in
// memory or, with `store: 'pglite'`, in embedded PostgreSQL.
// Run: npm run demo   (or: npm run demo -- --store pglite)
import { PGlite } from '@electric-sql/pglite';
import { memoryOpenItems, memoryOrderPorts } from '../src/adapters/memory/index.js';
import {
  migratePostgres,
  postgresOpenItems,
  postgresOrderNumbers,
  postgresQuotations,
  postgresReturnOrders,
  postgresSalesOrders,
  sqlDatabase,
} from '../src/adapters/postgres/index.js';
import { type CalendarDate, calendarDate } from '../src/calendar/CalendarDate.js';
import { differenceInDays } from '../src/calendar/differenceInDays.js';
import {
  ageItems,
  type BlockingRule,
  daysSalesOutstanding,
  orderCreditPolicy,
  paymentBehaviour,
  paymentIndex,
  STANDARD_AGING_BUCKETS,
  scoreWithScorecard,
} from '../src/credit/index.js';
import { type Invoice, type InvoiceNumberSequence, invoiceSalesOrder, type PostedInvoice } from '../src/invoicing/index.js';
import { formatMoney } from '../src/money/formatMoney.js';
import { formatScaled } from '../src/money/formatScaled.js';
import type { CurrencyCode, Money } from '../src/money/Money.js';
import { normalizeScaled } from '../src/money/normalizeScaled.js';
import { parseMoney } from '../src/money/parseMoney.js';
import { scaled } from '../src/money/Scaled.js';
import { subtractMoney } from '../src/money/subtractMoney.js';
import { sumMoney } from '../src/money/sumMoney.js';
import {
  acceptQuotation,
  type CreditPolicy as OrderCreditPolicy,
  type OrderPorts,
  confirmOrder,
  convertQuotation,
  createQuotation,
  orderLineView,
  recordDelivery,
  sendQuotation,
  updateQuotation,
} from '../src/orders/index.js';
import { type CustomerId, type OpenItem, OpenItemSchema } from '../src/payments/OpenItem.js';
import { matchStatement } from '../src/payments/matchStatement.js';
import { openItemsFromInvoice } from '../src/payments/openItemsFromInvoice.js';
import type { OpenItemRepository } from '../src/payments/ports.js';
import type { Settlement } from '../src/payments/Settlement.js';
import { analysePriceBook, compilePriceBook, explain, type PriceBookInput } from '../src/pricing/index.js';
import { accrueRebates, compileRebateDeals, listProvisions, trueUpRebates } from '../src/pricing/rebates/index.js';
import { DEMO_SCORECARD } from './demo-credit.js';
import { heading, note, table } from './_print.js';

/** Where the open items are kept: in memory (the default) or in embedded PostgreSQL. */
export type StoryStore = 'memory' | 'pglite';

/** Options of {@link runStory}. */
export type StoryOptions = { readonly store?: StoryStore };

/** One check of the closing summary. */
export type StoryCheck = { readonly name: string; readonly ok: boolean; readonly detail: string };

/** What the story ends with: every check, and whether all of them hold. */
export type StoryResult = { readonly store: StoryStore; readonly balanced: boolean; readonly checks: readonly StoryCheck[] };

type OpenItemStore = OpenItemRepository & { putOpenItems(items: readonly OpenItem[]): Promise<void> };

const CUSTOMER = 'C-100';
const CUSTOMER_ID = CUSTOMER as CustomerId;
const CURRENCY: CurrencyCode = 'EUR';
const eur = (amount: string): Money => parseMoney(amount, CURRENCY);
const d = (text: string): CalendarDate => calendarDate(text);
const zero = eur('0');
const sum = (amounts: readonly Money[]): Money => sumMoney(amounts, CURRENCY);

// Trade agreements: a price per chair with a quantity break, a base price for desks and a
// line discount for the wholesale group.
const PRICE_BOOK: PriceBookInput = {
  agreements: [
    { id: 'P-CHAIR', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'CHAIR', currency: CURRENCY, unit: 'pcs', toQty: '10', amount: '149.00' },
    { id: 'P-CHAIR-10', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'CHAIR', currency: CURRENCY, unit: 'pcs', fromQty: '10', amount: '139.00' },
    { id: 'LD-WHOLESALE', relation: 'lineDiscount', accountCode: 'group', accountRelation: 'WHOLESALE', itemCode: 'all', currency: CURRENCY, unit: 'pcs', percent1: '5' },
  ],
  basePrices: [{ itemId: 'DESK', currency: CURRENCY, unit: 'pcs', price: '489.00' }],
};
const ITEMS = [
  { itemId: 'CHAIR', name: 'Office chair', salesUnit: 'pcs' },
  { itemId: 'DESK', name: 'Standing desk', salesUnit: 'pcs' },
];
/** The host's item master: each item's tax group (codes of the item sales tax group). */
const ITEM_TAX_GROUP: Readonly<Record<string, readonly string[]>> = { CHAIR: ['VAT19'], DESK: ['VAT19'] };
const CREDIT_LIMIT = eur('10000.00');
const CREDIT_RULES: readonly BlockingRule[] = [
  { id: 'limit-used-100', kind: 'creditLimitUsed', type: 'block', level: 'all', percent: scaled('100') },
  { id: 'overdue-30', kind: 'daysOverdue', type: 'block', level: 'all', days: 30 },
];
/** An invoice from before the story, still open: the customer's opening balance. */
const OPENING_ITEM: OpenItem = OpenItemSchema.parse({
  id: 'INV-2026-0042', kind: 'invoice', customerId: CUSTOMER, currency: CURRENCY, residual: { currency: CURRENCY, amount: '4800.00' },
  documentNumber: 'INV-2026-0042', documentDate: '2026-02-13', dueDate: '2026-03-15',
});

/** What the credit module reads about an account, gathered from its open items. */
type AccountExposure = { readonly exposure: Money; readonly overdueAmount: Money; readonly maxDaysOverdue: number };

/** Host glue: the customer's exposure, overdue amount and days overdue from the open items. */
async function accountExposure(openItems: OpenItemRepository, customerId: string, currency: CurrencyCode, asOf: CalendarDate): Promise<AccountExposure> {
  const items = await openItems.listOpen({ customerId: customerId as CustomerId, currency });
  const overdue = items.filter((i) => i.dueDate < asOf);
  return {
    exposure: sum(items.map((i) => i.residual)),
    overdueAmount: sum(overdue.map((i) => i.residual)),
    maxDaysOverdue: Math.max(0, ...overdue.map((i) => differenceInDays(asOf, i.dueDate))),
  };
}

/**
 * The orders `CreditPolicy` port answered by the credit module (`orderCreditPolicy`): the
 * host only says where the account's figures come from, here its open items.
 */
function creditPolicyOverOpenItems(openItems: OpenItemRepository, limit: Money, rules: readonly BlockingRule[]): OrderCreditPolicy {
  return orderCreditPolicy({
    rules,
    limitCheck: { rounding: 'halfUp', atLimit: 'hold', warnAtPercent: scaled('80') },
    account: async (customerId, currency, asOf) => {
      const { exposure, overdueAmount, maxDaysOverdue } = await accountExposure(openItems, customerId, currency, asOf);
      return { data: { customerId, maxDaysOverdue, overdueAmount, exposure, creditLimit: limit }, customer: { exposure, limit: { amount: limit } } };
    },
  });
}

/** The invoicing setup of the host: 19 % VAT on everything, net 30 days, 2 % within 10 days. */
const INVOICING = {
  customerTaxGroup: ['VAT19'],
  taxCodes: [{ id: 'VAT19', calculation: { kind: 'percent', rate: '19' } }],
  rounding: { level: 'perCode', mode: 'halfUp', taxIncluded: 'keepTotal' },
  paymentTerms: { method: 'net', days: 30, cashDiscounts: [{ percent: '2', days: 10 }] },
} as const;

/** The host's invoice numbers (a database sequence in real life). */
function invoiceNumbers(first: number): InvoiceNumberSequence {
  let n = first;
  return { next: () => Promise.resolve(`INV-2026-0${++n}`) };
}

function showInvoice(posted: PostedInvoice): void {
  const inv: Invoice = posted.invoice;
  table(
    ['Line', 'Item', '>Qty', '>Net', 'Tax'],
    inv.lines.map((l) => [l.id, l.item, formatScaled(l.quantity), formatMoney(l.net), l.taxes.map((t) => `${t.code} ${formatMoney(t.amount)}`).join(', ')]),
  );
  note(`\n  Net ${formatMoney(inv.totals.net)} + tax ${formatMoney(inv.totals.tax)} = total ${formatMoney(inv.totals.total)}, due ${inv.dueDate ?? inv.invoiceDate}` +
    inv.cashDiscounts.map((c) => `; ${formatScaled(c.percent)} % cash discount (${formatMoney(c.amount)}) if paid by ${c.until}`).join(''));
}

function check(name: string, ok: boolean, detail: string): StoryCheck {
  return { name, ok, detail };
}

/**
 * Runs the whole story and prints it to stdout.
 * @returns the closing checks; `balanced` is false when any of them fails.
 */
export async function runStory(options: StoryOptions = {}): Promise<StoryResult> {
  const store: StoryStore = options.store ?? 'memory';
  let pglite: PGlite | undefined;
  let openItems: OpenItemStore;
  let documents: DocumentStores | undefined;
  if (store === 'pglite') {
    pglite = new PGlite();
    const db = sqlDatabase(pglite);
    await migratePostgres(db);
    openItems = postgresOpenItems(db);
    documents = { quotations: postgresQuotations(db), salesOrders: postgresSalesOrders(db), returnOrders: postgresReturnOrders(db), numbers: postgresOrderNumbers(db) };
  } else {
    openItems = memoryOpenItems();
  }
  try {
    return await story(store, openItems, documents);
  } finally {
    await pglite?.close();
  }
}

/** Where quotations, orders, returns and their numbers are kept (the memory adapter's when absent). */
type DocumentStores = Pick<OrderPorts, 'quotations' | 'salesOrders' | 'returnOrders' | 'numbers'>;

async function story(store: StoryStore, openItems: OpenItemStore, documents: DocumentStores | undefined): Promise<StoryResult> {
  const checks: StoryCheck[] = [];
  heading(`The order-to-cash story: Fabrikam (${CUSTOMER}) buys office furniture`);
  note(
    store === 'pglite'
      ? 'Quotations, orders and open items in embedded PostgreSQL (PGlite, migrated in process); customers, items and agreements in memory.'
      : 'Orders and open items on the in-memory adapter.',
  );
  await openItems.putOpenItems([OPENING_ITEM]);
  note(`Fabrikam's account opens with invoice ${OPENING_ITEM.documentNumber} of ${formatMoney(OPENING_ITEM.residual)}, due ${OPENING_ITEM.dueDate}; credit limit ${formatMoney(CREDIT_LIMIT)}.`);

  // 1. Agreements
  heading('Story 1. Trade agreements compiled');
  const book = compilePriceBook(PRICE_BOOK);
  const diagnostics = analysePriceBook(book, { orderCurrency: CURRENCY });
  table(
    ['Agreement', 'Kind', 'For', 'Item', '>From qty', 'To qty', '>Value'],
    PRICE_BOOK.agreements.map((raw) => {
      const a = raw as Record<string, string | undefined>;
      return [a['id'] ?? '', a['relation'] ?? '', a['accountRelation'] ?? 'all customers', a['itemRelation'] ?? 'all items', a['fromQty'] ?? '0', a['toQty'] === undefined ? '' : `below ${a['toQty']}`, a['amount'] !== undefined ? `${CURRENCY} ${a['amount']}` : `${a['percent1'] ?? ''} %`];
    }),
  );
  note(`\n  ${book.agreements.length} agreements compiled, base price for desks ${CURRENCY} 489.00; the book analysis finds ${diagnostics.length === 0 ? 'no overlaps or gaps' : diagnostics.map((x) => JSON.stringify(x)).join(', ')}.`);

  // 2. Quotation
  const ports = {
    ...memoryOrderPorts({ customers: [{ customerId: CUSTOMER, name: 'Fabrikam', currency: CURRENCY, lineDiscountGroup: 'WHOLESALE' }], items: ITEMS, priceBook: PRICE_BOOK }),
    ...documents,
  };
  heading('Story 2. A quotation priced, sent, accepted and converted');
  const created = await createQuotation(
    ports,
    { customerId: CUSTOMER, expiresOn: '2026-03-31', lines: [{ itemId: 'CHAIR', quantity: '12' }, { itemId: 'DESK', quantity: '4' }] },
    { asOf: '2026-03-02', rounding: 'halfUp', combination: 'sum' },
  );
  if (created.kind !== 'saved') throw new Error(`quotation not created: ${created.kind}`);
  const q = created.quotation;
  note(`Quotation ${q.number}, priced as of ${q.quotedOn}, valid until ${q.expiresOn}:\n`);
  table(
    ['Line', 'Item', '>Qty', '>Unit price', 'Price from', '>Discount', '>Amount'],
    q.lines.map((l) => [
      l.lineId, l.itemId, formatScaled(l.quantity), `${CURRENCY} ${formatScaled(l.price.unitPrice)}`,
      l.price.priceSource.kind === 'agreement' ? l.price.priceSource.recordId : 'base price',
      `${l.price.discountPercents.map(formatScaled).filter((p) => p !== '0').join(' + ') || '0'} %`, formatMoney(l.price.netAmount),
    ]),
  );
  note(`\n  Quotation total ${formatMoney(q.totals.total)}. Why these prices:`);
  for (const l of q.lines) note(`  Line ${l.lineId} (${l.itemId}):\n${explain(l.price.trace).split('\n').filter((s) => !/^\w+ cell \d+/.test(s)).map((s) => `    ${s.trim()}`).join('\n')}`);
  checks.push(check('Quotation total = Σ lines', q.totals.total.minor === sum(q.lines.map((l) => l.price.netAmount)).minor, `${formatMoney(q.totals.total)}`));

  await updateQuotation(ports, q.number, sendQuotation);
  await updateQuotation(ports, q.number, (x) => acceptQuotation(x, '2026-03-04'));
  const converted = await convertQuotation(ports, { quotationNumber: q.number, asOf: '2026-03-05', policy: 'keepQuotedPrices' });
  if (converted.kind !== 'saved') throw new Error(`not converted: ${converted.kind}`);
  note(`\n  Sent, accepted on 2026-03-04 and converted on 2026-03-05 into sales order ${converted.order.number}, keeping the quoted prices.`);

  // 3. Credit check
  heading('Story 3. The order confirmed through the credit check');
  const policy = creditPolicyOverOpenItems(openItems, CREDIT_LIMIT, CREDIT_RULES);
  const account = await accountExposure(openItems, CUSTOMER, CURRENCY, d('2026-03-05'));
  const confirmed = await confirmOrder({ salesOrders: ports.salesOrders, creditPolicy: policy }, { orderNumber: converted.order.number, asOf: '2026-03-05' });
  if (confirmed.kind !== 'saved') throw new Error(`not confirmed: ${confirmed.kind}`);
  const order0 = confirmed.order;
  table(
    ['Credit check on 2026-03-05', '>Amount'],
    [
      ['Exposure (open items)', formatMoney(account.exposure)],
      ['+ this order (net)', formatMoney(order0.totals.total)],
      ['= new balance', formatMoney(sum([account.exposure, order0.totals.total]))],
      ['Credit limit', formatMoney(CREDIT_LIMIT)],
      ['Overdue', `${formatMoney(account.overdueAmount)} (${account.maxDaysOverdue} days)`],
    ],
  );
  note(`\n  Verdict ${confirmed.verdict.kind}${confirmed.verdict.reasons.map((r) => `; ${r.code}: ${r.detail ?? ''}`).join('')}.`);
  note(`  Order ${order0.number} is ${order0.status}; its prices are frozen from here on.`);
  checks.push(check('Order total = Σ lines', order0.totals.total.minor === sum(order0.lines.map((l) => l.price.netAmount)).minor, formatMoney(order0.totals.total)));
  checks.push(check('Order keeps the quoted prices', order0.totals.total.minor === q.totals.total.minor, `${formatMoney(order0.totals.total)} = ${formatMoney(q.totals.total)}`));

  // 4. Deliveries and invoices
  heading('Story 4. Delivered in two parts, invoiced twice');
  const deliveries = [
    { date: d('2026-03-10'), lines: [{ lineId: '1', quantity: '8' }, { lineId: '2', quantity: '2' }] },
    { date: d('2026-03-24'), lines: [{ lineId: '1', quantity: '4' }, { lineId: '2', quantity: '2' }] },
  ];
  const posted: PostedInvoice[] = [];
  const numbers = invoiceNumbers(100);
  let order = order0;
  for (const delivery of deliveries) {
    const delivered = await recordDelivery(ports, { orderNumber: order.number, lines: delivery.lines });
    if (delivered.kind !== 'saved') throw new Error(`delivery not recorded: ${delivered.kind}`);
    // The library invoices what was delivered and not yet invoiced, at the order's frozen
    // prices, posts it under the next number and records it on the order, in one workflow.
    const invoiced = await invoiceSalesOrder({ salesOrders: ports.salesOrders, invoiceNumbers: numbers }, {
      orderNumber: order.number,
      spec: { ...INVOICING, invoiceDate: delivery.date, itemTaxGroups: ITEM_TAX_GROUP },
    });
    if (invoiced.kind !== 'invoiced') throw new Error(`order not invoiced: ${invoiced.kind}`);
    const invoice = invoiced.invoice;
    order = invoiced.order;
    posted.push(invoice);
    note(`\nDelivery on ${delivery.date} (${delivery.lines.map((l) => `line ${l.lineId}: ${l.quantity}`).join(', ')}), invoice ${invoice.number}:\n`);
    showInvoice(invoice);
  }
  note(`\nOrder ${order.number} is now ${order.status}:\n`);
  table(
    ['Line', '>Ordered', '>Delivered', '>Invoiced', '>Remaining', '>Invoiced amount'],
    orderLineView(order).map((l, i) => [l.lineId, ...[l.ordered, l.delivered, l.invoiced, l.remaining].map(formatScaled), formatMoney(sum(order.lines[i]?.invoices.map((p) => p.amount) ?? []))]),
  );
  const invoiceNets = sum(posted.map((p) => p.invoice.totals.net));
  const recordedAmounts = sum(order.lines.flatMap((l) => l.invoices.map((p) => p.amount)));
  checks.push(check('Σ invoice nets = Σ invoiced on the order', invoiceNets.minor === recordedAmounts.minor, `${formatMoney(invoiceNets)} = ${formatMoney(recordedAmounts)}`));
  checks.push(check('Order invoiced in full = order total', recordedAmounts.minor === order.totals.total.minor && order.status === 'invoiced', `${formatMoney(recordedAmounts)}, ${order.status}`));
  for (const p of posted) {
    const t = p.invoice.totals;
    checks.push(check(`${p.number}: net + charges + tax = total`, t.net.minor + t.charges.minor + t.tax.minor + t.cashRounding.minor === t.total.minor, formatMoney(t.total)));
  }

  // 5. Open items
  heading('Story 5. The posted invoices become open items');
  const newItems = posted.flatMap((p) => openItemsFromInvoice(p, { customerId: CUSTOMER, references: [order.number] }));
  await openItems.putOpenItems(newItems);
  const invoiced = sum(posted.map((p) => p.invoice.totals.total));
  checks.push(check('Open items from invoices = Σ invoice totals', sum(newItems.map((i) => i.residual)).minor === invoiced.minor, formatMoney(invoiced)));
  const before = await openItems.listOpen({ customerId: CUSTOMER_ID, currency: CURRENCY });
  note(`Fabrikam's open items (${store === 'pglite' ? 'PostgreSQL' : 'memory'}):\n`);
  table(['Item', 'Date', 'Due', '>Open', 'Cash discount'], before.map((i) => [i.id, i.documentDate, i.dueDate, formatMoney(i.residual), i.cashDiscounts.map((c) => `${formatScaled(c.percent)} % until ${c.until}`).join(', ')]));

  // 6. Bank statement
  heading('Story 6. Bank statement of 2026-03-31 matched and settled');
  const [first, second] = posted as [PostedInvoice, PostedInvoice];
  const discount = first.invoice.cashDiscounts[0]?.amount ?? zero;
  const pays1 = subtractMoney(first.invoice.totals.total, discount);
  const payments = [
    { id: 'L1', currency: CURRENCY, amount: pays1, valueDate: '2026-03-19', text: `FABRIKAM ${first.number} LESS 2 PCT`, references: [] },
    { id: 'L2', currency: CURRENCY, amount: eur('1500.00'), valueDate: '2026-03-31', text: `Fabrikam part payment ${second.number}`, references: [] },
  ];
  table(['Line', 'Value date', '>Amount', 'Text'], payments.map((p) => [p.id, p.valueDate, formatMoney(p.amount), p.text]));
  const result = matchStatement({ payments, items: before.map((i) => ({ ...i, references: [...i.references], cashDiscounts: [...i.cashDiscounts] })) }, { rounding: 'halfUp', asOf: d('2026-03-31') });
  note('');
  table(['Line', 'Rule', 'Items', '>Confidence', 'Decision'], result.proposals.map((p) => [p.paymentId, p.rule, p.itemIds.join(' + '), String(p.confidence), p.decision]));
  note('\nWhy:');
  for (const p of result.proposals) note(`  ${p.explanation}`);
  const settlements: Settlement[] = [];
  const outcomes: string[] = [];
  for (const p of result.proposals) {
    if (p.settlement === undefined) continue;
    const outcome = await openItems.applySettlement(p.settlement, p.settlement.idempotencyKey);
    outcomes.push(`${p.paymentId} ${p.decision === 'autoApply' ? 'auto-applied' : 'accepted by the clerk'}: ${outcome.kind}`);
    if (outcome.kind === 'applied') settlements.push(p.settlement);
  }
  note(`\n  ${outcomes.join('; ')}.\n`);
  table(
    ['Line', 'Item', 'Entry', '>Amount'],
    settlements.flatMap((s) => s.entries.map((e) => [s.paymentId, e.itemId ?? '', e.kind, formatMoney(e.amount)])),
  );
  const after = await openItems.listOpen({ customerId: CUSTOMER_ID, currency: CURRENCY });
  note('\nOpen after the statement:\n');
  table(['Item', 'Due', '>Open'], after.map((i) => [i.id, i.dueDate, formatMoney(i.residual)]));

  const entries = settlements.flatMap((s) => s.entries);
  const settled = sum(entries.filter((e) => e.kind === 'applied').map((e) => e.amount));
  const closedWithoutMoney = sum(entries.filter((e) => e.kind === 'cashDiscount' || e.kind === 'writeOff' || e.kind === 'pennyDifference').map((e) => e.amount));
  const received = sum(payments.map((p) => p.amount));
  const onAccount = sum(settlements.map((s) => s.onAccount));
  const openResiduals = sum(after.map((i) => i.residual));
  checks.push(check('All statement lines settled', settlements.length === payments.length, `${settlements.length} of ${payments.length}`));
  checks.push(check('Σ received = Σ settled + on account', received.minor === settled.minor + onAccount.minor, `${formatMoney(received)} = ${formatMoney(settled)} + ${formatMoney(onAccount)}`));
  checks.push(check(
    'Opening + Σ invoiced = Σ settled + Σ discounts/write-offs + Σ open',
    OPENING_ITEM.residual.minor + invoiced.minor === settled.minor + closedWithoutMoney.minor + openResiduals.minor,
    `${formatMoney(OPENING_ITEM.residual)} + ${formatMoney(invoiced)} = ${formatMoney(settled)} + ${formatMoney(closedWithoutMoney)} + ${formatMoney(openResiduals)}`,
  ));

  // 7. Rebate
  heading('Story 7. Rebate accrued from the invoice lines and trued up');
  const program = compileRebateDeals([
    {
      id: 'FURNITURE-2026', programType: 'rebate', currency: CURRENCY, customers: { kind: 'group', groups: ['WHOLESALE'] }, items: { kind: 'all' },
      basis: { measure: 'value', stage: 'invoiced', includeCreditNotes: true }, calculation: 'percent', tierMethod: 'cumulative',
      tiers: [{ from: '0', rate: '2' }, { from: '3000', rate: '3' }],
      validFrom: '2026-01-01', validTo: '2026-12-31', calculationPeriod: 'month', claimPeriod: 'quarter', processingOrder: 1,
      reduction: { apply: false, basis: 'both', excludeFromReduction: false },
    },
  ]);
  note('Deal FURNITURE-2026: 2 % of the monthly invoiced net, 3 % on all of it from EUR 3,000.00 a month.\n');
  const sourceLines = posted.flatMap((p) => p.invoice.lines.map((l) => ({
    documentId: p.number, lineId: l.id, kind: 'invoice' as const, stage: 'invoiced' as const, customerId: CUSTOMER, customerGroups: ['WHOLESALE'],
    itemId: order.lines.find((o) => o.lineId === l.id)?.itemId ?? l.item, itemGroups: [], quantity: l.quantity, netAmount: l.net, date: p.invoice.invoiceDate,
  })));
  const { state } = accrueRebates(program, sourceLines, { rounding: 'halfUp' });
  const provisions = listProvisions(state);
  table(['Provision', '>Basis', 'Tier', '>Amount'], provisions.map((e) => [e.key, formatMoney(parseMoney(formatScaled(normalizeScaled(e.basis)), CURRENCY)), String(e.tier + 1), formatMoney(e.amount)]));
  const trueUp = trueUpRebates(program, state, { periodEnd: d('2026-03-31'), rounding: 'halfUp' });
  note('');
  table(
    ['True-up March', '>Basis', 'Tier', '>Earned', '>Provided', '>Adjustment'],
    trueUp.settlements.map((s) => [s.dealId, formatMoney(parseMoney(formatScaled(normalizeScaled(s.basis)), CURRENCY)), String(s.tier + 1), formatMoney(s.earned), formatMoney(s.provided), formatMoney(s.delta)]),
  );
  note('\n  Each line was provided at the tier it reached on its own; the month as a whole reaches tier 2, so the true-up books the difference.');
  const provided = sum(provisions.map((e) => e.amount));
  const adjusted = sum(trueUp.adjustments.map((a) => a.amount));
  const earned = sum(trueUp.settlements.map((s) => s.earned));
  checks.push(check('Rebate provisions + adjustments = earned', provided.minor + adjusted.minor === earned.minor, `${formatMoney(provided)} + ${formatMoney(adjusted)} = ${formatMoney(earned)}`));

  // 8. Aging and score
  const asOf = d('2026-04-30');
  heading(`Story 8. Aging and credit score as of ${asOf}`);
  const aging = ageItems(after.map((i) => ({ open: i.residual, dueDate: i.dueDate, transactionDate: i.documentDate })), { asOf, basis: 'due', currency: CURRENCY, buckets: STANDARD_AGING_BUCKETS });
  table(['Bucket (days past due)', '>Items', '>Open'], [...aging.buckets.map((b) => [b.label, String(b.count), formatMoney(b.amount)]), ['total', String(aging.count), formatMoney(aging.total)]]);
  checks.push(check('Aging total = Σ open items', aging.total.minor === openResiduals.minor, formatMoney(aging.total)));
  const behaviour = paymentBehaviour(
    [
      { amount: OPENING_ITEM.residual, dueDate: OPENING_ITEM.dueDate },
      { amount: first.invoice.totals.total, dueDate: first.invoice.dueDate ?? first.invoice.invoiceDate, paidDate: d(payments[0]?.valueDate ?? '2026-03-19') },
      { amount: second.invoice.totals.total, dueDate: second.invoice.dueDate ?? second.invoice.invoiceDate },
    ],
    { asOf, currency: CURRENCY },
  );
  const index = paymentIndex(behaviour, { scale: 0, rounding: 'halfUp' }) ?? scaled('0');
  const dso = daysSalesOutstanding({ balance: aging.total, currentBalance: aging.buckets[0]?.amount ?? zero, creditSales: sum([OPENING_ITEM.residual, invoiced]), from: d('2026-01-31'), to: asOf }, { scale: 2, rounding: 'halfUp' });
  const card = scoreWithScorecard(
    DEMO_SCORECARD,
    { paymentIndex: index, dso: dso.dso ?? scaled('0') },
  );
  note(`\nPayment index ${formatScaled(index)} (80 = prompt), DSO ${formatScaled(dso.dso ?? scaled('0'))} days.\n`);
  table(['Scorecard criterion', '>Bin', '>Points'], [...card.trace.map((t) => [t.criterion, String(t.bin), String(t.points)]), ['score (base 400)', '', String(card.score)]]);

  // Summary
  const balanced = checks.every((c) => c.ok);
  heading('Story summary: do the books balance?');
  table(['Check', 'Result', 'Figures'], checks.map((c) => [c.name, c.ok ? 'ok' : 'FAILED', c.detail]));
  note(`\n  ${balanced ? 'Every check holds: the books balance.' : 'Some checks FAILED: the books do not balance.'}`);
  return { store, balanced, checks };
}
