// Console rendering for the demo: section headings and aligned tables a finance reader can scan.

export function heading(title: string): void {
  process.stdout.write(`\n${title}\n${'─'.repeat(title.length)}\n`);
}

export function note(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Prints rows as a table; columns whose header starts with '>' are right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): void {
  const right = headers.map((h) => h.startsWith('>'));
  const names = headers.map((h) => (h.startsWith('>') ? h.slice(1) : h));
  const widths = names.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (text: string, i: number) => (right[i] ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => cell(c, i)).join('  ')}`.trimEnd();
  process.stdout.write(`${line(names)}\n  ${widths.map((w) => '─'.repeat(w)).join('  ')}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}
