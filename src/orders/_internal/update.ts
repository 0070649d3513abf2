import type { AggregateRepository } from '../ports.js';
import type { Conflict, NotFound, Saved } from '../workflows/outcomes.js';

/** What a change gives: the new value and the result to report, or an early outcome (nothing saved). */
export type Changed<T, R, E> = { readonly value: T; readonly result: R } | { readonly early: E };

/** Load → change → save with the loaded version. `change` may return an early outcome instead. */
export async function updateAggregate<T, R extends object, E extends { readonly kind: string } = never>(
  repo: AggregateRepository<T>,
  entity: 'quotation' | 'salesOrder',
  id: string,
  change: (value: T) => Changed<T, R, E> | Promise<Changed<T, R, E>>,
): Promise<Saved<R> | NotFound | Conflict | E> {
  const loaded = await repo.get(id);
  if (loaded === undefined) return { kind: 'notFound', entity, id };
  const changed = await change(loaded.value);
  if ('early' in changed) return changed.early;
  const saved = await repo.save(changed.value, loaded.version);
  if (saved.kind === 'conflict') return { kind: 'conflict', entity, id, expectedVersion: saved.expectedVersion, actualVersion: saved.actualVersion };
  return { kind: 'saved', version: saved.version, ...changed.result };
}
