// Rebates walkthrough: accrue a tiered rebate on invoice lines, forecast the next tier and
// run the period-end true-up. Run with: npx tsx -e "import('./examples/demo-rebates.ts').then((m) => m.demoRebates())"
import { calendarDate } from '../src/calendar/CalendarDate.js';
import { formatMoney } from '../src/money/formatMoney.js';
import { formatScaled } from '../src/money/formatScaled.js';
import { normalizeScaled } from '../src/money/normalizeScaled.js';
import { parseInput } from '../src/errors/parseInput.js';
import { z } from 'zod';
import {
  accrueRebates,
  compileRebateDeals,
  forecastRebate,
  listProvisions,
  RebateSourceLineSchema,
  trueUpRebates,
} from '../src/pricing/rebates/index.js';
import { heading, note, table } from './_print.js';

/** Prints the rebates walkthrough to stdout. */
export function demoRebates(): void {
  // Reference §2.6: 20 USD per unit up to 50 units, 40 USD per unit above, per month,
  // the tier of the month applying to all its units.
  const program = compileRebateDeals([
    {
      id: 'VOLUME-2026',
      programType: 'rebate',
      currency: 'USD',
      customers: { kind: 'group', groups: ['WHOLESALE'] },
      items: { kind: 'all' },
      basis: { measure: 'quantity', stage: 'invoiced', includeCreditNotes: true },
      calculation: 'amountPerUnit',
      tierMethod: 'cumulative',
      tiers: [
        { from: '1', rate: '20' },
        { from: '51', rate: '40' },
      ],
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      calculationPeriod: 'month',
      claimPeriod: 'quarter',
      processingOrder: 1,
      reduction: { apply: false, basis: 'both', excludeFromReduction: false },
    },
  ]);
  const invoiceLine = (documentId: string, quantity: string, amount: string, date: string): unknown => ({
    documentId, lineId: '1', kind: 'invoice', stage: 'invoiced', customerId: 'CUST-7', customerGroups: ['WHOLESALE'],
    itemId: 'WIDGET', itemGroups: [], quantity, netAmount: { currency: 'USD', amount }, date,
  });
  const lines = parseInput(z.array(RebateSourceLineSchema), [
    invoiceLine('INV-101', '40', '4000.00', '2026-01-08'),
    invoiceLine('INV-102', '60', '6000.00', '2026-01-21'),
  ], ['lines']);

  heading('Rebates 1. Accrual: one provision per invoice line and deal');
  note('Each line is provided at the tier it reaches on its own (reference §2.6).\n');
  const { state } = accrueRebates(program, lines, { rounding: 'halfUp' });
  table(['Key', '>Units', 'Tier', '>Provision'], listProvisions(state).map((e) => [e.key, formatScaled(normalizeScaled(e.basis)), String(e.tier + 1), formatMoney(e.amount)]));
  const again = accrueRebates(program, lines, { rounding: 'halfUp', state });
  note(`\nAccruing the same lines again adds ${again.entries.length} entries (idempotency keys).`);

  heading('Rebates 2. Forecast to the next tier');
  const f = forecastRebate(program, { dealId: 'VOLUME-2026', volume: '40' }, { rounding: 'halfUp' });
  note(`At 40 units the customer has earned ${formatMoney(f.earned)} (tier ${f.tier + 1}).`);
  if (f.next !== undefined)
    note(`${formatScaled(f.next.additionalVolume)} more units reach tier ${f.next.tier + 1}: the rebate would then be ${formatMoney(f.next.rebateAtNextTier)}.`);

  heading('Rebates 3. Period-end true-up (January)');
  const { settlements, adjustments } = trueUpRebates(program, state, { periodEnd: calendarDate('2026-01-31'), rounding: 'halfUp' });
  table(
    ['Deal', 'Customer', '>Units', '>Earned', '>Provided', '>Adjustment'],
    settlements.map((s) => [s.dealId, s.customerId, formatScaled(normalizeScaled(s.basis)), formatMoney(s.earned), formatMoney(s.provided), formatMoney(s.delta)]),
  );
  note('');
  table(['Write-off per source line', '>Amount'], settlements.flatMap((s) => s.writeOffs.map((w) => [w.key, formatMoney(w.amount)])));
  note(`\nAdjustment entries booked: ${adjustments.map((a) => `${a.key} ${formatMoney(a.amount)}`).join(', ')}`);
  note('Provisions + adjustments now equal the rebate earned; a second true-up books nothing.');
}
