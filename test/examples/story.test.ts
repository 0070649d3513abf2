// The demo story runs end to end on both stores and its closing summary holds: the books balance.
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { runStory, type StoryResult, type StoryStore } from '../../examples/story.js';

afterEach(() => {
  vi.restoreAllMocks();
});

async function captured(store: StoryStore): Promise<{ result: StoryResult; output: string }> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  const result = await runStory({ store });
  vi.restoreAllMocks();
  return { result, output: chunks.join('') };
}

describe('runStory', () => {
  const runs = new Map<StoryStore, { result: StoryResult; output: string }>();
  beforeAll(async () => {
    for (const store of ['memory', 'pglite'] as const) runs.set(store, await captured(store));
  }, 120_000);

  test.each(['memory', 'pglite'] as const)('on %s the books balance', (store) => {
    const { result, output } = runs.get(store) ?? { result: { store, balanced: false, checks: [] }, output: '' };
    expect(result.store).toBe(store);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.balanced).toBe(true);
    expect(result.checks.map((c) => c.name)).toContain('Opening + Σ invoiced = Σ settled + Σ discounts/write-offs + Σ open');
    expect(output).toContain('Every check holds: the books balance.');
    expect(output).not.toContain('FAILED');
  });

  test('both stores tell the same story, figure for figure', () => {
    const memory = runs.get('memory')?.output;
    const pglite = runs.get('pglite')?.output;
    expect(memory).toBeDefined();
    expect(pglite).toContain('Quotations, orders and open items in embedded PostgreSQL');
    const figures = (text: string | undefined): string[] => (text ?? '').split('\n').filter((l) => /EUR /.test(l));
    expect(figures(pglite)).toEqual(figures(memory));
  });

  test('the story shows the worked figures a finance reader checks', () => {
    const output = runs.get('memory')?.output ?? '';
    for (const figure of [
      'Quotation total EUR 3,442.80',
      'total EUR 2,362.75',
      'total EUR 1,734.19',
      'cashDiscount     EUR 47.26',
      'INV-2026-0102  2026-04-23    EUR 234.19',
      'EUR 34.43',
    ]) {
      expect(output).toContain(figure);
    }
  });
});
