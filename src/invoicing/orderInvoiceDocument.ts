import * as z from 'zod';
import { CalendarDateSchema } from '../calendar/CalendarDate.js';
import { invalidInput, parseInput } from '../errors/parseInput.js';
import { compareScaled } from '../money/compareScaled.js';
import { requireMinorUnit } from '../money/currencies.js';
import { formatScaled } from '../money/formatScaled.js';
import type { DecimalInput, Scaled } from '../money/Scaled.js';
import { NonNegativeDecimalSchema, PositiveDecimalSchema } from '../money/schemas.js';
import type { SalesOrder } from '../orders/SalesOrder.js';
import { deliveredNotInvoiced, invoiceable, netUnitPrice, proratedNet, ZERO } from './_internal/orderLines.js';
import { type InvoiceDocument, InvoiceDocumentSchema, type InvoiceLineInput, RoundingPolicySchema } from './InvoiceDocument.js';

/**
 * How to invoice a sales order: the host's tax setup (codes, the customer's tax group, each
 * item's tax group), the invoice date, the rounding policy (required), and optionally payment
 * terms, header charges, line charges by order line id, cash rounding, an accounting currency,
 * and the `lines` to invoice. Without `lines`, every line's delivered-not-invoiced quantity is
 * invoiced; a line given without `quantity` invoices all it may. Shapes are those of
 * {@link InvoiceDocument} (decimal strings accepted).
 * @example
 * const spec: OrderInvoiceSpec = { invoiceDate: '2026-03-31', customerTaxGroup: ['VAT'],
 *   taxCodes: [{ id: 'VAT', calculation: { kind: 'percent', rate: '20' } }], itemTaxGroups: { A: ['VAT'] },
 *   rounding: { level: 'perCode', mode: 'halfUp', taxIncluded: 'keepTotal' } };
 */
export type OrderInvoiceSpec = {
  readonly invoiceDate: string;
  readonly customerTaxGroup: readonly string[];
  readonly taxCodes: readonly unknown[];
  /** Item id → the codes of its item tax group; every invoiced item needs one (`[]` for none). */
  readonly itemTaxGroups: Readonly<Record<string, readonly string[]>>;
  readonly rounding: unknown;
  readonly paymentTerms?: unknown;
  readonly headerCharges?: readonly unknown[];
  /** Order line id → charges of that invoice line. */
  readonly lineCharges?: Readonly<Record<string, readonly unknown[]>>;
  readonly cashRounding?: unknown;
  readonly accounting?: unknown;
  readonly lines?: readonly { readonly lineId: string; readonly quantity?: DecimalInput }[];
};

const ChargeSchema = /* @__PURE__ */ z.object({
  id: z.string().min(1),
  kind: z.enum(['fixed', 'perPiece', 'percent']),
  value: NonNegativeDecimalSchema,
  taxGroup: z.array(z.string()).default([]),
});

const OrderInvoiceSpecSchema = /* @__PURE__ */ z.object({
  invoiceDate: CalendarDateSchema,
  customerTaxGroup: z.array(z.string()),
  taxCodes: z.array(z.unknown()),
  itemTaxGroups: z.record(z.string(), z.array(z.string())),
  rounding: RoundingPolicySchema,
  paymentTerms: z.unknown().optional(),
  headerCharges: z.array(z.unknown()).optional(),
  lineCharges: z.record(z.string(), z.array(ChargeSchema)).default({}),
  cashRounding: z.unknown().optional(),
  accounting: z.unknown().optional(),
  lines: z.array(z.object({ lineId: z.string().min(1), quantity: PositiveDecimalSchema.optional() })).min(1).optional(),
});

/**
 * Builds the invoice document of a sales order's delivered-not-invoiced quantities (or of the
 * chosen `spec.lines`), at the order's frozen prices. Each invoice line (id = order line id)
 * bills exactly the order line's net prorated cumulatively over the ordered quantity — the
 * share of `invoiced + quantity` minus the share of `invoiced`, as `recordInvoiced` records it —
 * so invoicing a line in any number of parts bills its net exactly. Unit price, price unit,
 * discounts and the total-discount share are all in that net: the line's `unitPrice` is the
 * net per unit (a finite decimal, or rounded so that `quantity × unitPrice` rounds back to the
 * net in the policy's mode), with no discount and no total discount; prices are tax-excluded.
 * Under the `perUnit` level the engine rounds that unit price first, so a line may then differ
 * from the prorated net by up to half a minor unit per piece. Pure: the order is not changed.
 *
 * @throws {@link OrderToCashError} `invalid_input` at `['spec', …]`: a line not on the order
 *   (`['spec', 'lines', i, 'lineId']`), a quantity above what may be invoiced — delivered, or
 *   ordered − cancelled when the order's policy invoices ahead — (`['spec', 'lines', i, 'quantity']`),
 *   nothing to invoice (`['spec', 'lines']`), an item without tax group (`['spec', 'itemTaxGroups', itemId]`),
 *   or a bad tax code, charge, terms or rounding policy.
 * @example
 * const doc = orderInvoiceDocument(order, spec);
 * calculateParsedInvoice(doc).totals.net // Σ prorated order line nets
 */
export function orderInvoiceDocument(order: SalesOrder, spec: OrderInvoiceSpec): InvoiceDocument {
  if (typeof spec === 'object' && spec !== null && spec.rounding === undefined) invalidInput(['spec', 'rounding'], 'is required: give the rounding policy of the invoice');
  const input = parseInput(OrderInvoiceSpecSchema, spec, ['spec']);
  const minorUnit = requireMinorUnit(order.currency, ['order', 'currency']);
  const chosen: { lineId: string; quantity: Scaled; at: (string | number)[] }[] =
    input.lines === undefined
      ? order.lines.map((l) => ({ lineId: l.lineId, quantity: deliveredNotInvoiced(l), at: ['spec', 'lines'] }))
      : input.lines.map((r, i) => {
          const line = order.lines.find((l) => l.lineId === r.lineId);
          if (line === undefined) return invalidInput(['spec', 'lines', i, 'lineId'], `is not a line of order ${order.number}`);
          const most = invoiceable(order, line);
          const quantity = r.quantity ?? most;
          if (compareScaled(quantity, most) > 0) {
            const what = order.policy.invoiceAheadOfDelivery ? 'the ordered quantity' : 'the delivered quantity';
            invalidInput(['spec', 'lines', i, 'quantity'], `exceeds ${what} not yet invoiced, ${formatScaled(most)}`);
          }
          return { lineId: r.lineId, quantity, at: ['spec', 'lines', i] };
        });
  const seen = new Set<string>();
  const lines: InvoiceLineInput[] = [];
  for (const c of chosen) {
    if (seen.has(c.lineId)) invalidInput([...c.at, 'lineId'], `names order line ${c.lineId} twice`);
    seen.add(c.lineId);
    if (c.quantity.units === 0n) continue;
    const line = order.lines.find((l) => l.lineId === c.lineId);
    if (line === undefined) continue;
    const itemTaxGroup = input.itemTaxGroups[line.itemId];
    if (itemTaxGroup === undefined) invalidInput(['spec', 'itemTaxGroups', line.itemId], `is required: item ${line.itemId} is invoiced (give [] for no tax)`);
    const net = proratedNet(line, c.quantity, order.currency);
    lines.push({
      id: line.lineId,
      item: line.itemId,
      itemTaxGroup,
      quantity: c.quantity,
      unitPrice: netUnitPrice(net, minorUnit, c.quantity, input.rounding.mode),
      discountPercent: ZERO,
      charges: input.lineCharges[line.lineId] ?? [],
    });
  }
  if (lines.length === 0) invalidInput(['spec', 'lines'], `nothing to invoice on order ${order.number}: no delivered quantity is left to invoice`);
  const document = {
    currency: order.currency,
    invoiceDate: input.invoiceDate,
    customerTaxGroup: input.customerTaxGroup,
    taxCodes: input.taxCodes,
    priceMode: 'taxExcluded',
    rounding: input.rounding,
    totalDiscountPercent: ZERO,
    lines,
    headerCharges: input.headerCharges ?? [],
    cashRounding: input.cashRounding ?? null,
    accounting: input.accounting ?? null,
    paymentTerms: input.paymentTerms ?? null,
  };
  return parseInput(InvoiceDocumentSchema, document, ['spec']);
}
