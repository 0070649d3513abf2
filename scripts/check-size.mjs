// Size budgets: bundles everything each public subpath exports (from dist/, through
// package.json "exports"), minified and gzipped, and fails when a subpath exceeds its
// budget in scripts/size-budgets.json or has none. Optional peers (fast-check, the
// PostgreSQL drivers) are the host's and are not counted.
// Usage: node scripts/check-size.mjs [--json]   (after npm run build)
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const budgets = JSON.parse(readFileSync(new URL('./size-budgets.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.peerDependencies ?? {});

const rows = [];
let failed = 0;
for (const [sub, target] of Object.entries(pkg.exports)) {
  const file = target?.import?.default;
  if (typeof file !== 'string' || !file.endsWith('.js')) continue;
  const result = await build({
    stdin: { contents: `export * from '${new URL(`../${file}`, import.meta.url).pathname}';`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: true,
    external,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const budget = budgets[sub];
  const ok = typeof budget === 'number' && gzip <= budget;
  if (!ok) failed++;
  rows.push({ subpath: sub, minified: code.length, gzip, budget: budget ?? null, ok });
}

if (process.argv.includes('--json')) {
  for (const r of rows) console.log(JSON.stringify(r));
} else {
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  for (const r of rows) {
    const verdict = r.ok ? 'ok' : r.budget === null ? 'NO BUDGET (add one to scripts/size-budgets.json)' : 'OVER BUDGET';
    console.log(`${r.subpath.padEnd(16)} ${kib(r.minified).padStart(10)} min ${kib(r.gzip).padStart(10)} gzip  budget ${r.budget === null ? '-' : kib(r.budget)}  ${verdict}`);
  }
}
if (failed > 0) {
  console.error(`size check: ${failed} subpath(s) over or without a budget`);
  process.exit(1);
}
