import type { CliIo } from './io.js';

/** Values of a command's options as `node:util` parseArgs returns them. */
export type CliOptionValues = Readonly<Record<string, string | boolean | undefined>>;

/**
 * One subcommand of the `order-to-cash` tool: its help text, its options and what it
 * computes. `run` returns the JSON-serialisable result that the tool prints.
 * @example
 * const age: CliCommand = { name: 'age', summary: 'Ages open items', usage: '…', options: {}, run: async () => ({}) };
 */
export type CliCommand = {
  readonly name: string;
  readonly summary: string;
  /** The `--help` text after the usage line. */
  readonly usage: string;
  readonly options: Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;
  readonly run: (args: { readonly input: string; readonly values: CliOptionValues; readonly io: CliIo }) => Promise<unknown>;
};
