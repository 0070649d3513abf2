import { addScaled } from '../../money/addScaled.js';
import { allocateMoney } from '../../money/allocateMoney.js';
import { compareScaled } from '../../money/compareScaled.js';
import { divideScaled } from '../../money/divideScaled.js';
import { type Money, sameCurrencyMoney } from '../../money/Money.js';
import { normalizeScaled } from '../../money/normalizeScaled.js';
import type { RoundingMode } from '../../money/rounding.js';
import { type Scaled, scaledOf } from '../../money/Scaled.js';
import { subtractScaled } from '../../money/subtractScaled.js';
import type { SalesOrder, SalesOrderLine } from '../../orders/SalesOrder.js';

// Order lines seen from invoicing: what may be invoiced, the prorated net of a part, and the
// net unit price that bills exactly that net.

export const ZERO: Scaled = /* @__PURE__ */ scaledOf(0n, 0);

/** Delivered and not yet invoiced (never negative). */
export function deliveredNotInvoiced(line: SalesOrderLine): Scaled {
  const q = subtractScaled(line.delivered, line.invoiced);
  return q.units > 0n ? q : ZERO;
}

/** The most that may be invoiced now: delivered, or ordered − cancelled when the policy invoices ahead; less what is invoiced. */
export function invoiceable(order: SalesOrder, line: SalesOrderLine): Scaled {
  const limit = order.policy.invoiceAheadOfDelivery ? subtractScaled(line.quantity, line.cancelled) : line.delivered;
  const q = subtractScaled(limit, line.invoiced);
  return q.units > 0n ? q : ZERO;
}

/**
 * The net of `quantity` more of the line: the cumulative share of the order line's net for
 * `invoiced + quantity` minus that for `invoiced` (allocateMoney), as `recordInvoiced` prorates,
 * so that a line invoiced in any number of parts bills exactly its net.
 */
export function proratedNet(line: SalesOrderLine, quantity: Scaled, currency: string): Money {
  const upTo = (q: Scaled): bigint =>
    q.units === 0n ? 0n : compareScaled(q, line.quantity) >= 0 ? line.price.netAmount.minor : (allocateMoney(line.price.netAmount, [q, subtractScaled(line.quantity, q)])[0] as Money).minor;
  return sameCurrencyMoney(upTo(addScaled(line.invoiced, quantity)) - upTo(line.invoiced), currency);
}

const digits = (n: bigint): number => (n < 0n ? -n : n).toString().length;

/**
 * A unit price `u` such that `quantity × u`, rounded to minor units in `mode`, is `net` exactly.
 * `net / quantity` when it is a finite decimal; otherwise rounded at a scale where the error
 * of `quantity × u` is below a tenth of a minor unit, towards the side `mode` rounds back from
 * (up for modes that round down, down for modes that round up, nearest for half modes).
 */
export function netUnitPrice(net: Money, minorUnit: number, quantity: Scaled, mode: RoundingMode): Scaled {
  const amount = scaledOf(net.minor, minorUnit);
  const intDigits = Math.max(1, digits(quantity.units) - quantity.scale);
  const scale = minorUnit + intDigits + 1;
  const toward: RoundingMode = mode === 'down' || mode === 'floor' ? 'ceiling' : mode === 'up' || mode === 'ceiling' ? 'floor' : 'halfEven';
  return normalizeScaled(divideScaled(amount, quantity, { scale, rounding: toward }));
}
