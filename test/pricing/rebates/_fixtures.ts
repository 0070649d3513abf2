// Deal builders shared by the rebates tests.
import type { RebateSourceLine } from '../../../src/pricing/rebates/RebateDeal.js';
import { money } from '../../../src/money/Money.js';
import { scaled } from '../../../src/money/Scaled.js';
import type { CalendarDate } from '../../../src/calendar/CalendarDate.js';

export type DealInput = Record<string, unknown>;

export function dealInput(overrides: DealInput = {}): DealInput {
  return {
    id: 'D1',
    programType: 'rebate',
    currency: 'USD',
    customers: { kind: 'all' },
    items: { kind: 'all' },
    basis: { measure: 'value', stage: 'invoiced', includeCreditNotes: true },
    calculation: 'percent',
    tierMethod: 'stepped',
    tiers: [
      { from: '0', rate: '10' },
      { from: '1000', rate: '25' },
    ],
    validFrom: '2026-01-01',
    calculationPeriod: 'month',
    claimPeriod: 'quarter',
    processingOrder: 1,
    reduction: { apply: false, basis: 'both', excludeFromReduction: false },
    ...overrides,
  };
}

/** Legacy §2.6 deal: 20 USD/unit for 1–50 units, 40 USD/unit above 50, cumulative per month. */
export function legacyDeal(): DealInput {
  return dealInput({
    id: 'LEGACY',
    basis: { measure: 'quantity', stage: 'invoiced', includeCreditNotes: true },
    calculation: 'amountPerUnit',
    tierMethod: 'cumulative',
    tiers: [
      { from: '1', rate: '20' },
      { from: '51', rate: '40' },
    ],
  });
}

export function line(over: Partial<RebateSourceLine> & { qty?: string; amount?: string } = {}): RebateSourceLine {
  const { qty, amount, ...rest } = over;
  return {
    documentId: 'INV-1',
    lineId: '1',
    kind: 'invoice',
    stage: 'invoiced',
    customerId: 'C1',
    customerGroups: ['G-C1'],
    itemId: 'I1',
    itemGroups: ['IG-I1'],
    quantity: scaled(qty ?? '1'),
    netAmount: money(BigInt(Math.round(Number(amount ?? '0') * 100)), 'USD'),
    date: '2026-01-10' as CalendarDate,
    ...rest,
  };
}

/**
 * Overlapping deals: all customers, a customer table, a customer group with reduction, and
 * an item-group quantity deal.
 */
export function overlappingDeals(): DealInput[] {
  return [
    dealInput({ id: 'ALL', tierMethod: 'cumulative', tiers: [{ from: '0', rate: '2' }, { from: '500', rate: '3.5' }] }),
    dealInput({ id: 'C1-TABLE', customers: { kind: 'table', ids: ['C1', 'C2'] }, tierMethod: 'stepped', processingOrder: 2 }),
    dealInput({
      id: 'GROUP',
      customers: { kind: 'group', groups: ['G-C2', 'G-C3'] },
      tierMethod: 'total',
      processingOrder: 3,
      reduction: { apply: true, basis: 'both', excludeFromReduction: false },
    }),
    { ...legacyDeal(), id: 'QTY', items: { kind: 'group', groups: ['IG-I1', 'IG-I2'] }, calculationPeriod: 'quarter', processingOrder: 4 },
  ];
}
