import type { RelationCode } from '../schemas.js';

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

/** The date key (yyyymmdd) of a record valid from the start of time. */
export const OPEN_FROM = 0;
/** The date key of a record valid to the end of time. */
export const OPEN_TO = 99_999_999;
