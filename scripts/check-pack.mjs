// Package contents check: what `npm pack` would publish. Fails when sources, tests,
// benchmarks, examples, source maps or local files would ship, or when a file that
// package.json points at (exports, bin, main, types) would be missing.
// Usage: node scripts/check-pack.mjs   (after npm run build)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const files = new Set(report.files.map((f) => f.path));

const problems = [];
const forbidden = [/^src\//, /^test\//, /^bench\//, /^examples\//, /^scripts\//, /^docs\//, /\.map$/, /\.tsbuildinfo$/, /^\.env/, /^node_modules\//];
for (const f of files) for (const re of forbidden) if (re.test(f)) problems.push(`${f} would be published (${re})`);

const targets = [];
const collect = (v) => (typeof v === 'string' ? targets.push(v) : v && typeof v === 'object' ? Object.values(v).forEach(collect) : undefined);
collect(pkg.exports);
collect(pkg.bin);
collect([pkg.main, pkg.module, pkg.types]);
for (const t of targets) if (!files.has(t.replace(/^\.\//, ''))) problems.push(`${t} is referenced by package.json but not in the package`);
for (const f of ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) if (!files.has(f)) problems.push(`${f} is missing`);

console.log(`npm pack: ${report.entryCount} files, ${(report.size / 1024).toFixed(1)} KiB packed, ${(report.unpackedSize / 1024).toFixed(1)} KiB unpacked`);
if (problems.length > 0) {
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
