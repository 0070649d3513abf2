import fc from 'fast-check';
import { addDays } from '../../calendar/addDays.js';
import type { CalendarDate } from '../../calendar/CalendarDate.js';
import { money } from '../../money/Money.js';
import { scaledOf } from '../../money/Scaled.js';
import { applySettlement as applyToState, type SettlementState } from '../../payments/applySettlement.js';
import type { CustomerId, OpenItem, OpenItemId, OpenItemKind, Payment } from '../../payments/OpenItem.js';
import type { ApplyOutcome, OpenItemRepository } from '../../payments/ports.js';
import { reverseSettlement } from '../../payments/reverseSettlement.js';
import type { Settlement } from '../../payments/Settlement.js';
import { settlePayment } from '../../payments/settlePayment.js';
import { openItemsArb } from '../paymentsArbitraries.js';
import { check, checkEqual, checkRejects, codeOrResult } from './_internal/check.js';
import type { ContractRunner } from './ContractRunner.js';

/**
 * Makes a fresh repository holding exactly `items` and no applied settlement. The suite
 * calls it once per law and once per generated run. It lists whole accounts, so the
 * repository must hold no other item of the customers it uses (`C0`, `C1`, `C2`, `NOBODY`):
 * on a database in use, give it a schema of its own.
 * @example
 * const make: MakeOpenItemRepository = async (items) => memoryOpenItems(items);
 */
export type MakeOpenItemRepository = (items: readonly OpenItem[]) => Promise<OpenItemRepository>;

/**
 * Options of {@link openItemRepositoryContract}.
 * @example
 * const o: OpenItemRepositoryContractOptions = { numRuns: 50, concurrency: 8 };
 */
export type OpenItemRepositoryContractOptions = {
  /** Runs of the model-based test (default: fast-check's global setting). */
  readonly numRuns?: number;
  /** Largest number of commands per run of the model-based test (default 20). */
  readonly maxCommands?: number;
  /** Settlements started at once in the concurrency laws (default 8). */
  readonly concurrency?: number;
};

const C1 = 'C1' as CustomerId;
const C2 = 'C2' as CustomerId;
const START = '2026-01-01' as CalendarDate;

function item(id: string, minor: bigint, due: string, extra: Partial<OpenItem> = {}): OpenItem {
  const kind: OpenItemKind = extra.kind ?? 'invoice';
  const currency = extra.currency ?? 'EUR';
  return {
    id: id as OpenItemId,
    kind,
    customerId: C1,
    currency,
    residual: money(minor, currency),
    documentNumber: `DOC-${id}`,
    references: [],
    documentDate: START,
    dueDate: due as CalendarDate,
    cashDiscounts: [],
    ...extra,
  };
}

// The accounts of the example laws. C1 in EUR lists, by due date then id: INV-2, INV-3, CN-1, INV-1.
const INV1 = item('INV-1', 10_000n, '2026-02-01');
const INV2 = item('INV-2', 25_000n, '2026-01-15', {
  references: ['RF18539007547034', 'PO-77'],
  cashDiscounts: [{ percent: scaledOf(2n, 0), until: '2026-01-10' as CalendarDate }],
  exchangeRate: scaledOf(10_850n, 4),
});
const INV3 = item('INV-3', 5_000n, '2026-01-15');
const CN1 = item('CN-1', -3_000n, '2026-01-20', { kind: 'creditNote' });
const CLOSED = item('INV-9', 0n, '2026-01-02');
const USD1 = item('USD-1', 7_000n, '2026-01-03', { currency: 'USD' });
const OTHER = item('C2-1', 4_000n, '2026-01-03', { customerId: C2 });
const SEED: readonly OpenItem[] = [INV1, INV2, INV3, CN1, CLOSED, USD1, OTHER];
const GHOST = item('GHOST', 1_000n, '2026-01-05');

function pay(minor: bigint, id = 'P1', customerId: CustomerId = C1): Payment {
  return { id, currency: 'EUR', amount: money(minor, 'EUR'), valueDate: '2026-01-20' as CalendarDate, customerId, references: [] };
}

function settle(minor: bigint, items: readonly OpenItem[], key: string, paymentId = 'P1'): Settlement {
  return settlePayment({ payment: pay(minor, paymentId), items, idempotencyKey: key }, { rounding: 'halfUp', asOf: '2026-01-20' as CalendarDate });
}

const open = (repo: OpenItemRepository, customerId: CustomerId = C1): Promise<readonly OpenItem[]> => repo.listOpen({ customerId, currency: 'EUR' });
const residualOf = (items: readonly OpenItem[], id: string): bigint | undefined => items.find((i) => i.id === id)?.residual.minor;
const apply = (repo: OpenItemRepository, s: Settlement): Promise<ApplyOutcome> => repo.applySettlement(s, s.idempotencyKey);

function exampleLaws(make: MakeOpenItemRepository, concurrency: number): [string, () => Promise<void>][] {
  return [
    [
      'listOpen gives the open items of one account and currency, due date then id, every field intact',
      async () => {
        const repo = await make(SEED);
        checkEqual(await open(repo), [INV2, INV3, CN1, INV1], 'C1 in EUR');
        checkEqual(await repo.listOpen({ customerId: C1, currency: 'USD' }), [USD1], 'C1 in USD');
        checkEqual(await open(repo, C2), [OTHER], 'C2 in EUR');
        checkEqual(await open(repo, 'NOBODY' as CustomerId), [], 'an unknown account');
      },
    ],
    [
      'applySettlement lowers the residuals exactly as the payments rule does',
      async () => {
        const repo = await make(SEED);
        const s = settle(32_000n, [INV2, INV3], 'k-1');
        const outcome = await apply(repo, s);
        check(outcome.kind === 'applied', `expected applied, got ${outcome.kind}`);
        const expected = applyToState({ items: [INV2, INV3], applied: new Map() }, s);
        check(expected.kind === 'applied', 'the payments rule applies it');
        const after = await repo.listOpen({ customerId: C1, currency: 'EUR' });
        for (const i of expected.state.items) checkEqual(residualOf(after, i.id) ?? 0n, i.residual.minor, `residual of ${i.id}`);
        checkEqual(residualOf(after, 'INV-1'), 10_000n, 'an item outside the settlement');
      },
    ],
    [
      'a replay with the same key and content is a duplicate and changes nothing',
      async () => {
        const repo = await make(SEED);
        const s = settle(4_000n, [INV1], 'k-1');
        check((await apply(repo, s)).kind === 'applied', 'first apply');
        const before = await open(repo);
        checkEqual(await apply(repo, s), { kind: 'duplicate' }, 'replay');
        checkEqual(await apply(repo, { ...s }), { kind: 'duplicate' }, 'replay of a copy');
        checkEqual(await open(repo), before, 'items after the replays');
      },
    ],
    [
      'a key used again for other content throws idempotency_key_reused and changes nothing',
      async () => {
        const repo = await make(SEED);
        check((await apply(repo, settle(4_000n, [INV1], 'k-1'))).kind === 'applied', 'first apply');
        const before = await open(repo);
        await checkRejects(() => apply(repo, settle(5_000n, [INV1], 'k-1')), 'idempotency_key_reused', 'other content under k-1');
        checkEqual(await open(repo), before, 'items after the rejected settlement');
      },
    ],
    [
      'a stale settlement that would over-settle is a conflict naming the item; nothing changes; its key stays free',
      async () => {
        const repo = await make(SEED);
        const first = settle(7_000n, [INV1], 'k-1');
        const stale = settle(6_000n, [INV1], 'k-2'); // computed on the same snapshot: 100.00 open
        check((await apply(repo, first)).kind === 'applied', 'first apply');
        const before = await open(repo);
        checkEqual(await apply(repo, stale), { kind: 'conflict', staleItemIds: ['INV-1'] }, 'stale settlement');
        checkEqual(await open(repo), before, 'items after the conflict');
        const fresh = settle(3_000n, [INV1], 'k-2', 'P2');
        check((await apply(repo, fresh)).kind === 'applied', 'new content under the conflicting key applies');
        checkEqual(residualOf(await open(repo), 'INV-1'), undefined, 'INV-1 closed');
      },
    ],
    [
      'all or nothing: one stale item leaves the other items of the settlement unchanged',
      async () => {
        const repo = await make(SEED);
        const both = settle(35_000n, [INV2, INV1], 'k-2');
        check((await apply(repo, settle(10_000n, [INV1], 'k-1'))).kind === 'applied', 'INV-1 paid');
        checkEqual(await apply(repo, both), { kind: 'conflict', staleItemIds: ['INV-1'] }, 'settlement of INV-2 and INV-1');
        checkEqual(residualOf(await open(repo), 'INV-2'), 25_000n, 'INV-2 unchanged');
      },
    ],
    [
      'a settlement naming an unknown item is a conflict',
      async () => {
        const repo = await make(SEED);
        checkEqual(await apply(repo, settle(1_000n, [GHOST], 'k-1')), { kind: 'conflict', staleItemIds: ['GHOST'] }, 'unknown item');
        checkEqual(await open(repo), [INV2, INV3, CN1, INV1], 'items unchanged');
      },
    ],
    [
      'versions of applied settlements are positive integers that increase',
      async () => {
        const repo = await make(SEED);
        const versions: number[] = [];
        for (const [i, s] of [settle(1_000n, [INV1], 'k-1'), settle(1_000n, [INV3], 'k-2', 'P2'), settle(500n, [], 'k-3', 'P3')].entries()) {
          const outcome = await apply(repo, s);
          if (outcome.kind !== 'applied') throw new Error(`settlement ${i}: expected applied, got ${outcome.kind}`);
          versions.push(outcome.version);
        }
        check(versions.every((v, i) => Number.isSafeInteger(v) && v > 0 && (i === 0 || v > (versions[i - 1] ?? 0))), `increasing versions: ${versions.join(', ')}`);
      },
    ],
    [
      'a reversal restores the residuals and reopens a closed item; replaying it changes nothing',
      async () => {
        const repo = await make(SEED);
        const s = settle(10_000n, [INV1], 'k-1');
        check((await apply(repo, s)).kind === 'applied', 'INV-1 paid');
        checkEqual(residualOf(await open(repo), 'INV-1'), undefined, 'INV-1 closed');
        const reversal = reverseSettlement(s, 'k-1-reversal');
        check((await apply(repo, reversal)).kind === 'applied', 'reversal applied');
        checkEqual(await open(repo), [INV2, INV3, CN1, INV1], 'items as seeded');
        checkEqual(await apply(repo, reversal), { kind: 'duplicate' }, 'reversal replayed');
      },
    ],
    [
      'an overpayment left on account appears in listOpen as an open payment item, every field intact',
      async () => {
        const repo = await make(SEED);
        const s = settle(12_000n, [INV1], 'k-1');
        const cash = s.newItems?.[0];
        check(cash !== undefined && cash.kind === 'payment', 'the payments rule opens unapplied cash');
        check((await apply(repo, s)).kind === 'applied', 'overpayment applied');
        checkEqual(await open(repo), [INV2, INV3, CN1, cash], 'C1 in EUR: INV-1 closed, the unapplied cash open');
        checkEqual(await open(repo, C2), [OTHER], 'another account unchanged');
      },
    ],
    [
      'a deduction opens a new item with its origin and reason code',
      async () => {
        const repo = await make(SEED);
        const s = settlePayment(
          { payment: pay(6_000n), items: [INV1], idempotencyKey: 'k-1' },
          { rounding: 'halfUp', asOf: '2026-01-20' as CalendarDate, deductionReasonCode: 'DAMAGED' },
        );
        const deduction = s.newItems?.[0];
        check(deduction !== undefined && deduction.kind === 'deduction', 'the payments rule opens a deduction');
        check((await apply(repo, s)).kind === 'applied', 'short payment applied');
        const listed = await open(repo);
        checkEqual(listed.find((i) => i.id === deduction.id), deduction, 'the deduction as opened');
        checkEqual(residualOf(listed, 'INV-1'), undefined, 'INV-1 closed');
      },
    ],
    [
      'a reversal removes the items its settlement opened; replaying either changes nothing',
      async () => {
        const repo = await make(SEED);
        const s = settle(12_000n, [INV1], 'k-1');
        check((await apply(repo, s)).kind === 'applied', 'overpayment applied');
        const reversal = reverseSettlement(s, 'k-1-reversal');
        check((await apply(repo, reversal)).kind === 'applied', 'reversal applied');
        checkEqual(await open(repo), [INV2, INV3, CN1, INV1], 'items as seeded, the unapplied cash gone');
        checkEqual(await apply(repo, s), { kind: 'duplicate' }, 'the settlement replayed');
        checkEqual(await apply(repo, reversal), { kind: 'duplicate' }, 'the reversal replayed');
        checkEqual(await open(repo), [INV2, INV3, CN1, INV1], 'items after the replays');
      },
    ],
    [
      'a reversal is a conflict naming the opened item when it was settled since; nothing changes',
      async () => {
        const repo = await make(SEED);
        const s = settle(12_000n, [INV1], 'k-1');
        const cash = s.newItems?.[0];
        check(cash !== undefined, 'the payments rule opens unapplied cash');
        check((await apply(repo, s)).kind === 'applied', 'overpayment applied');
        const use = settle(3_000n, [INV3, cash], 'k-2', 'P2');
        check((await apply(repo, use)).kind === 'applied', 'the unapplied cash used on INV-3');
        const before = await open(repo);
        check(residualOf(before, cash.id) !== cash.residual.minor, 'the unapplied cash was settled');
        checkEqual(await apply(repo, reverseSettlement(s, 'k-1-reversal')), { kind: 'conflict', staleItemIds: [cash.id] }, 'reversal of k-1');
        checkEqual(await open(repo), before, 'items after the conflict');
        check((await apply(repo, reverseSettlement(use, 'k-2-reversal'))).kind === 'applied', 'the later settlement reversed first');
        check((await apply(repo, reverseSettlement(s, 'k-1-reversal'))).kind === 'applied', 'then the reversal applies');
        checkEqual(await open(repo), [INV2, INV3, CN1, INV1], 'items as seeded');
      },
    ],
    [
      'only the reversal of the settlement that opened an item removes it: another removal is a conflict',
      async () => {
        const repo = await make(SEED);
        const s = settle(12_000n, [INV1], 'k-1');
        check((await apply(repo, s)).kind === 'applied', 'overpayment applied');
        const before = await open(repo);
        const reversal = reverseSettlement(s, 'k-1-reversal');
        const forged: Settlement = { ...reversal, contentHash: `${reversal.contentHash}-forged`, removedItems: [...(reversal.removedItems ?? []), INV3] };
        checkEqual(await apply(repo, forged), { kind: 'conflict', staleItemIds: ['INV-3'] }, 'a reversal removing a seeded item');
        checkEqual(await open(repo), before, 'items after the conflict');
      },
    ],
    [
      'returned items are values: a later settlement does not change a list already returned',
      async () => {
        const repo = await make(SEED);
        const listed = await open(repo);
        check((await apply(repo, settle(10_000n, [INV1], 'k-1'))).kind === 'applied', 'INV-1 paid');
        checkEqual(residualOf(listed, 'INV-1'), 10_000n, 'the earlier list');
      },
    ],
    [
      `${concurrency} concurrent settlements of one item: exactly one applies, the others are conflicts, nothing goes below zero`,
      async () => {
        const repo = await make(SEED);
        const settlements = Array.from({ length: concurrency }, (_, i) => settle(10_000n, [INV1], `k-${i}`, `P${i}`));
        const outcomes = await Promise.all(settlements.map((s) => apply(repo, s)));
        checkEqual(outcomes.filter((o) => o.kind === 'applied').length, 1, 'applied');
        checkEqual(outcomes.filter((o) => o.kind === 'conflict').length, concurrency - 1, 'conflicts');
        for (const o of outcomes) if (o.kind === 'conflict') checkEqual(o.staleItemIds, ['INV-1'], 'stale item');
        checkEqual(residualOf(await open(repo), 'INV-1'), undefined, 'INV-1 closed, not negative');
      },
    ],
    [
      `${concurrency} concurrent replays of one key apply it once`,
      async () => {
        const repo = await make(SEED);
        const s = settle(4_000n, [INV1], 'k-1');
        const outcomes = await Promise.all(Array.from({ length: concurrency }, () => apply(repo, s)));
        checkEqual(outcomes.filter((o) => o.kind === 'applied').length, 1, 'applied');
        checkEqual(outcomes.filter((o) => o.kind === 'duplicate').length, concurrency - 1, 'duplicates');
        checkEqual(residualOf(await open(repo), 'INV-1'), 6_000n, 'INV-1 paid once');
      },
    ],
  ];
}

// ---- model-based test: the repository against the payments rule on a plain state ----

type Model = {
  state: SettlementState;
  readonly initial: readonly OpenItem[];
  readonly applied: Settlement[];
  readonly reversed: Set<string>;
  lastVersion: number;
  nextKey: number;
};
type Real = { readonly repo: OpenItemRepository };
type Command = fc.AsyncCommand<Model, Real, boolean>;

const openOf = (items: readonly OpenItem[], customerId: CustomerId): OpenItem[] =>
  items
    .filter((i) => i.customerId === customerId && i.currency === 'EUR' && i.residual.minor !== 0n)
    .sort((a, b) => (a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Applies `s` to the model and the repository and checks that they agree. */
async function applyBoth(m: Model, r: Real, s: Settlement): Promise<void> {
  const expected = await codeOrResult(() => applyToState(m.state, s));
  const actual = await codeOrResult(() => r.repo.applySettlement(s, s.idempotencyKey));
  if ('error' in expected || 'error' in actual) {
    checkEqual(actual, expected, `outcome of ${s.idempotencyKey}`);
    return;
  }
  const want = expected.value;
  const got = actual.value;
  check(got.kind === want.kind, `${s.idempotencyKey}: expected ${want.kind}, got ${got.kind}`);
  if (want.kind === 'conflict' && got.kind === 'conflict') checkEqual(got.staleItemIds, want.staleItemIds, `stale items of ${s.idempotencyKey}`);
  if (want.kind === 'applied' && got.kind === 'applied') {
    check(got.version > m.lastVersion, `${s.idempotencyKey}: version ${got.version} after ${m.lastVersion}`);
    m.lastVersion = got.version;
    m.state = want.state;
    m.applied.push(s);
  }
}

type SettleParams = { readonly customer: number; readonly minor: bigint; readonly count: number; readonly day: number; readonly stale: boolean };

function settleCommand(p: SettleParams): Command {
  return {
    check: () => true,
    async run(m, r) {
      const customerId = `C${p.customer}` as CustomerId;
      const source = openOf(p.stale ? m.initial : m.state.items, customerId).slice(0, p.count);
      const key = `K${m.nextKey++}`;
      const payment: Payment = { id: `P-${key}`, currency: 'EUR', amount: money(p.minor, 'EUR'), valueDate: addDays(START, p.day), customerId, references: [] };
      let s: Settlement;
      try {
        s = settlePayment({ payment, items: source, idempotencyKey: key }, { rounding: 'halfUp', asOf: addDays(START, p.day) });
      } catch {
        return; // not a settlement the payments rule makes; nothing to store
      }
      await applyBoth(m, r, s);
    },
    toString: () => `settle(C${p.customer}, ${p.minor}, first ${p.count}${p.stale ? ', stale' : ''}, day ${p.day})`,
  };
}

function replayCommand(pick: number): Command {
  return {
    check: (m) => m.applied.length > 0,
    run: async (m, r) => {
      const s = m.applied[pick % m.applied.length] as Settlement;
      checkEqual(await r.repo.applySettlement(s, s.idempotencyKey), { kind: 'duplicate' }, `replay of ${s.idempotencyKey}`);
    },
    toString: () => `replay(${pick})`,
  };
}

function reuseKeyCommand(pick: number): Command {
  return {
    check: (m) => m.applied.length > 0,
    run: async (m, r) => {
      const s = m.applied[pick % m.applied.length] as Settlement;
      await applyBoth(m, r, { ...s, contentHash: `${s.contentHash}-other`, entries: [] });
    },
    toString: () => `reuseKey(${pick})`,
  };
}

function reverseCommand(pick: number): Command {
  return {
    check: (m) => m.applied.some((s) => s.reversalOf === undefined && !m.reversed.has(s.idempotencyKey)),
    run: async (m, r) => {
      const candidates = m.applied.filter((s) => s.reversalOf === undefined && !m.reversed.has(s.idempotencyKey));
      const s = candidates[pick % candidates.length] as Settlement;
      m.reversed.add(s.idempotencyKey);
      await applyBoth(m, r, reverseSettlement(s, `${s.idempotencyKey}-R`));
    },
    toString: () => `reverse(${pick})`,
  };
}

function listCommand(customer: number): Command {
  return {
    check: () => true,
    run: async (m, r) => {
      const customerId = `C${customer}` as CustomerId;
      checkEqual(await r.repo.listOpen({ customerId, currency: 'EUR' }), openOf(m.state.items, customerId), `listOpen(C${customer})`);
    },
    toString: () => `list(C${customer})`,
  };
}

const commandArbs: fc.Arbitrary<Command>[] = [
  fc
    .record({
      customer: fc.integer({ min: 0, max: 1 }),
      minor: fc.bigInt({ min: 1n, max: 150_000n }),
      count: fc.integer({ min: 0, max: 4 }),
      day: fc.integer({ min: 0, max: 150 }),
      stale: fc.boolean(),
    })
    .map(settleCommand),
  fc.nat().map(replayCommand),
  fc.nat().map(reuseKeyCommand),
  fc.nat().map(reverseCommand),
  fc.integer({ min: 0, max: 1 }).map(listCommand),
];

/**
 * The conformance suite of {@link OpenItemRepository}: example laws (listing order and
 * fields, exact application, idempotent replay, key reuse, stale settlements as conflicts,
 * all or nothing, increasing versions, reversals, the items a settlement opens and a reversal
 * removes, concurrent settlements) and a
 * model-based `fc.commands` test that runs random settlements, stale settlements, replays,
 * key reuses, reversals and listings against the repository and against the payments
 * rule on a plain state, and checks that they agree at every step. Every implementation of
 * the port (memory, PostgreSQL, a host's own) must pass it.
 * @param make - a fresh repository holding exactly the given items
 * @param runner - the host's `describe` and `test`
 * @param options - runs, commands per run, concurrency
 * @example
 * import { describe, test } from 'vitest';
 * openItemRepositoryContract(async (items) => memoryOpenItems(items), { describe, test });
 */
export function openItemRepositoryContract(make: MakeOpenItemRepository, runner: ContractRunner, options: OpenItemRepositoryContractOptions = {}): void {
  runner.describe('OpenItemRepository contract', () => {
    for (const [name, law] of exampleLaws(make, options.concurrency ?? 8)) runner.test(name, law);
    runner.test('agrees with the payments rule on random settlements, replays, key reuses, reversals and listings (fc.commands)', async () => {
      const property = fc.asyncProperty(openItemsArb({ customers: 2, maxItems: 8 }), fc.commands(commandArbs, { maxCommands: options.maxCommands ?? 20 }), async (items, commands) => {
        const repo = await make(items);
        await fc.asyncModelRun(() => ({ model: { state: { items, applied: new Map() }, initial: items, applied: [], reversed: new Set<string>(), lastVersion: 0, nextKey: 0 }, real: { repo } }), commands);
      });
      await fc.assert(property, options.numRuns === undefined ? {} : { numRuns: options.numRuns });
    });
  });
}
