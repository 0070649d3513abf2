// Payments demo: a bank statement with three payments (one exact, one combination, one
// short-pay with cash discount), matched against open items and settled.
// Run: npx tsx -e "import('./examples/demo-payments.ts').then((m) => m.demoPayments())"
import { formatMoney } from '../src/money/formatMoney.js';
import { type MatchStatementResult, matchStatement } from '../src/payments/matchStatement.js';
import { heading, note, table } from './_print.js';

const eur = (amount: string) => ({ currency: 'EUR', amount });

/** Matches and settles a three-line statement and prints the result. */
export function demoPayments(): void {
  const items = [
    { id: 'I-1', kind: 'invoice' as const, customerId: 'ACME', currency: 'EUR', residual: eur('1250.00'), documentNumber: 'INV-2026-0101', documentDate: '2026-05-02', dueDate: '2026-06-01' },
    { id: 'I-2', kind: 'invoice' as const, customerId: 'BOLT', currency: 'EUR', residual: eur('310.00'), documentNumber: 'INV-2026-0102', documentDate: '2026-05-10', dueDate: '2026-06-09' },
    { id: 'I-3', kind: 'invoice' as const, customerId: 'BOLT', currency: 'EUR', residual: eur('845.50'), documentNumber: 'INV-2026-0103', documentDate: '2026-05-20', dueDate: '2026-07-19' },
    { id: 'I-4', kind: 'invoice' as const, customerId: 'BOLT', currency: 'EUR', residual: eur('99.90'), documentNumber: 'INV-2026-0104', documentDate: '2026-06-01', dueDate: '2026-07-01' },
    {
      id: 'I-5', kind: 'invoice' as const, customerId: 'CORA', currency: 'EUR', residual: eur('1000.00'), documentNumber: 'INV-2026-0105',
      documentDate: '2026-06-20', dueDate: '2026-07-20', cashDiscounts: [{ percent: '2', until: '2026-06-30' }],
    },
  ];
  const payments = [
    { id: 'L1', currency: 'EUR', amount: eur('1250.00'), valueDate: '2026-06-29', text: 'ACME LTD INV 2026 0101' },
    { id: 'L2', currency: 'EUR', amount: eur('945.40'), valueDate: '2026-06-29', payerIban: 'DE89370400440532013000', text: 'June invoices' },
    { id: 'L3', currency: 'EUR', amount: eur('485.00'), valueDate: '2026-06-29', text: 'Part payment INV-2026-0105' },
  ];
  const result: MatchStatementResult = matchStatement(
    { payments, items },
    { rounding: 'halfUp', asOf: '2026-06-29' as never, partialPaymentDiscount: true, customersByIban: { DE89370400440532013000: 'BOLT' as never } },
  );
  heading('Matches');
  table(
    ['Line', 'Rule', 'Items', '>Confidence', 'Decision'],
    result.proposals.map((p) => [p.paymentId, p.rule, p.itemIds.join(' + '), String(p.confidence), p.decision]),
  );
  heading('Explanations');
  for (const p of result.proposals) note(p.explanation);
  heading('Settlements');
  table(
    ['Line', 'Item', 'Entry', '>Amount', 'Reason'],
    result.proposals.flatMap((p) =>
      (p.settlement?.entries ?? []).map((e) => [p.paymentId, e.itemId ?? '', e.kind, formatMoney(e.amount), e.reasonCode ?? '']),
    ),
  );
  heading('Open items after the statement');
  table(['Item', '>Residual'], result.items.map((i) => [i.documentNumber, formatMoney(i.residual)]));
}
