// npm run bench -- [suite ...]
// Runs the named suites (files bench/<suite>.bench.ts), or every suite when none is named,
// printing one JSON line per case. A full run also writes bench/results.jsonl.
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult, Suite } from './_lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((s) => !available.includes(s));
if (unknown.length > 0) {
  process.stderr.write(`Unknown suite(s): ${unknown.join(', ')}. Available: ${available.join(', ')}\n`);
  process.exit(2);
}

const lines: string[] = [];
for (const name of asked.length > 0 ? asked : available) {
  const suite = (await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)) as Suite;
  for await (const result of suite.run() as AsyncIterable<BenchResult>) {
    const line = JSON.stringify(result);
    lines.push(line);
    process.stdout.write(`${line}\n`);
  }
}
if (asked.length === 0) {
  const machine = { suite: 'meta', case: 'machine', metric: 'info', value: 0, node: process.version, cpus: (await import('node:os')).cpus().length };
  writeFileSync(join(here, 'results.jsonl'), `${[JSON.stringify(machine), ...lines].join('\n')}\n`);
}
