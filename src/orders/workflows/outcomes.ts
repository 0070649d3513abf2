/**
 * A workflow's success: what it saved and the new version of the aggregate it changed.
 * @example
 * if (outcome.kind === 'saved') outcome.version //=> 2
 */
export type Saved<T> = { readonly kind: 'saved'; readonly version: number } & T;

/**
 * Something the workflow had to load does not exist.
 * @example
 * const nf: NotFound = { kind: 'notFound', entity: 'salesOrder', id: 'SO-9' };
 */
export type NotFound = { readonly kind: 'notFound'; readonly entity: 'customer' | 'item' | 'quotation' | 'salesOrder'; readonly id: string };

/**
 * Someone saved the aggregate since it was loaded: nothing was written; reload and retry.
 * @example
 * const c: Conflict = { kind: 'conflict', entity: 'salesOrder', id: 'SO-1', expectedVersion: 2, actualVersion: 3 };
 */
export type Conflict = {
  readonly kind: 'conflict';
  readonly entity: 'quotation' | 'salesOrder' | 'returnOrder';
  readonly id: string;
  readonly expectedVersion: number;
  readonly actualVersion: number;
};

/**
 * Some lines have no price: nothing was written.
 * @example
 * const np: NoPrice = { kind: 'noPrice', lines: [{ lineId: '2', itemId: 'X' }] };
 */
export type NoPrice = { readonly kind: 'noPrice'; readonly lines: readonly { readonly lineId: string; readonly itemId: string; readonly blocked?: true }[] };
