// Suite `storage`: settlements applied per second through the OpenItemRepository port, on
// the memory adapter, on PGlite and (when DATABASE_URL is set) on a PostgreSQL server with
// 8 connections. Each settlement pays part of one of 1 000 invoices (one customer each), so
// concurrent settlements rarely touch the same item; each one is a full transaction
// (key claim, row lock, update, entries). No target: a baseline for later changes.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { memoryOpenItems } from '../src/adapters/memory/memoryOpenItems.js';
import { migratePostgres } from '../src/adapters/postgres/migratePostgres.js';
import { postgresOpenItems } from '../src/adapters/postgres/postgresOpenItems.js';
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

export async function* run(): AsyncGenerator<BenchResult> {
  const small = scenario(1_000);
  yield { suite: 'storage', case: 'memory-1k-settlements', metric: 'settlements/s', value: round3(await settlementsPerSecond(memoryOpenItems(small.items), small.settlements, 1)) };

  const pglite = new PGlite();
  await migratePostgres(pglite);
  const embedded = postgresOpenItems(pglite);
  await embedded.putOpenItems(small.items);
  yield { suite: 'storage', case: 'pglite-1k-settlements', metric: 'settlements/s', value: round3(await settlementsPerSecond(embedded, small.settlements, 1)) };
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
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}
