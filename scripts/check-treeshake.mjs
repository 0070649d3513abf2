// Tree-shaking check: bundles small programs that import one function from a public
// subpath of the built package (dist/, resolved through package.json "exports") and fails
// when code from other modules or unneeded dependencies ends up in the bundle.
// Usage: node scripts/check-treeshake.mjs   (after npm run build)
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Each case: what a user writes, and what must not be in the bundle. `absent` lists
// function names (esbuild keeps them when not minifying) and package paths.
const cases = [
  {
    name: 'root: money only',
    code: "import { money } from 'order-to-cash'; console.log(money(1n, 'EUR'));",
    absent: ['allocateMoney', 'convertMoney', 'addMonths', 'calendarDate', 'parseInput', 'node_modules/zod', 'node_modules/date-fns', 'node_modules/decimal.js'],
  },
  {
    name: 'root: a calendar function',
    code: "import { addDays } from 'order-to-cash'; console.log(addDays('2026-01-01', 1));",
    absent: ['allocateMoney', 'multiplyMoney', 'addMonths', 'node_modules/zod', 'node_modules/date-fns', 'node_modules/decimal.js'],
  },
  {
    name: 'money subpath: allocateMoney',
    code: "import { allocateMoney, money } from 'order-to-cash/money'; console.log(allocateMoney(money(100n, 'EUR'), [1n, 2n]));",
    absent: ['convertMoney', 'calendarDate', 'node_modules/zod', 'node_modules/date-fns', 'node_modules/fast-check'],
  },
  {
    name: 'payments subpath: settlePayment',
    code: "import { settlePayment } from 'order-to-cash/payments'; console.log(settlePayment);",
    absent: ['matchStatement', 'findCombination', 'resolvePrice', 'accrueRebates', 'creditExposure', 'node_modules/fast-check', 'node_modules/decimal.js'],
  },
  {
    name: 'credit subpath: computeExposure',
    code: "import { computeExposure } from 'order-to-cash/credit'; console.log(computeExposure({ currency: 'EUR', openItems: [], openOrders: [], deliveredNotInvoiced: [] }));",
    // convertMoney is named in the currency_mismatch message text, so it is not a marker here;
    // decimal.js (scoreFromOdds' logarithms) is imported by the one credit file of dist and,
    // having top-level side effects, stays in the bundle although unused.
    absent: ['resolvePrice', 'lineAmount', 'matchPayment', 'settleOpenItems', 'accrueRebates', 'allocateMoney', 'node_modules/fast-check'],
  },
  {
    name: 'pricing subpath: compilePriceBook',
    code: "import { compilePriceBook } from 'order-to-cash/pricing'; console.log(compilePriceBook({ agreements: [] }));",
    absent: ['settlePayment', 'applySettlement', 'creditExposure', 'checkCredit', 'node_modules/fast-check', 'node_modules/decimal.js'],
  },
  {
    name: 'invoicing subpath: dueDate',
    code: "import { dueDate, PaymentTermsSchema } from 'order-to-cash/invoicing'; console.log(dueDate('2026-01-31', PaymentTermsSchema.parse({ method: 'net' })));",
    absent: ['calculateInvoice', 'creditNote', 'allocateMoney', 'src/payments', 'src/credit', 'node_modules/decimal.js', 'node_modules/fast-check'],
  },
  {
    name: 'rebates subpath: calculateTierRebate',
    code: "import { calculateTierRebate } from 'order-to-cash/rebates'; console.log(calculateTierRebate);",
    absent: ['accrueRebates', 'trueUpRebates', 'settlePayment', 'applySettlement', 'creditExposure', 'node_modules/fast-check', 'node_modules/decimal.js'],
  },
  {
    name: 'orders subpath: sendQuotation',
    code: "import { sendQuotation } from 'order-to-cash/orders'; console.log(sendQuotation);",
    absent: ['priceOrder', 'repriceSalesOrder', 'draftReturn', 'calculateInvoice', 'settlePayment', 'accrueRebates', 'node_modules/fast-check', 'node_modules/decimal.js'],
  },
  {
    name: 'memory subpath: memorySalesOrders',
    code: "import { memorySalesOrders } from 'order-to-cash/memory'; console.log(memorySalesOrders());",
    absent: ['compilePriceBook', 'priceOrder', 'calculateInvoice', 'settlePayment', 'node_modules/fast-check', 'node_modules/decimal.js', 'node_modules/@electric-sql', 'node_modules/pg/'],
  },
  {
    name: 'root and every core subpath, whole: no database driver, no adapter',
    code: "import * as a from 'order-to-cash'; import * as b from 'order-to-cash/money'; import * as c from 'order-to-cash/calendar'; import * as d from 'order-to-cash/pricing'; import * as e from 'order-to-cash/rebates'; import * as f from 'order-to-cash/invoicing'; import * as g from 'order-to-cash/payments'; import * as h from 'order-to-cash/credit'; console.log(a, b, c, d, e, f, g, h);",
    absent: ['postgresOpenItems', 'migratePostgres', 'sqlDatabase', 'openItemRepositoryContract', 'node_modules/pg', 'node_modules/@electric-sql/pglite', 'node_modules/fast-check'],
  },
  {
    name: 'postgres subpath: postgresOpenItems (the drivers stay the host\'s)',
    code: "import { postgresOpenItems } from 'order-to-cash/postgres'; console.log(postgresOpenItems);",
    absent: ['matchStatement', 'findCombination', 'resolvePrice', 'accrueRebates', 'creditExposure', 'node_modules/pg', 'node_modules/@electric-sql/pglite', 'node_modules/fast-check', 'node_modules/decimal.js'],
  },
];

const resolveFromExports = {
  name: 'order-to-cash-exports',
  setup(b) {
    b.onResolve({ filter: /^order-to-cash(\/.*)?$/ }, (args) => {
      const sub = args.path === 'order-to-cash' ? '.' : `.${args.path.slice('order-to-cash'.length)}`;
      const target = pkg.exports[sub]?.import?.default;
      if (!target) return { errors: [{ text: `${args.path} is not exported by package.json` }] };
      return { path: new URL(`../${target}`, import.meta.url).pathname };
    });
  },
};

let failed = 0;
for (const c of cases) {
  const result = await build({
    stdin: { contents: c.code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    treeShaking: true,
    minify: false,
    metafile: true,
    plugins: [resolveFromExports],
    logLevel: 'silent',
  });
  const text = result.outputFiles[0].text;
  // Inputs that contributed bytes (esbuild lists every file it read, used or not).
  const inputs = Object.values(result.metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([k]) => k),
  );
  const found = c.absent.filter((marker) =>
    marker.startsWith('node_modules/') ? inputs.some((i) => i.includes(marker)) : new RegExp(`\\b${marker}\\b`).test(text),
  );
  const size = (text.length / 1024).toFixed(1);
  if (found.length > 0) {
    failed++;
    console.error(`FAIL ${c.name}: bundle (${size} KiB) contains ${found.join(', ')}`);
  } else {
    console.log(`ok   ${c.name}: ${size} KiB unminified, none of ${c.absent.length} foreign markers`);
  }
}
if (failed > 0) process.exit(1);
