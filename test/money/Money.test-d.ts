// Type tests, checked by `npm run typecheck`: currencies known statically cannot be mixed.
import { addMoney, compareMoney, type Money, money, subtractMoney, sumMoney } from '../../src/money/index.js';

const eur: Money<'EUR'> = money(100n, 'EUR');
const usd: Money<'USD'> = money(100n, 'USD');

// @ts-expect-error EUR + USD does not compile
addMoney(eur, usd);
// @ts-expect-error EUR − USD does not compile
subtractMoney(eur, usd);
// @ts-expect-error comparing EUR with USD does not compile
compareMoney(eur, usd);
// @ts-expect-error a USD amount in a EUR sum does not compile
sumMoney([eur, usd], 'EUR');
// @ts-expect-error the result keeps its currency
const wrong: Money<'USD'> = addMoney(eur, eur);

const right: Money<'EUR'> = addMoney(eur, money(5n, 'EUR'));
export { right, wrong };
