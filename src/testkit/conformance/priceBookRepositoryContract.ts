import fc from 'fast-check';
import { draftQuotation, type QuotationInput, type QuotationOutcome } from '../../orders/draftQuotation.js';
import type { PriceBookRepository } from '../../orders/ports.js';
import { compilePriceBook, type PriceBook, type PriceBookInput } from '../../pricing/compilePriceBook.js';
import { orderScenarioArb, type OrderScenario } from '../orders.js';
import { checkEqual, tryToChange } from './_internal/check.js';
import type { ContractRunner } from './ContractRunner.js';
import type { MasterDataContractOptions } from './customerRepositoryContract.js';

/**
 * Makes a {@link PriceBookRepository} whose agreements in force are exactly `input` (the
 * host seeds its agreement tables with them, or a test schema). Called once per law and once
 * per generated run.
 * @example
 * const make: MakePriceBookRepository = async (input) => memoryPriceBooks(input);
 */
export type MakePriceBookRepository = (input: PriceBookInput) => Promise<PriceBookRepository>;

const EXAMPLE: PriceBookInput = {
  agreements: [
    { id: 'P-A', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '100', priceUnit: '5' },
    { id: 'P-A-10', relation: 'price', accountCode: 'table', accountRelation: 'C1', itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', fromQty: '10', amount: '90', priceUnit: '5' },
    { id: 'LD-A', relation: 'lineDiscount', accountCode: 'all', itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '10', percent1: '15' },
    { id: 'TD', relation: 'totalDiscount', accountCode: 'group', accountRelation: 'TD', itemCode: 'all', currency: 'EUR', percent1: '2' },
    { id: 'P-B-later', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'B', currency: 'EUR', unit: 'pcs', amount: '8.50', fromDate: '2026-06-01' },
  ],
  basePrices: [
    { itemId: 'A', currency: 'EUR', unit: 'pcs', price: '25.00' },
    { itemId: 'B', currency: 'EUR', unit: 'pcs', price: '9.99' },
  ],
  items: [{ itemId: 'B', totalDiscountEligible: false }],
};

const quotationOf = (lines: QuotationInput['lines'], customerId = 'C1'): QuotationInput => ({
  number: 'SQ-PB',
  customer: { customerId, totalDiscountGroup: 'TD' },
  currency: 'EUR',
  expiresOn: '2026-12-31',
  lines,
});
const EXAMPLE_QUOTATIONS: readonly QuotationInput[] = [
  quotationOf([
    { itemId: 'A', quantity: '12', unit: 'pcs' },
    { itemId: 'B', quantity: '3', unit: 'pcs' },
  ]),
  quotationOf([{ itemId: 'A', quantity: '1', unit: 'pcs' }], 'C2'),
  quotationOf([{ itemId: 'Z', quantity: '1', unit: 'pcs' }]),
];
const DATES = ['2026-03-01', '2026-06-01'] as const;

function price(book: PriceBook, quotation: QuotationInput, asOf: string, rounding: 'halfUp' | 'halfEven' | 'down' = 'halfUp', combination: 'sum' | 'compound' | 'max' = 'sum'): QuotationOutcome {
  return draftQuotation(quotation, book, { asOf, rounding, combination });
}

type Model = { readonly scenario: OrderScenario; readonly expected: PriceBook };
type Real = { readonly repo: PriceBookRepository };

/**
 * The conformance suite of a {@link PriceBookRepository}, the trade agreements in force as the
 * host keeps them: `current()` prices every document as `compilePriceBook` of the seeded
 * agreements does (dated agreements by each document's own date: the port has no date of
 * its own), an empty book prices nothing, reads repeat, and a caller that changes a book it
 * read does not change what later calls price with; then a model-based `fc.commands` test that
 * prices generated quotations against generated books.
 * @param make - a repository whose agreements in force are exactly the given ones
 * @param runner - the host's `describe` and `test`
 * @param options - runs and commands per run
 * @example
 * import { describe, test } from 'vitest';
 * priceBookRepositoryContract(async (input) => memoryPriceBooks(input), { describe, test });
 */
export function priceBookRepositoryContract(make: MakePriceBookRepository, runner: ContractRunner, options: MasterDataContractOptions = {}): void {
  runner.describe('PriceBookRepository contract', () => {
    runner.test('current() prices documents as the seeded agreements compiled, on every date', async () => {
      const repo = await make(EXAMPLE);
      const expected = compilePriceBook(EXAMPLE);
      for (const asOf of DATES) for (const [i, q] of EXAMPLE_QUOTATIONS.entries()) checkEqual(price(await repo.current(), q, asOf), price(expected, q, asOf), `quotation ${i + 1} priced on ${asOf}`);
    });

    runner.test('a repository without agreements or base prices prices nothing', async () => {
      const repo = await make({ agreements: [] });
      const outcome = price(await repo.current(), EXAMPLE_QUOTATIONS[0] as QuotationInput, '2026-03-01');
      checkEqual(outcome.kind === 'noPrice' ? outcome.lines.map((l) => l.itemId) : outcome.kind, ['A', 'B'], 'lines without a price');
    });

    runner.test('reads repeat; a caller that changes a book it read does not change what later reads price', async () => {
      const repo = await make(EXAMPLE);
      const expected = compilePriceBook(EXAMPLE);
      const q = EXAMPLE_QUOTATIONS[0] as QuotationInput;
      const first = price(await repo.current(), q, '2026-03-01');
      try {
        tryToChange(await repo.current());
      } catch {
        // A book that defends itself (getters that throw) is as good as a frozen one.
      }
      checkEqual(price(await repo.current(), q, '2026-03-01'), first, 'the second read');
      checkEqual(first, price(expected, q, '2026-03-01'), 'the first read');
    });

    runner.test('agrees with compilePriceBook on generated books and quotations, reads and changes by the caller (fc.commands)', async () => {
      const priceCommand = (p: { readonly lines: number; readonly rounding: 'halfUp' | 'halfEven' | 'down'; readonly combination: 'sum' | 'compound' | 'max' }): fc.AsyncCommand<Model, Real, boolean> => ({
        check: () => true,
        async run(m, r) {
          const q = { ...m.scenario.quotation, lines: m.scenario.quotation.lines.slice(0, p.lines) };
          if (q.lines.length === 0) return;
          const asOf = m.scenario.pricing.asOf;
          checkEqual(price(await r.repo.current(), q, asOf, p.rounding, p.combination), price(m.expected, q, asOf, p.rounding, p.combination), `price ${q.lines.length} lines`);
        },
        toString: () => `price(${p.lines} lines, ${p.rounding}, ${p.combination})`,
      });
      const changeCommand: fc.AsyncCommand<Model, Real, boolean> = {
        check: () => true,
        async run(_m, r) {
          tryToChange(await r.repo.current());
        },
        toString: () => 'changeRead()',
      };
      const commands = [
        fc.record({ lines: fc.integer({ min: 1, max: 4 }), rounding: fc.constantFrom('halfUp' as const, 'halfEven' as const, 'down' as const), combination: fc.constantFrom('sum' as const, 'compound' as const, 'max' as const) }).map(priceCommand),
        fc.constant(changeCommand),
      ];
      const property = fc.asyncProperty(orderScenarioArb(), fc.commands(commands, { maxCommands: options.maxCommands ?? 20 }), async (scenario, cmds) => {
        const repo = await make(structuredClone(scenario.book));
        await fc.asyncModelRun(() => ({ model: { scenario, expected: compilePriceBook(scenario.book) }, real: { repo } }), cmds);
      });
      await fc.assert(property, options.numRuns === undefined ? {} : { numRuns: options.numRuns });
    });
  });
}
