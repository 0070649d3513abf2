import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { calculateInvoice } from '../../src/invoicing/calculateInvoice.js';
import { invoiceDocumentArb } from '../../src/testkit/index.js';
import { Oracle, oracleOfMoney } from '../helpers.js';

describe('tax allocation bounds (from the trace)', () => {
  test.prop([invoiceDocumentArb({ exoticCodes: false })])(
    'every rounded aggregate is within one minor unit of its exact figure, every allocated part within two of its exact tax',
    (doc) => {
      const inv = calculateInvoice({ ...doc, cashRounding: null });
      const unit = oracleOfMoney({ minor: 1n, currency: inv.currency });
      for (const step of inv.trace) {
        if (step.kind !== 'taxAllocation') continue;
        expect(oracleOfMoney(step.rounded).minus(new Oracle(step.exact)).abs().lte(unit)).toBe(true);
        let sum = 0n;
        for (const p of step.parts) {
          sum += p.amount.minor;
          expect(oracleOfMoney(p.amount).minus(new Oracle(p.exact)).abs().lt(unit.times(2))).toBe(true);
        }
        expect(sum).toBe(step.rounded.minor);
      }
    },
  );
});
