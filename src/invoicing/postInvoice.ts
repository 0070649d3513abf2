import * as z from 'zod';
import { parseInput } from '../errors/parseInput.js';
import type { Invoice } from './Invoice.js';

/**
 * A posted invoice or credit note: its number and the computed invoice, deeply frozen. The
 * invoice carries the parsed document (tax codes, rates, rounding policy, terms) that produced
 * it, so it re-renders without recomputation.
 */
export type PostedInvoice = { readonly number: string; readonly invoice: Invoice };

/** Options of {@link postInvoice}: the number, taken from the host's sequence. */
export type PostInvoiceOptions = { readonly number: string };

const PostInvoiceOptionsSchema = /* @__PURE__ */ z.object({ number: z.string().min(1) });

function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freezeDeep(v);
  }
  return value;
}

function cloneDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneDeep) as T;
  if (typeof value === 'object' && value !== null) {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype) return value; // Money and Scaled values: immutable by construction
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneDeep(v);
    return out as T;
  }
  return value;
}

/**
 * Posts an invoice: a deeply frozen copy with its number. The argument is not changed.
 * @throws {@link OrderToCashError} `invalid_input` at `['options', 'number']` for an empty number.
 * @example
 * const posted = postInvoice(calculateInvoice(document), { number: 'INV-0001' })
 * Object.isFrozen(posted.invoice.totals) //=> true
 */
export function postInvoice(invoice: Invoice, options: PostInvoiceOptions): PostedInvoice {
  const { number } = parseInput(PostInvoiceOptionsSchema, options, ['options']);
  return freezeDeep({ number, invoice: cloneDeep(invoice) });
}
