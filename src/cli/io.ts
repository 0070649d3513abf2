import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/**
 * What a command of the command-line tool may touch: its input sources, its two output
 * streams, and whether progress may be shown. Tests pass an in-memory one.
 * @example
 * const code = await runCli(['age', 'items.json'], nodeIo());
 */
export type CliIo = {
  /** The whole text of a file, or of standard input for `-`. */
  readonly readText: (source: string) => Promise<string>;
  /** The lines of a file, or of standard input for `-`, as they arrive. */
  readonly readLines: (source: string) => AsyncIterable<string>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when standard error is a terminal: long runs then report progress there. */
  readonly progress: boolean;
};

/**
 * The {@link CliIo} of the running Node.js process.
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), nodeIo());
 */
export function nodeIo(): CliIo {
  return {
    readText: async (source) => {
      if (source !== '-') return readFile(source, 'utf8');
      let text = '';
      process.stdin.setEncoding('utf8');
      for await (const chunk of process.stdin) text += String(chunk);
      return text;
    },
    readLines: (source) =>
      createInterface({ input: source === '-' ? process.stdin : createReadStream(source, 'utf8'), crlfDelay: Infinity }),
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    progress: process.stderr.isTTY === true,
  };
}
