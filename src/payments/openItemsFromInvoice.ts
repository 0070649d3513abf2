import * as z from 'zod';
import { parseInput } from '../errors/parseInput.js';
import type { PostedInvoice } from '../invoicing/postInvoice.js';
import { CustomerIdSchema, type OpenItem, type OpenItemId } from './OpenItem.js';

/**
 * Options of {@link openItemsFromInvoice}: the customer account, and further references
 * that identify the items (RF creditor reference, order number, customer PO).
 * @example
 * const o: OpenItemsFromInvoiceOptions = { customerId: 'C-1', references: ['RF18539007547034'] };
 */
export type OpenItemsFromInvoiceOptions = { readonly customerId: string; readonly references?: readonly string[] };

const OptionsSchema = /* @__PURE__ */ z.object({ customerId: CustomerIdSchema, references: z.array(z.string()).default([]) });
const PostedSchema = /* @__PURE__ */ z.looseObject({
  number: z.string().min(1),
  invoice: z.looseObject({ kind: z.enum(['invoice', 'creditNote']), currency: z.string().min(1), instalments: z.array(z.unknown()) }),
});

/**
 * The open items a posted invoice or credit note puts on the customer's account (D365 §3.4:
 * "each instalment becomes its own open transaction with its own due date, and cash discount
 * if any"): one item per instalment of the payment terms with a non-zero amount, ids
 * `number/1`, `number/2`, … (just `number` when there is one), all with the document number
 * `number`; without payment terms, one item due on the invoice date. Each item carries the
 * document's cash-discount chain (dates counted from the invoice date) and its accounting rate.
 * When an instalment has the wrong sign for the document (cash rounding can split a zero
 * total as +0.001 / −0.001), the document gives one item for its total, due on its due date.
 * A credit note gives `creditNote` items with negative residuals. The residuals add up to the
 * document total.
 * @param posted - from `postInvoice`
 * @param options - the customer and extra references
 * @returns the open items, in instalment order
 * @throws {@link OrderToCashError} `invalid_input` for a missing customer or a malformed posted invoice.
 * @example
 * openItemsFromInvoice(postInvoice(invoice, { number: 'INV-1' }), { customerId: 'C-1' })
 * //=> [{ id: 'INV-1/1', residual: EUR 333.30, dueDate: '2026-04-30', … }, …]
 */
export function openItemsFromInvoice(posted: PostedInvoice, options: OpenItemsFromInvoiceOptions): OpenItem[] {
  parseInput(PostedSchema, posted, ['posted']);
  const { customerId, references } = parseInput(OptionsSchema, options, ['options']);
  const { number, invoice } = posted;
  const kind = invoice.kind === 'creditNote' ? 'creditNote' : 'invoice';
  // An instalment of the wrong sign for the document (a cash-rounded total of zero split as
  // +0.001 / −0.001) cannot be an open item of its kind: the document is then one item.
  const fits = (minor: bigint): boolean => (kind === 'creditNote' ? minor <= 0n : minor >= 0n);
  const parts =
    invoice.instalments.length > 0 && invoice.instalments.every((i) => fits(i.amount.minor))
      ? invoice.instalments.map((i) => ({ amount: i.amount, dueDate: i.dueDate }))
      : [{ amount: invoice.totals.total, dueDate: invoice.dueDate ?? invoice.invoiceDate }];
  const open = parts.filter((p) => p.amount.minor !== 0n);
  const cashDiscounts = invoice.cashDiscounts.map((c) => ({ percent: c.percent, until: c.until }));
  const rate = invoice.accounting?.rate;
  return open.map((p, k) => ({
    id: (open.length === 1 ? number : `${number}/${k + 1}`) as OpenItemId,
    kind,
    customerId,
    currency: invoice.currency,
    residual: p.amount,
    documentNumber: number,
    references: [...references],
    documentDate: invoice.invoiceDate,
    dueDate: p.dueDate,
    cashDiscounts,
    ...(rate === undefined ? {} : { exchangeRate: rate }),
  }));
}
