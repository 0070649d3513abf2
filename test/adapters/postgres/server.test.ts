// The adapter on a real PostgreSQL server, from DATABASE_URL (scripts/start-postgres.sh
// starts one; .ci/run sets it). Each run works in a database of its own, dropped afterwards.
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migratePostgres } from '../../../src/adapters/postgres/migratePostgres.js';
import { postgresInvoiceNumbers } from '../../../src/adapters/postgres/postgresInvoiceNumbers.js';
import { postgresOpenItems } from '../../../src/adapters/postgres/postgresOpenItems.js';
import { type SqlDatabase, sqlDatabase } from '../../../src/adapters/postgres/SqlDatabase.js';
import { addDays } from '../../../src/calendar/addDays.js';
import { calendarDate } from '../../../src/calendar/CalendarDate.js';
import { money } from '../../../src/money/Money.js';
import { applySettlement } from '../../../src/payments/applySettlement.js';
import type { CustomerId, OpenItem, OpenItemId, Payment } from '../../../src/payments/OpenItem.js';
import type { ApplyOutcome } from '../../../src/payments/ports.js';
import type { Settlement } from '../../../src/payments/Settlement.js';
import { settlePayment } from '../../../src/payments/settlePayment.js';
import {
  invoiceNumberSequenceContract,
  openItemRepositoryContract,
  orderNumberSequenceContract,
  quotationRepositoryContract,
  returnOrderRepositoryContract,
  salesOrderRepositoryContract,
} from '../../../src/testkit/index.js';
import { postgresOrderNumbers, postgresQuotations, postgresReturnOrders, postgresSalesOrders } from '../../../src/adapters/postgres/postgresOrderRepositories.js';
import { item } from '../../payments/_fixtures.js';
import { faultLaws } from './faults.js';
import { freshRepository, resetTables } from './_harness.js';

const url = process.env.DATABASE_URL;
if (url === undefined || url === '')
  console.warn('SKIPPED: the PostgreSQL server suite needs DATABASE_URL (export DATABASE_URL="$(bash scripts/start-postgres.sh)")');

const CONNECTIONS = 8;
let admin: pg.Client;
let pool: pg.Pool;
let db: SqlDatabase;
const database = `otc_test_${process.pid}`;

describe.skipIf(url === undefined || url === '')('PostgreSQL adapter on a server (DATABASE_URL)', () => {
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    const target = new URL(url ?? '');
    target.pathname = `/${database}`;
    pool = new pg.Pool({ connectionString: target.toString(), max: CONNECTIONS });
    // Idle connections closed by the server (DROP DATABASE … FORCE at the end) are not test failures.
    pool.on('error', () => undefined);
    db = sqlDatabase(pool);
    // Two migrators at once: the advisory lock lets one apply, the other finds nothing to do.
    const [a, b] = await Promise.all([migratePostgres(pool), migratePostgres(pool)]);
    expect([...(a?.applied ?? []), ...(b?.applied ?? [])]).toEqual([1, 2, 3]);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin?.end();
  });

  openItemRepositoryContract((items) => freshRepository(db, items), { describe, test }, { numRuns: 25, concurrency: 16 });

  invoiceNumberSequenceContract(
    async () => {
      await resetTables(db);
      return postgresInvoiceNumbers(pool);
    },
    { describe, test },
    { numRuns: 25, concurrency: 50 },
  );


  // The tables are not emptied: the aggregate suites make new numbers for every run, and each
  // number sequence gets a series of its own, as a host running them on a database in use would.
  salesOrderRepositoryContract(() => Promise.resolve(postgresSalesOrders(db)), { describe, test }, { numRuns: 25, concurrency: 16 });
  quotationRepositoryContract(() => Promise.resolve(postgresQuotations(pool)), { describe, test }, { numRuns: 25, concurrency: 16 });
  returnOrderRepositoryContract(() => Promise.resolve(postgresReturnOrders(pool)), { describe, test }, { numRuns: 25, concurrency: 16 });
  let series = 0;
  orderNumberSequenceContract(() => Promise.resolve(postgresOrderNumbers(pool, { series: `run-${++series}/` })), { describe, test }, { numRuns: 25, concurrency: 50 });

  describe('faults', () => faultLaws(() => db));

  describe('drivers', () => {
    test('a single pg.Client runs concurrent transactions one after the other', async () => {
      const seed = [item('I1', '100.00', '2026-01-31')];
      await freshRepository(db, seed);
      const target = new URL(url ?? '');
      target.pathname = `/${database}`;
      const client = new pg.Client({ connectionString: target.toString() });
      await client.connect();
      try {
        const repo = postgresOpenItems(client);
        const settlements = Array.from({ length: 10 }, (_, i) =>
          settlePayment({ payment: { id: `P${i}`, currency: 'EUR', amount: money(6_000n, 'EUR'), valueDate: calendarDate('2026-01-10'), references: [] }, items: seed, idempotencyKey: `k${i}` }, { rounding: 'halfUp', asOf: calendarDate('2026-01-10') }),
        );
        const outcomes = await Promise.all(settlements.map((s) => repo.applySettlement(s, s.idempotencyKey)));
        expect(outcomes.map((o) => o.kind).sort()).toEqual(['applied', ...Array<string>(9).fill('conflict')]);
        expect((await repo.listOpen({ customerId: 'C1' as CustomerId, currency: 'EUR' })).map((i) => i.residual.minor)).toEqual([4_000n]);
      } finally {
        await client.end();
      }
    });
  });


  describe('50 concurrent settlements of overlapping payments against 20 invoices', () => {
    const START = calendarDate('2026-01-01');
    const RESIDUAL_KINDS = new Set(['applied', 'cashDiscount', 'pennyDifference', 'writeOff', 'deduction', 'residualItem']);
    const reduction = (s: Settlement): bigint => s.entries.filter((e) => e.itemId !== undefined && RESIDUAL_KINDS.has(e.kind)).reduce((a, e) => a + e.amount.minor, 0n);

    const scenarioArb = fc
      .record({
        invoices: fc.array(fc.record({ minor: fc.bigInt({ min: 1_000n, max: 50_000n }), customer: fc.integer({ min: 0, max: 3 }), due: fc.integer({ min: 0, max: 60 }), discount: fc.boolean() }), { minLength: 20, maxLength: 20 }),
        payments: fc.array(
          fc.record({ customer: fc.integer({ min: 0, max: 3 }), skip: fc.integer({ min: 0, max: 2 }), count: fc.integer({ min: 1, max: 4 }), percent: fc.integer({ min: 40, max: 130 }), day: fc.integer({ min: 0, max: 40 }), replayOf: fc.option(fc.nat(), { freq: 4, nil: undefined }) }),
          { minLength: 50, maxLength: 50 },
        ),
      })
      .map(({ invoices, payments }) => {
        const items: OpenItem[] = invoices.map((inv, i) => ({
          id: `INV-${String(i).padStart(2, '0')}` as OpenItemId,
          kind: 'invoice',
          customerId: `C${inv.customer}` as CustomerId,
          currency: 'EUR',
          residual: money(inv.minor, 'EUR'),
          documentNumber: `D-${i}`,
          references: [],
          documentDate: START,
          dueDate: addDays(START, inv.due),
          cashDiscounts: inv.discount ? [{ percent: { units: 2n, scale: 0 }, until: addDays(START, 20) }] : [],
        }));
        const settlements: Settlement[] = [];
        payments.forEach((p, i) => {
          const earlier = p.replayOf === undefined || settlements.length === 0 ? undefined : settlements[p.replayOf % settlements.length];
          if (earlier !== undefined) return settlements.push(earlier); // the same statement line delivered twice
          const mine = items.filter((it) => it.customerId === `C${p.customer}`).slice(p.skip, p.skip + p.count);
          const total = mine.reduce((a, it) => a + it.residual.minor, 0n);
          const amount = total === 0n ? 1_000n : (total * BigInt(p.percent)) / 100n + 1n;
          const payment: Payment = { id: `P${i}`, currency: 'EUR', amount: money(amount, 'EUR'), valueDate: addDays(START, p.day), customerId: `C${p.customer}` as CustomerId, references: [] };
          settlements.push(settlePayment({ payment, items: mine, idempotencyKey: `stmt:${i}` }, { rounding: 'halfUp', asOf: addDays(START, p.day) }));
        });
        return { items, settlements };
      });

    const seeds = Array.from({ length: 20 }, (_, i) => 20261123 + i);
    test.each(seeds)('seed %i: no negative residual, money conserved, each key applied once, every conflict real', async (seed) => {
      const [{ items, settlements }] = fc.sample(scenarioArb, { seed, numRuns: 1 }) as [{ items: OpenItem[]; settlements: Settlement[] }];
      const repo = await freshRepository(db, items);
      const outcomes: ApplyOutcome[] = await Promise.all(settlements.map((s) => repo.applySettlement(s, s.idempotencyKey)));

      // Every settlement has an outcome; no error was swallowed.
      expect(outcomes).toHaveLength(50);
      const rows = (await pool.query<{ id: string; kind: string; residual: string }>('SELECT id, kind, residual_minor::text AS residual FROM otc_open_items ORDER BY id')).rows;
      const finalResidual = new Map(rows.map((r) => [r.id, BigInt(r.residual)]));
      // No residual past zero: invoices never below, the unapplied cash opened by overpayments never above.
      for (const r of rows) expect(r.kind === 'payment' ? BigInt(r.residual) <= 0n : BigInt(r.residual) >= 0n, `${r.id}: ${r.residual}`).toBe(true);

      // Each key applied exactly once: one row per key; one `applied` outcome per stored key, the rest duplicates.
      const stored = (await pool.query<{ idempotency_key: string; seq: string }>('SELECT idempotency_key, seq::text AS seq FROM otc_settlements ORDER BY seq')).rows;
      const appliedByKey = new Map<string, number>();
      outcomes.forEach((o, i) => {
        const key = (settlements[i] as Settlement).idempotencyKey;
        if (o.kind === 'applied') appliedByKey.set(key, (appliedByKey.get(key) ?? 0) + 1);
      });
      expect([...appliedByKey.values()].every((n) => n === 1)).toBe(true);
      expect(stored.map((r) => r.idempotency_key).sort()).toEqual([...appliedByKey.keys()].sort());
      outcomes.forEach((o, i) => {
        if (o.kind === 'duplicate') expect(appliedByKey.has((settlements[i] as Settlement).idempotencyKey)).toBe(true);
      });

      // Money conserved: Σ applied = Σ residual reductions, from the outcomes and from the stored entries.
      const bySettlementKey = new Map(settlements.map((s) => [s.idempotencyKey, s]));
      const appliedTotal = [...appliedByKey.keys()].reduce((a, k) => a + reduction(bySettlementKey.get(k) as Settlement), 0n);
      const initialTotal = items.reduce((a, it) => a + it.residual.minor, 0n);
      const finalTotal = items.reduce((a, it) => a + (finalResidual.get(it.id) ?? 0n), 0n);
      expect(appliedTotal).toBe(initialTotal - finalTotal);
      // The items opened are exactly those of the applied settlements (the unapplied cash left on account), in the same transaction.
      const opened = [...appliedByKey.keys()].flatMap((k) => (bySettlementKey.get(k) as Settlement).newItems ?? []);
      const byId = (x: [string, bigint], y: [string, bigint]): number => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
      const openedRows = rows.filter((r) => !items.some((it) => it.id === r.id)).map((r): [string, bigint] => [r.id, BigInt(r.residual)]);
      expect(openedRows.sort(byId)).toEqual(opened.map((n): [string, bigint] => [n.id, n.residual.minor]).sort(byId));
      const entryTotal = (await pool.query<{ total: string | null }>(
        `SELECT sum(amount_minor)::text AS total FROM otc_settlement_entries WHERE item_id IS NOT NULL AND kind IN ('applied', 'cashDiscount', 'pennyDifference', 'writeOff', 'deduction')`,
      )).rows[0]?.total;
      expect(BigInt(entryTotal ?? '0')).toBe(appliedTotal);

      // Serialisable: the applied settlements, in their sequence order, replay one by one from the initial items to the final residuals.
      let state = { items: items as readonly OpenItem[], applied: new Map<string, string>() as ReadonlyMap<string, string> };
      for (const r of stored) {
        const step = applySettlement(state, bySettlementKey.get(r.idempotency_key) as Settlement);
        expect(step.kind, r.idempotency_key).toBe('applied');
        state = step.state;
      }
      expect(new Map(state.items.map((it) => [it.id as string, it.residual.minor]))).toEqual(finalResidual);

      // Every conflict is reported and real: residuals only fall here, so a conflicting settlement still conflicts at the end.
      outcomes.forEach((o, i) => {
        const s = settlements[i] as Settlement;
        if (o.kind !== 'conflict') return;
        expect(o.staleItemIds.length).toBeGreaterThan(0);
        expect(appliedByKey.has(s.idempotencyKey)).toBe(false);
        expect(applySettlement({ items: state.items, applied: new Map() }, s).kind).toBe('conflict');
      });
      // The scenario did contend: settlements applied, conflicted and were delivered twice.
      expect(['applied', 'conflict', 'duplicate'].map((kind) => outcomes.some((o) => o.kind === kind))).toEqual([true, true, true]);
    });
  });
});
