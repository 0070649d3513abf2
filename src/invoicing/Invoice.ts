import type { CalendarDate } from '../calendar/CalendarDate.js';
import type { Money } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import type { InvoiceDocument } from './InvoiceDocument.js';

/** One code's tax on one line or charge: its base, the tax charged and any reverse-charge tax self-assessed by the customer. */
export type TaxAmount = { readonly code: string; readonly base: Money; readonly amount: Money; readonly selfAssessed: Money };

/** A computed charge, with its taxes; header charges also carry their spread over the lines (in line order). */
export type ChargeAmount = { readonly id: string; readonly amount: Money; readonly taxes: readonly TaxAmount[] };

/** A header charge and its exact spread over the lines. */
export type HeaderChargeAmount = ChargeAmount & { readonly spread: readonly Money[] };

/**
 * A computed line: `amount` is quantity × price after discounts, rounded (tax-inclusive on a
 * tax-included document), `net` the amount without tax, `taxes` in code order.
 */
export type InvoiceLine = {
  readonly id: string;
  readonly item: string;
  readonly quantity: Scaled;
  readonly amount: Money;
  readonly net: Money;
  readonly taxes: readonly TaxAmount[];
  readonly charges: readonly ChargeAmount[];
};

/** Per-code totals: Σ of the line and charge taxes of that code. */
export type TaxTotal = {
  readonly code: string;
  readonly treatment: 'standard' | 'exempt' | 'reverseCharge';
  readonly base: Money;
  readonly amount: Money;
  readonly selfAssessed: Money;
};

/** Document totals: `net + charges + tax + cashRounding = total`, always. */
export type InvoiceTotals = {
  readonly net: Money;
  readonly charges: Money;
  readonly tax: Money;
  readonly cashRounding: Money;
  readonly total: Money;
};

/** The document amounts in accounting currency; they balance on their own. */
export type AccountingAmounts = {
  readonly currency: string;
  readonly rate: Scaled;
  readonly lineNets: readonly Money[];
  readonly charges: readonly Money[];
  readonly taxes: readonly TaxTotal[];
  /** Per line, the taxes of `lines[i].taxes` in accounting currency; they add up to the code totals with `chargeTaxes`. */
  readonly lineTaxes: readonly (readonly Money[])[];
  /** Per charge (line charges in line order, then header charges), its taxes in accounting currency. */
  readonly chargeTaxes: readonly (readonly Money[])[];
  readonly totals: InvoiceTotals;
};

/** An instalment of the schedule; instalments add up to the total. */
export type Instalment = { readonly dueDate: CalendarDate; readonly amount: Money; readonly tax: Money };

/** A cash discount date and the discount granted when paid by then. */
export type CashDiscount = { readonly until: CalendarDate; readonly percent: Scaled; readonly amount: Money };

/**
 * One step of the explanation: a rounded aggregate and where each of its minor units went
 * (largest remainder over the exact parts), or the cash rounding.
 */
export type InvoiceTraceStep =
  | {
      readonly kind: 'taxAllocation';
      readonly code: string | null;
      readonly exact: string;
      readonly rounded: Money;
      readonly parts: readonly { readonly entry: string; readonly code: string; readonly exact: string; readonly amount: Money }[];
    }
  | { readonly kind: 'cashRounding'; readonly method: 'roundingLine' | 'adjustLargestTax'; readonly before: Money; readonly after: Money; readonly code: string | null }
  | { readonly kind: 'accountingAllocation'; readonly exact: string; readonly rounded: Money };

/** The result of `calculateInvoice`: every amount, the totals, the terms and the trace. */
export type Invoice = {
  readonly kind: 'invoice' | 'creditNote';
  /** For a credit note, the number of the invoice it credits. */
  readonly creditOf: string | null;
  readonly currency: string;
  readonly invoiceDate: CalendarDate;
  readonly lines: readonly InvoiceLine[];
  readonly headerCharges: readonly HeaderChargeAmount[];
  readonly taxes: readonly TaxTotal[];
  readonly totals: InvoiceTotals;
  readonly accounting: AccountingAmounts | null;
  readonly dueDate: CalendarDate | null;
  readonly instalments: readonly Instalment[];
  readonly cashDiscounts: readonly CashDiscount[];
  readonly trace: readonly InvoiceTraceStep[];
  /** What produced it: the parsed document (codes, rates, rounding policy, terms). */
  readonly document: InvoiceDocument;
};
