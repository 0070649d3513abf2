import { defineConfig } from 'tsup';

// One entry per public subpath; package.json "exports" lists the same names.
export const entries: Record<string, string> = {
  index: 'src/index.ts',
  'money/index': 'src/money/index.ts',
  'calendar/index': 'src/calendar/index.ts',
  'pricing/index': 'src/pricing/index.ts',
  'rebates/index': 'src/pricing/rebates/index.ts',
  'invoicing/index': 'src/invoicing/index.ts',
  'payments/index': 'src/payments/index.ts',
  'credit/index': 'src/credit/index.ts',
  'testkit/index': 'src/testkit/index.ts',
  'postgres/index': 'src/adapters/postgres/index.ts',
};

export default defineConfig({
  entry: entries,
  format: ['esm', 'cjs'],
  dts: true,
  target: 'node20',
  platform: 'neutral',
  splitting: true,
  sourcemap: false,
  clean: true,
  treeshake: true,
  outDir: 'dist',
});
