import fc from 'fast-check';
import type { InvoiceNumberSequence } from '../../invoicing/ports.js';
import { check } from './_internal/check.js';
import type { ContractRunner } from './ContractRunner.js';

/**
 * Makes a fresh sequence that has issued no number yet (on PostgreSQL, a `series` of its own
 * per call will do: `postgresInvoiceNumbers(db, { series: \`run-${n}/\` })`).
 * @example
 * const make: MakeInvoiceNumberSequence = async () => postgresInvoiceNumbers(db);
 */
export type MakeInvoiceNumberSequence = () => Promise<InvoiceNumberSequence>;

/**
 * Options of {@link invoiceNumberSequenceContract}.
 * @example
 * const o: InvoiceNumberSequenceContractOptions = { numRuns: 20, concurrency: 50 };
 */
export type InvoiceNumberSequenceContractOptions = {
  /** Runs of the model-based test (default: fast-check's global setting). */
  readonly numRuns?: number;
  /** Calls started at once in the concurrency law (default 20). */
  readonly concurrency?: number;
};

type Model = { readonly issued: Set<string> };
type Real = { readonly sequence: InvoiceNumberSequence };

function nextCommand(kind: 'invoice' | 'creditNote'): fc.AsyncCommand<Model, Real, boolean> {
  return {
    check: () => true,
    run: async (m, r) => {
      const n = await r.sequence.next(kind);
      check(typeof n === 'string' && n.length > 0, `next(${kind}) gave ${String(n)}`);
      check(!m.issued.has(n), `next(${kind}) gave ${n} again`);
      m.issued.add(n);
    },
    toString: () => `next(${kind})`,
  };
}

/**
 * The conformance suite of {@link InvoiceNumberSequence}: every call gives a new non-empty
 * number, for both kinds, in sequence and when many calls run at once; plus a model-based
 * `fc.commands` test over random call sequences.
 * @param make - a fresh sequence
 * @param runner - the host's `describe` and `test`
 * @param options - runs and concurrency
 * @example
 * import { describe, test } from 'vitest';
 * invoiceNumberSequenceContract(async () => postgresInvoiceNumbers(db), { describe, test });
 */
export function invoiceNumberSequenceContract(make: MakeInvoiceNumberSequence, runner: ContractRunner, options: InvoiceNumberSequenceContractOptions = {}): void {
  const concurrency = options.concurrency ?? 20;
  runner.describe('InvoiceNumberSequence contract', () => {
    runner.test('numbers of invoices and credit notes are non-empty and never repeat', async () => {
      const sequence = await make();
      const seen = new Set<string>();
      for (const kind of ['invoice', 'creditNote', 'invoice', 'invoice', 'creditNote'] as const) {
        const n = await sequence.next(kind);
        check(n.length > 0 && !seen.has(n), `next(${kind}) gave ${JSON.stringify(n)} after ${[...seen].join(', ')}`);
        seen.add(n);
      }
    });
    runner.test(`${concurrency} calls at once give ${concurrency} different numbers`, async () => {
      const sequence = await make();
      const numbers = await Promise.all(Array.from({ length: concurrency }, (_, i) => sequence.next(i % 3 === 0 ? 'creditNote' : 'invoice')));
      check(new Set(numbers).size === concurrency, `numbers repeat: ${numbers.join(', ')}`);
    });
    runner.test('random call sequences never repeat a number (fc.commands)', async () => {
      const commands = fc.commands([fc.constantFrom<'invoice' | 'creditNote'>('invoice', 'creditNote').map(nextCommand)], { maxCommands: 20 });
      const property = fc.asyncProperty(commands, async (cmds) => {
        const sequence = await make();
        await fc.asyncModelRun(() => ({ model: { issued: new Set<string>() }, real: { sequence } }), cmds);
      });
      await fc.assert(property, options.numRuns === undefined ? {} : { numRuns: options.numRuns });
    });
  });
}
