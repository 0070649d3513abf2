import fc from 'fast-check';
import type { Item, ItemRepository } from '../../orders/ports.js';
import { keyedReadContract } from './_internal/keyedReadContract.js';
import type { MasterDataContractOptions } from './customerRepositoryContract.js';
import type { ContractRunner } from './ContractRunner.js';

/**
 * Makes an {@link ItemRepository} holding exactly `items` (the host seeds its own tables
 * with them, or a test schema). Called once per law and once per generated run.
 * @example
 * const make: MakeItemRepository = async (items) => memoryItems(items);
 */
export type MakeItemRepository = (items: readonly Item[]) => Promise<ItemRepository>;

const EXAMPLES: readonly Item[] = [
  { itemId: 'A', name: 'Chair', salesUnit: 'pcs' },
  { itemId: 'B', salesUnit: 'kg' },
  { itemId: 'ART-0001/ä', name: 'Tisch "Eiche"', salesUnit: 'box' },
];

const itemsArb: fc.Arbitrary<readonly Item[]> = /* @__PURE__ */ fc.uniqueArray(
  fc.record({ itemId: fc.constantFrom('A', 'B', 'C', 'A-1', 'item 5'), name: fc.string({ maxLength: 12 }), salesUnit: fc.constantFrom('pcs', 'kg', 'box', 'm') }, { requiredKeys: ['itemId', 'salesUnit'] }),
  { selector: (i) => i.itemId, maxLength: 5 },
);

/**
 * The conformance suite of an {@link ItemRepository}, the host's items as orders read them:
 * every seeded item reads back with every field, an unknown id gives undefined, reads repeat,
 * and neither the seeded objects nor an item read can be changed by the caller to alter
 * later reads; then a model-based `fc.commands` test of reads over generated items.
 * @param make - a repository holding exactly the given items
 * @param runner - the host's `describe` and `test`
 * @param options - runs and commands per run
 * @example
 * import { describe, test } from 'vitest';
 * itemRepositoryContract(async (items) => memoryItems(items), { describe, test });
 */
export function itemRepositoryContract(make: MakeItemRepository, runner: ContractRunner, options: MasterDataContractOptions = {}): void {
  const subject = { port: 'ItemRepository', idOf: (i: Item) => i.itemId, examples: EXAMPLES, recordsArb: itemsArb, unknownIds: ['NONE', 'A-', 'ART'] };
  keyedReadContract(subject, make, runner, options);
}
