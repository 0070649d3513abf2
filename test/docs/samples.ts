// Code samples of the README and docs/: extraction and the rewriting that makes each one
// a runnable, checked module (imports resolved to src/, `//=>` comments turned into
// assertions).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { entries } from '../../tsup.config.js';

export type Sample = { readonly file: string; readonly line: number; readonly code: string };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every ```ts block of README.md and docs/*.md, with the line it starts on. */
export function docSamples(): Sample[] {
  const files = ['README.md', ...readdirSync(`${ROOT}docs`).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const out: Sample[] = [];
  for (const file of files) {
    const lines = readFileSync(`${ROOT}${file}`, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]?.trim() !== '```ts') continue;
      const start = i + 1;
      let end = start;
      while (end < lines.length && lines[end]?.trim() !== '```') end++;
      out.push({ file, line: start + 1, code: lines.slice(start, end).join('\n') });
      i = end;
    }
  }
  return out;
}

/** `order-to-cash/<sub>` → the source file of that subpath's entry. */
function resolveSpecifier(spec: string): string {
  const sub = spec === 'order-to-cash' ? 'index' : `${spec.slice('order-to-cash/'.length)}/index`;
  const src = entries[sub];
  if (src === undefined) throw new Error(`${spec} is not a subpath of the package`);
  return `${ROOT}${src}`;
}

const ASSERT = /^(\s*)(?:const\s+(\w+)\s*=\s*)?(.+?);?\s*\/\/=>\s*(.+)$/;
const THROWS = /^(\s*)(.+?);?\s*\/\/ throws (\w+)\b.*$/;

/**
 * The module a sample becomes: imports point at src/, `expr; //=> value` asserts that the
 * expression equals the value (both compared as JSON), `expr; // throws code` asserts an
 * `OrderToCashError` with that code.
 */
export function toModule(sample: Sample): string {
  const body = sample.code
    .replace(/from '(order-to-cash(?:\/[\w-]+)?)'/g, (_m, spec: string) => `from '${resolveSpecifier(spec)}'`)
    .split('\n')
    .map((line) => {
      const t = THROWS.exec(line);
      if (t) return `${t[1] ?? ''}__throws(() => { ${t[2] ?? ''}; }, '${t[3] ?? ''}');`;
      const a = ASSERT.exec(line);
      if (a && !line.trimStart().startsWith('//')) {
        const keep = line.slice(0, line.indexOf('//=>')).trimEnd();
        return `${keep.endsWith(';') ? keep : `${keep};`} __equals(${a[2] ?? a[3] ?? ''}, ${a[4] ?? ''});`;
      }
      return line;
    })
    .join('\n');
  return `import { __equals, __throws } from '${ROOT}test/docs/sampleAsserts.ts';\n${body}\nexport {};\n`;
}
