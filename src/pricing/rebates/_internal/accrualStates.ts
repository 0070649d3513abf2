import { sameCurrencyMoney } from '../../../money/Money.js';
import { scaledOf } from '../../../money/Scaled.js';
import { OrderToCashError } from '../../../errors/OrderToCashError.js';
import type { AccrualState, AppliedReduction, ProvisionEntry } from '../AccrualState.js';
import { amountAt, appendFullRow, basisAt, dealHash, dealOf, emptyTable, findRow, keyHash, keyOf, lineHash, type ProvisionTable, sameFigures } from './provisionTable.js';

// An AccrualState is a small object over a provision table the library never changes once
// the state is returned. The table is found through a WeakMap, so the state's own fields stay
// plain data; a state that lost its table (structured cloning to a worker keeps `entries`
// but not the table) gets it rebuilt from its entries.

const TABLES = /* @__PURE__ */ new WeakMap<AccrualState, ProvisionTable>();
const NO_REDUCTIONS: readonly AppliedReduction[] = /* @__PURE__ */ Object.freeze([]);

/** The state over table `t` (which must not change afterwards). */
export function stateOf(t: ProvisionTable): AccrualState {
  let entries: ReadonlyMap<string, ProvisionEntry> | undefined;
  const state: AccrualState = {
    size: t.size,
    get entries(): ReadonlyMap<string, ProvisionEntry> {
      if (entries === undefined) {
        const map = new Map<string, ProvisionEntry>();
        for (let r = 0; r < t.size; r++) {
          const e = entryOf(t, r);
          map.set(e.key, e);
        }
        entries = map;
      }
      return entries;
    },
  };
  TABLES.set(state, t);
  return state;
}

/** The table of a state; rebuilt from `entries` for a state that does not carry one. */
export function tableOf(state: AccrualState): ProvisionTable {
  const known = TABLES.get(state);
  if (known !== undefined) return known;
  const t = emptyTable();
  for (const e of state.entries.values()) {
    const kind = e.kind === 'creditNote' ? 1 : 0;
    const h = keyHash(lineHash(kind, e.documentId, e.lineId), dealHash(e.dealId));
    const found = findRow(t, h, e.dealId, kind, e.documentId, e.lineId);
    if (found >= 0) {
      if (!sameFigures(t, found, e.amount.minor, e.amount.currency, e.basis.units, e.basis.scale, e.periodEnd, e.customerId)) throw keyReused(e.key);
      continue;
    }
    appendFullRow(t, found, h, {
      deal: { dealId: e.dealId, currency: e.amount.currency, basisScale: e.basis.scale },
      kind,
      documentId: e.documentId,
      lineId: e.lineId,
      customerId: e.customerId,
      date: e.date,
      periodEnd: e.periodEnd,
      basis: e.basis.units,
      amount: e.amount.minor,
      tier: e.tier,
      reductions: e.reductions.length === 0 ? undefined : e.reductions,
    });
  }
  TABLES.set(state, t);
  return t;
}

/** Row `r` of `t` as a provision entry. */
export function entryOf(t: ProvisionTable, r: number): ProvisionEntry {
  const deal = dealOf(t, r);
  return {
    key: keyOf(t, r),
    dealId: deal.dealId,
    customerId: t.customerId[r] as string,
    documentId: t.documentId[r] as string,
    lineId: t.lineId[r] as string,
    kind: t.kind[r] === 1 ? 'creditNote' : 'invoice',
    date: t.date[r] as ProvisionEntry['date'],
    periodEnd: t.periodEnd[r] as ProvisionEntry['periodEnd'],
    basis: scaledOf(basisAt(t, r), deal.basisScale),
    amount: sameCurrencyMoney(amountAt(t, r), deal.currency),
    tier: t.tier[r] as number,
    reductions: t.reductions.get(r) ?? NO_REDUCTIONS,
  };
}

export function keyReused(key: string): OrderToCashError {
  return new OrderToCashError(
    'idempotency_key_reused',
    `Provision ${JSON.stringify(key)} was accrued before with other figures: give a changed line a new line id, or post a credit note`,
    ['lines'],
  );
}
