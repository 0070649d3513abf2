// TSDoc check: every export of every public subpath (package.json "exports", through the
// tsup entries) has a TSDoc comment with an @example, as CONTRIBUTING.md asks. Types get
// by with a description. Usage: node scripts/check-tsdoc.mjs
import ts from 'typescript';
import { readFileSync } from 'node:fs';

const tsup = readFileSync(new URL('../tsup.config.ts', import.meta.url), 'utf8');
const block = /export const entries[^{]*\{([^}]*)\}/.exec(tsup)?.[1] ?? '';
const files = [...block.matchAll(/'([^']+)'\s*,?\s*$/gm)].map((m) => m[1]).filter((f) => f.startsWith('src/'));
const root = new URL('..', import.meta.url).pathname;
const program = ts.createProgram(files.map((f) => `${root}${f}`), { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true });
const checker = program.getTypeChecker();

const problems = new Set();
for (const f of files) {
  const source = program.getSourceFile(`${root}${f}`);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) {
    problems.add(`${f}: not found`);
    continue;
  }
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.declarations?.[0];
    if (!decl) continue;
    const where = `${decl.getSourceFile().fileName.slice(root.length)} ${symbol.getName()}`;
    const isType = ts.isTypeAliasDeclaration(decl) || ts.isInterfaceDeclaration(decl);
    const docs = symbol.getDocumentationComment(checker);
    const tags = symbol.getJsDocTags(checker);
    if (docs.length === 0 && tags.length === 0) problems.add(`${where}: no TSDoc`);
    else if (!isType && !tags.some((t) => t.name === 'example')) problems.add(`${where}: no @example`);
  }
}
for (const p of [...problems].sort()) console.error(p);
console.log(`TSDoc: ${problems.size} export(s) without documentation or example`);
if (problems.size > 0) process.exit(1);
