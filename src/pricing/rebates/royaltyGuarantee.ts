import * as z from 'zod';
import { parseInput } from '../../errors/parseInput.js';
import { assertSameCurrency } from '../../money/assertSameCurrency.js';
import type { CurrencyCode, Money } from '../../money/Money.js';
import { sameCurrencyMoney } from '../../money/Money.js';

/** Options of {@link royaltyGuarantee}. */
export type RoyaltyGuaranteeOptions<C extends CurrencyCode> = {
  /** Guarantee per period (G). */
  readonly guarantee: Money<C>;
  /** Whether royalties above the guarantee carry forward to later periods. */
  readonly cumulative: boolean;
};

/** One period of {@link royaltyGuarantee}. */
export type GuaranteePeriod<C extends CurrencyCode> = {
  readonly royalty: Money<C>;
  /** max(0, G − royalty − carried-in excess): what the guarantee adds. */
  readonly topUp: Money<C>;
  /** Excess carried to the next period (0 unless cumulative). */
  readonly carry: Money<C>;
};

const OptionsSchema = /* @__PURE__ */ z.object({ cumulative: z.boolean() });

/**
 * Royalty guarantee (reference §2.5): per period the top-up to the guarantee G is
 * max(0, G − R − carry), and with a cumulative guarantee the excess
 * carry = max(0, carry + R − G) moves forward.
 *
 * @throws {@link OrderToCashError} `currency_mismatch` when a royalty is not in the guarantee's currency.
 * @example
 * royaltyGuarantee([usd('12000'), usd('5000')], { guarantee: usd('10000'), cumulative: true })
 *   .map((p) => p.topUp.toString()) //=> ['USD 0.00', 'USD 3000.00']
 */
export function royaltyGuarantee<C extends CurrencyCode>(royalties: readonly Money<C>[], options: RoyaltyGuaranteeOptions<C>): GuaranteePeriod<C>[] {
  const { cumulative } = parseInput(OptionsSchema, { cumulative: options.cumulative }, ['options']);
  const g = options.guarantee;
  let carry = 0n;
  return royalties.map((r, i) => {
    assertSameCurrency(g, r, ['royalties', i]);
    const gap = g.minor - r.minor - carry;
    const topUp = gap > 0n ? gap : 0n;
    const next = carry + r.minor - g.minor;
    carry = cumulative && next > 0n ? next : 0n;
    return { royalty: r, topUp: sameCurrencyMoney(topUp, g.currency), carry: sameCurrencyMoney(carry, g.currency) };
  });
}
