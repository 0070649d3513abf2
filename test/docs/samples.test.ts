import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test, vi } from 'vitest';
import { docSamples, toModule } from './samples.js';

// Every ```ts sample of the README and docs/ is type-checked with the project's compiler
// options and run; `//=>` comments in it are assertions (see samples.ts).
const OUT = fileURLToPath(new URL('../../node_modules/.cache/doc-samples/', import.meta.url));
const samples = docSamples();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const modules = samples.map((s) => {
  const path = `${OUT}${s.file.replace(/[/.]/g, '_')}_${s.line}.ts`;
  writeFileSync(path, toModule(s));
  return { ...s, path };
});

describe('documentation samples', () => {
  test('there are samples in the README and in every module guide', () => {
    expect(new Set(samples.map((s) => s.file)).size).toBeGreaterThan(5);
  });

  test('every sample type-checks', () => {
    const config = ts.getParsedCommandLineOfConfigFile(fileURLToPath(new URL('../../tsconfig.json', import.meta.url)), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    });
    const options = { ...(config?.options ?? {}), noEmit: true, isolatedDeclarations: false, declaration: false, allowImportingTsExtensions: true };
    const program = ts.createProgram(modules.map((m) => m.path), options);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file !== undefined && d.file.fileName.startsWith(OUT))
      .map((d) => {
        const m = modules.find((x) => x.path === d.file?.fileName);
        const { line } = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0 };
        return `${m?.file ?? '?'}:${(m?.line ?? 0) + line - 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    expect(problems).toEqual([]);
  }, 120_000);

  // A sample that imports vitest defines tests (a host's test file): type-checked above;
  // the same calls run in this project's own tests.
  const runnable = modules.filter((m) => !/from 'vitest'/.test(m.code));
  test.each(runnable.map((m) => [`${m.file}:${m.line}`, m] as const))('%s runs and its //=> hold', async (_name, m) => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(m.path);
    } finally {
      log.mockRestore();
    }
  });
});
