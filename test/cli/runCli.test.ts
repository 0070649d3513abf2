import { readFile } from 'node:fs/promises';
import { describe, expect, test as it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/runCli.js';
import { accrueRebates } from '../../src/pricing/rebates/accrueRebates.js';
import { compileRebateDeals } from '../../src/pricing/rebates/compileRebateDeals.js';
import { rebateSourceLinesArb } from '../../src/testkit/index.js';
import { shardMerger } from '../../src/cli/shardMerger.js';
import { listProvisions } from '../../src/pricing/rebates/accrueRebates.js';

const EXAMPLES = new URL('../../examples/cli/', import.meta.url);

/** An in-memory terminal: files by name, `-` for standard input, captured output. */
function memoryIo(files: Readonly<Record<string, string>>, progress = false): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  const text = async (source: string): Promise<string> => {
    const t = files[source];
    if (t === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${source}'`), { code: 'ENOENT' });
    return Promise.resolve(t);
  };
  return {
    readText: text,
    readLines: async function* (source) {
      for (const line of (await text(source)).split('\n')) yield line;
    },
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    progress,
    stdout: () => out,
    stderr: () => err,
  };
}

async function run(argv: readonly string[], files: Readonly<Record<string, string>>): Promise<{ code: number; out: unknown; err: unknown }> {
  const io = memoryIo(files);
  const code = await runCli(argv, io);
  const parse = (t: string): unknown => (t === '' ? undefined : JSON.parse(t));
  return { code, out: parse(io.stdout()), err: parse(io.stderr()) };
}

const example = async (name: string): Promise<string> => readFile(new URL(name, EXAMPLES), 'utf8');
const COMMANDS = ['price', 'invoice', 'match', 'settle', 'accrue', 'age', 'score'] as const;

describe('runCli', () => {
  test.prop([fc.constantFrom(...COMMANDS), fc.jsonValue()], { numRuns: 150 })(
    'any JSON input is computed or refused with a field path, never a crash',
    async (command, value) => {
      const r = await run([command], { '-': JSON.stringify(value) });
      if (r.code === 0) return;
      expect(r.code).toBe(2);
      const error = (r.err as { error: { code: string; path: unknown } }).error;
      expect(error.code).toBe('invalid_input');
      expect(Array.isArray(error.path)).toBe(true);
    },
  );

  const EXAMPLE_FILES = ['price', 'invoice', 'match', 'settle', 'accrue', 'age', 'score'] as const;
  /** Every path to a value inside a JSON document. */
  const pathsOf = (v: unknown, at: readonly (string | number)[] = []): (readonly (string | number)[])[] =>
    v !== null && typeof v === 'object'
      ? [at, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...at, Array.isArray(v) ? Number(k) : k]))]
      : [at];
  const replaceAt = (v: unknown, path: readonly (string | number)[], by: unknown): unknown => {
    if (path.length === 0) return by;
    const [head, ...rest] = path as [string | number, ...(string | number)[]];
    const copy = (Array.isArray(v) ? [...(v as unknown[])] : { ...(v as object) }) as Record<string | number, unknown>;
    copy[head] = replaceAt(copy[head], rest, by);
    return copy;
  };
  test.prop([fc.constantFrom(...EXAMPLE_FILES), fc.nat(), fc.jsonValue({ maxDepth: 2 })], { numRuns: 300 })(
    'a worked example with any one value replaced is computed or refused with a path, never a crash',
    async (name, pick, value) => {
      const doc = JSON.parse(await example(`${name}.json`)) as unknown;
      const paths = pathsOf(doc);
      const path = paths[pick % paths.length] ?? [];
      const r = await run([name], { '-': JSON.stringify(replaceAt(doc, path, value)) });
      if (r.code !== 0) {
        expect(r.err).toMatchObject({ error: { code: expect.stringMatching(/^(invalid_input|currency_mismatch)$/) } });
      }
      expect(r.code === 0 || r.code === 2).toBe(true);
    },
  );

  test.prop([fc.constantFrom(...COMMANDS), fc.string()], { numRuns: 50 })('text that is not JSON is refused at the input', async (command, text) => {
    fc.pre(!/^\s*(?:[[{"\d-]|true|false|null)/.test(text));
    const r = await run([command], { '-': text });
    expect(r.code).toBe(2);
    expect(r.err).toMatchObject({ error: { code: 'invalid_input', path: ['input'] } });
  });

  const deals = JSON.stringify([
    {
      id: 'TIERED', programType: 'rebate', currency: 'USD', customers: { kind: 'group', groups: ['G-C1', 'G-C2'] }, items: { kind: 'all' },
      basis: { measure: 'value', stage: 'invoiced', includeCreditNotes: true }, calculation: 'percent', tierMethod: 'cumulative',
      tiers: [{ from: '0', rate: '2' }, { from: '5000', rate: '3' }], validFrom: '2026-01-01', validTo: '2026-12-31',
      calculationPeriod: 'month', claimPeriod: 'quarter', processingOrder: 1, reduction: { apply: false, basis: 'both', excludeFromReduction: false },
    },
    {
      id: 'PER-UNIT', programType: 'rebate', currency: 'USD', customers: { kind: 'all' }, items: { kind: 'table', ids: ['I1'] },
      basis: { measure: 'quantity', stage: 'invoiced', includeCreditNotes: true }, calculation: 'amountPerUnit', tierMethod: 'cumulative',
      tiers: [{ from: '0', rate: '0.35' }], validFrom: '2026-01-01', validTo: '2026-12-31',
      calculationPeriod: 'month', claimPeriod: 'quarter', processingOrder: 2, reduction: { apply: false, basis: 'both', excludeFromReduction: false },
    },
  ]);

  test.prop([rebateSourceLinesArb({ maxLength: 25 })], { numRuns: 40 })(
    'accrue: streamed lines, a whole file and the library give the same provisions',
    async (lines) => {
      const ndjson = lines.map((l) => JSON.stringify(l)).join('\n');
      const streamed = await run(['accrue', '--deals', 'deals.json', '--rounding', 'halfEven', 'lines.ndjson'], { 'deals.json': deals, 'lines.ndjson': ndjson });
      const whole = await run(['accrue'], { '-': `{"deals":${deals},"lines":[${lines.map((l) => JSON.stringify(l)).join(',')}],"options":{"rounding":"halfEven"}}` });
      expect(streamed.code).toBe(0);
      expect(whole).toEqual(streamed);
      const direct = accrueRebates(compileRebateDeals(JSON.parse(deals)), lines, { rounding: 'halfEven' });
      const out = streamed.out as { provisions: number; totals: { amount: { amount: string } }[] };
      expect(out.provisions).toBe(direct.entries.length);
      const cents = (a: string): bigint => BigInt(a.replace('.', ''));
      expect(out.totals.reduce((s, t) => s + cents(t.amount.amount), 0n)).toBe(direct.entries.reduce((s, e) => s + e.amount.minor, 0n));
    },
  );

  test.prop([rebateSourceLinesArb({ maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 12 })], { numRuns: 40 })(
    'accrue: chunks accrued apart and merged pairwise give the single pass, cut anywhere',
    (lines, cuts) => {
      const program = compileRebateDeals(JSON.parse(deals));
      const bounds = [0, ...[...new Set(cuts.map((c) => Math.min(c, lines.length)))].sort((a, b) => a - b), lines.length];
      const merger = shardMerger();
      for (let i = 1; i < bounds.length; i++) merger.add(accrueRebates(program, lines.slice(bounds[i - 1], bounds[i]), { rounding: 'halfUp' }).state);
      const single = accrueRebates(program, lines, { rounding: 'halfUp' }).state;
      expect(listProvisions(merger.result())).toEqual(listProvisions(single));
    },
  );

  it('settle: 700.00 by attribute priority gives 7.00 / 100.00 / 250.00 / 343.00 (d365-semantics §4.3)', async () => {
    const r = await run(['settle', 'settle.json'], { 'settle.json': await example('settle.json') });
    expect(r.code).toBe(0);
    const entries = (r.out as { settlement: { entries: { itemId: string; amount: { amount: string } }[] } }).settlement.entries;
    expect(entries.map((e) => `${e.itemId} ${e.amount.amount}`)).toEqual(['INT-1 7.00', 'INV-1 100.00', 'INV-2 250.00', 'INV-3 343.00']);
  });

  it('accrue: 40 then 60 units at 20 / 40 USD per unit give 800 + 2,400 (d365-semantics §2.6)', async () => {
    const whole = await run(['accrue', 'accrue.json'], { 'accrue.json': await example('accrue.json') });
    const streamed = await run(['accrue', '--deals', 'd.json', '-'], { 'd.json': await example('accrue-deals.json'), '-': await example('accrue-lines.ndjson') });
    expect(whole.out).toEqual({ lines: 2, provisions: 2, totals: [{ dealId: 'VOLUME-2026', amount: { currency: 'USD', amount: '3200.00' }, provisions: 2 }] });
    expect(streamed.out).toEqual(whole.out);
  });

  it('score, age, price, invoice and match run their examples', async () => {
    const score = await run(['score', 's.json'], { 's.json': await example('score.json') });
    expect(score.out).toMatchObject({ score: 405 });
    const age = await run(['age', 'a.json'], { 'a.json': await example('age.json') });
    expect(age.out).toMatchObject({ total: { currency: 'EUR', amount: '2305.60' }, count: 4 });
    const price = await run(['price', 'p.json', '--explain'], { 'p.json': await example('price.json') });
    expect(price.code).toBe(0);
    expect((price.out as { explanations: string[] }).explanations).toHaveLength(4);
    const invoice = await run(['invoice', 'i.json'], { 'i.json': await example('invoice.json') });
    expect(invoice.code).toBe(0);
    const match = await run(['match', 'm.json'], { 'm.json': await example('match.json') });
    const streamed = await run(['match', '--items', 'i.json', '--options', 'o.json', '-'], {
      'i.json': await example('match-items.json'),
      'o.json': await example('match-options.json'),
      '-': await example('match-payments.ndjson'),
    });
    expect((match.out as { proposals: unknown[] }).proposals).toHaveLength(3);
    expect(streamed.out).toEqual(match.out);
  });

  it('refuses a bad field with its path and status 2', async () => {
    const r = await run(['age'], { '-': '{"items":[{"open":{"currency":"EUR","amount":"1.5x"},"dueDate":"2026-02-30","transactionDate":"2026-01-01"}],"options":{}}' });
    expect(r.code).toBe(2);
    expect((r.err as { error: { path: unknown } }).error.path).toEqual(['items', 0, 'open', 'amount']);
    expect(JSON.stringify(r.err)).toContain('items[0].dueDate');
  });

  it('answers --help, refuses unknown commands, options and unreadable files', async () => {
    for (const c of COMMANDS) {
      const io = memoryIo({});
      expect(await runCli([c, '--help'], io)).toBe(0);
      expect(io.stdout()).toContain(`Usage: order-to-cash ${c}`);
    }
    const io = memoryIo({});
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout()).toContain('Commands:');
    expect((await run(['bill'], {})).err).toMatchObject({ error: { code: 'usage' } });
    expect((await run(['age', '--colour'], {})).code).toBe(2);
    expect((await run(['age', 'missing.json'], {})).err).toMatchObject({ error: { code: 'input_unreadable' } });
  });

  it('shows progress only on a terminal', async () => {
    const files = { 'd.json': await example('accrue-deals.json'), '-': await example('accrue-lines.ndjson') };
    const tty = memoryIo(files, true);
    await runCli(['accrue', '--deals', 'd.json'], tty);
    expect(tty.stderr()).toContain('2 lines, done');
    const pipe = memoryIo(files, false);
    await runCli(['accrue', '--deals', 'd.json'], pipe);
    expect(pipe.stderr()).toBe('');
  });
});

describe('options given as JSON', () => {
  it('match: a tolerance in JSON form means the same as library values', async () => {
    const { matchStatement } = await import('../../src/payments/matchStatement.js');
    const { money } = await import('../../src/money/Money.js');
    const doc = JSON.parse(await example('match.json')) as { payments: { amount: { amount: string } }[]; items: unknown[]; options: Record<string, unknown> };
    doc.payments[0]!.amount.amount = '1249.97'; // 0.03 short of INV-2026-0101
    const viaCli = await run(['match'], { '-': JSON.stringify(doc) });
    const direct = matchStatement(doc as never, { ...doc.options, tolerance: { pennyDifference: money(5n, 'EUR') } } as never);
    expect(viaCli.out).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(JSON.stringify(viaCli.out)).toContain('pennyDifference');
  });
});
