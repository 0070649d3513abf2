import type { Relation, RelationCode } from '../schemas.js';

// Keys join with a control character that ids cannot reasonably contain.
const SEP = '\u0001';

export function agreementKey(
  relation: Relation,
  accountCode: RelationCode,
  accountRelation: string,
  itemCode: RelationCode,
  itemRelation: string,
  currency: string,
  unit: string,
): string {
  return relation + SEP + accountCode + SEP + accountRelation + SEP + itemCode + SEP + itemRelation + SEP + currency + SEP + unit;
}

export function basePriceKey(itemId: string, currency: string, unit: string): string {
  return itemId + SEP + currency + SEP + unit;
}

/** The 9 cells of reference §1.3, in search order: index 0 = cell 1 (customer × item). */
export const CELLS: readonly (readonly [RelationCode, RelationCode])[] = [
  ['table', 'table'],
  ['table', 'group'],
  ['table', 'all'],
  ['group', 'table'],
  ['group', 'group'],
  ['group', 'all'],
  ['all', 'table'],
  ['all', 'group'],
  ['all', 'all'],
];
