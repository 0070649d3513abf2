import type { Options } from 'tsup';

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
};

// The command-line tool (package.json "bin"), not a subpath.
const bin: Record<string, string> = { 'cli/bin': 'src/cli/bin.ts' };

const config: Options = {
  entry: { ...entries, ...bin },
  format: ['esm', 'cjs'],
  dts: true,
  target: 'node20',
  platform: 'neutral',
  splitting: true,
  sourcemap: false,
  clean: true,
  treeshake: true,
  outDir: 'dist',
  // The command-line tool runs on Node.js only: its builtins stay imports.
  external: [/^node:/],
};

export default config;
