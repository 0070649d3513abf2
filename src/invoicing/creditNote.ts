import * as z from 'zod';
import { invalidInput, parseInput } from '../errors/parseInput.js';
import { type Money, sameCurrencyMoney } from '../money/Money.js';
import { type Scaled, scaledOf } from '../money/Scaled.js';
import { formatScaled } from '../money/formatScaled.js';
import { NonNegativeDecimalSchema } from '../money/schemas.js';
import { calculateParsedInvoice } from './calculateInvoice.js';
import type { Invoice } from './Invoice.js';
import type { PostedInvoice } from './postInvoice.js';

/**
 * What to credit: the `full` invoice (every amount negated, so invoice + credit note = 0 in
 * both currencies), chosen `lines` and quantities (recomputed under the original snapshot,
 * without header charges, then negated), or an `amount` (tax-exclusive, major units) taxed
 * with the given item tax group.
 */
export type CreditNoteRequest =
  | { readonly kind: 'full' }
  | { readonly kind: 'lines'; readonly lines: readonly { readonly id: string; readonly quantity: Scaled }[] }
  | { readonly kind: 'amount'; readonly amount: Scaled; readonly itemTaxGroup: readonly string[] };

const CreditNoteRequestSchema: z.ZodType<CreditNoteRequest, unknown> = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full') }),
  z.object({ kind: z.literal('lines'), lines: z.array(z.object({ id: z.string().min(1), quantity: NonNegativeDecimalSchema })).min(1) }),
  z.object({ kind: z.literal('amount'), amount: NonNegativeDecimalSchema, itemTaxGroup: z.array(z.string()) }),
]);

const SKIP = new Set(['document', 'quantity', 'rate', 'percent', 'exact']);

function negateAmounts<T>(value: T): T {
  if (Array.isArray(value)) return value.map(negateAmounts) as T;
  if (typeof value === 'object' && value !== null) {
    if ('minor' in value && 'currency' in value && typeof value.minor === 'bigint') {
      const m = value as unknown as Money;
      return sameCurrencyMoney(-m.minor, m.currency) as T;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SKIP.has(k) ? v : negateAmounts(v);
    return out as T;
  }
  return value;
}

/**
 * A credit note for a posted invoice, linked to it by `creditOf`; amounts are negative. Post it
 * with `postInvoice` like an invoice.
 * @throws {@link OrderToCashError} `invalid_input` for an unknown line id or a quantity above the invoiced one.
 * @example
 * creditNote(posted, { kind: 'full' }).totals.total // the invoice total, negated
 * creditNote(posted, { kind: 'lines', lines: [{ id: '1', quantity: '2' }] })
 */
export function creditNote(original: PostedInvoice, request: unknown): Invoice {
  const req = parseInput(CreditNoteRequestSchema, request, ['request']);
  const inv = original.invoice;
  let credited: Invoice;
  switch (req.kind) {
    case 'full':
      credited = inv;
      break;
    case 'lines': {
      const doc = inv.document;
      const lines = req.lines.map((r, i) => {
        const line = doc.lines.find((l) => l.id === r.id);
        if (line === undefined) return invalidInput(['request', 'lines', i, 'id'], `is not a line of invoice ${original.number}`);
        if (r.quantity.units * 10n ** BigInt(line.quantity.scale) > line.quantity.units * 10n ** BigInt(r.quantity.scale))
          invalidInput(['request', 'lines', i, 'quantity'], `exceeds the invoiced quantity ${formatScaled(line.quantity)}`);
        return { ...line, quantity: r.quantity };
      });
      credited = calculateParsedInvoice({ ...doc, lines, headerCharges: [] });
      break;
    }
    case 'amount': {
      const doc = inv.document;
      const line = { id: 'credit', item: 'credit', itemTaxGroup: req.itemTaxGroup, quantity: scaledOf(1n, 0), unitPrice: req.amount, discountPercent: scaledOf(0n, 0), charges: [] };
      credited = calculateParsedInvoice({ ...doc, priceMode: 'taxExcluded', totalDiscountPercent: scaledOf(0n, 0), lines: [line], headerCharges: [] });
      break;
    }
  }
  return { ...negateAmounts(credited), kind: 'creditNote', creditOf: original.number, document: credited.document };
}
