// Suite `storage`: settlements applied per second through the OpenItemRepository port, on
// the memory adapter, on PGlite and (when DATABASE_URL is set) on a PostgreSQL server with
// 8 connections. Each settlement pays part of one of 1 000 invoices (one customer each), so
// concurrent settlements rarely touch the same item; each one is a full transaction
// (key claim, row lock, update, entries). No target: a baseline for later changes.
// Orders: 1 000 sales orders (4 000 on the server) created and confirmed through the
// SalesOrderRepository port: two saves each (version 0, then 1), as the createQuotation /
// confirmOrder workflows do. Orders are priced and confirmed beforehand, so the figure is the
// repository's (a `jsonb` row per order on PostgreSQL, with Money, decimals and price traces).
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { memoryOpenItems } from '../src/adapters/memory/memoryOpenItems.js';
import { migratePostgres } from '../src/adapters/postgres/migratePostgres.js';
import { postgresOpenItems } from '../src/adapters/postgres/postgresOpenItems.js';
import { postgresSalesOrders } from '../src/adapters/postgres/postgresOrderRepositories.js';
import { memorySalesOrders } from '../src/adapters/memory/memorySalesOrders.js';
import { confirmSalesOrder } from '../src/orders/confirmSalesOrder.js';
import { draftSalesOrder } from '../src/orders/draftSalesOrder.js';
import type { SalesOrderRepository } from '../src/orders/ports.js';
import type { SalesOrder } from '../src/orders/SalesOrder.js';
import { compilePriceBook } from '../src/pricing/compilePriceBook.js';
import type { CalendarDate } from '../src/calendar/CalendarDate.js';
import { money } from '../src/money/Money.js';
import type { CustomerId, OpenItem, OpenItemId } from '../src/payments/OpenItem.js';
import type { OpenItemRepository } from '../src/payments/ports.js';
import type { Settlement } from '../src/payments/Settlement.js';
import { settlePayment } from '../src/payments/settlePayment.js';
import { type BenchResult, round3 } from './_lib.js';

const ITEMS = 1_000;
const asOf = '2026-03-01' as CalendarDate;

function scenario(count: number): { items: OpenItem[]; settlements: Settlement[] } {
  const items: OpenItem[] = Array.from({ length: ITEMS }, (_, i) => ({
    id: `I${String(i).padStart(5, '0')}` as OpenItemId,
    kind: 'invoice',
    customerId: `C${i}` as CustomerId,
    currency: 'EUR',
    residual: money(1_000_000n, 'EUR'),
    documentNumber: `INV-${i}`,
    references: [],
    documentDate: '2026-01-01' as CalendarDate,
    dueDate: '2026-01-31' as CalendarDate,
    cashDiscounts: [],
  }));
  const settlements = Array.from({ length: count }, (_, n) => {
    const item = items[n % ITEMS] as OpenItem;
    const payment = { id: `P${n}`, currency: 'EUR', amount: money(100n, 'EUR'), valueDate: asOf, customerId: item.customerId, references: [] };
    return settlePayment({ payment, items: [item], idempotencyKey: `K${n}` }, { rounding: 'halfUp', asOf });
  });
  return { items, settlements };
}

async function settlementsPerSecond(repo: OpenItemRepository, settlements: readonly Settlement[], workers: number): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < settlements.length) {
        const s = settlements[next++] as Settlement;
        const outcome = await repo.applySettlement(s, s.idempotencyKey);
        if (outcome.kind !== 'applied') throw new Error(`${s.idempotencyKey}: ${outcome.kind}`);
      }
    }),
  );
  return settlements.length / (Number(process.hrtime.bigint() - start) / 1e9);
}

const BOOK = compilePriceBook({
  agreements: [{ id: 'P-A', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '100', priceUnit: '5' }],
  basePrices: [
    { itemId: 'A', currency: 'EUR', unit: 'pcs', price: '25.00' },
    { itemId: 'B', currency: 'EUR', unit: 'kg', price: '2.345' },
  ],
});

/** `count` orders of two lines, drafted and confirmed: the values the two saves store. */
function orders(count: number): { draft: SalesOrder; confirmed: SalesOrder }[] {
  return Array.from({ length: count }, (_, i) => {
    const outcome = draftSalesOrder(
      { number: `SO-${String(i).padStart(6, '0')}`, customer: { customerId: `C${i % 50}` }, currency: 'EUR', lines: [{ itemId: 'A', quantity: String(1 + (i % 40)), unit: 'pcs' }, { itemId: 'B', quantity: `${i % 9}.${String(i % 997).padStart(3, '0')}1`, unit: 'kg' }] },
      BOOK,
      { asOf: '2026-03-01', rounding: 'halfUp', combination: 'sum' },
    );
    if (outcome.kind !== 'ordered') throw new Error('unpriced bench order');
    return { draft: outcome.order, confirmed: confirmSalesOrder(outcome.order, { kind: 'pass', reasons: [] }, '2026-03-02') };
  });
}

async function ordersPerSecond(repo: SalesOrderRepository, work: readonly { draft: SalesOrder; confirmed: SalesOrder }[], workers: number): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < work.length) {
        const { draft, confirmed } = work[next++] as { draft: SalesOrder; confirmed: SalesOrder };
        const created = await repo.save(draft, 0);
        const saved = await repo.save(confirmed, 1);
        if (created.kind !== 'saved' || saved.kind !== 'saved') throw new Error(`${draft.number}: ${created.kind}, ${saved.kind}`);
      }
    }),
  );
  return work.length / (Number(process.hrtime.bigint() - start) / 1e9);
}

export async function* run(): AsyncGenerator<BenchResult> {
  const small = scenario(1_000);
  yield { suite: 'storage', case: 'memory-1k-settlements', metric: 'settlements/s', value: round3(await settlementsPerSecond(memoryOpenItems(small.items), small.settlements, 1)) };

  const pglite = new PGlite();
  await migratePostgres(pglite);
  const embedded = postgresOpenItems(pglite);
  await embedded.putOpenItems(small.items);
  yield { suite: 'storage', case: 'pglite-1k-settlements', metric: 'settlements/s', value: round3(await settlementsPerSecond(embedded, small.settlements, 1)) };
  const work = orders(1_000);
  yield { suite: 'storage', case: 'memory-1k-order-saves', metric: 'orders/s', value: round3(await ordersPerSecond(memorySalesOrders(), work, 1)) };
  yield { suite: 'storage', case: 'pglite-1k-order-saves', metric: 'orders/s', value: round3(await ordersPerSecond(postgresSalesOrders(pglite), work, 1)) };
  await pglite.close();

  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') {
    process.stderr.write('storage: server case skipped, set DATABASE_URL (scripts/start-postgres.sh)\n');
    return;
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const database = `otc_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${database}`);
  const target = new URL(url);
  target.pathname = `/${database}`;
  const pool = new pg.Pool({ connectionString: target.toString(), max: 8 });
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
    const server = postgresOpenItems(pool);
    const big = scenario(4_000);
    await server.putOpenItems(big.items);
    yield { suite: 'storage', case: 'server-4k-settlements-8-connections', metric: 'settlements/s', value: round3(await settlementsPerSecond(server, big.settlements, 8)) };
    yield { suite: 'storage', case: 'server-4k-order-saves-8-connections', metric: 'orders/s', value: round3(await ordersPerSecond(postgresSalesOrders(pool), orders(4_000), 8)) };
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}
