import { parseArgs } from 'node:util';
import { isOrderToCashError } from '../errors/OrderToCashError.js';
import type { CliCommand } from './command.js';
import { accrueCommand } from './commands/accrue.js';
import { ageCommand } from './commands/age.js';
import { invoiceCommand } from './commands/invoice.js';
import { matchCommand } from './commands/match.js';
import { priceCommand } from './commands/price.js';
import { scoreCommand } from './commands/score.js';
import { settleCommand } from './commands/settle.js';
import type { CliIo } from './io.js';
import { toJsonText } from './json.js';

/** The subcommands, in the order of the order-to-cash story. */
const COMMANDS: readonly CliCommand[] = [priceCommand, invoiceCommand, matchCommand, settleCommand, accrueCommand, ageCommand, scoreCommand];

/** Exit status: success, an unexpected failure, refused input or usage. */
const OK = 0;
const FAILED = 1;
const REFUSED = 2;

const GLOBAL = `Usage: order-to-cash <command> [input.json | -] [options]

Reads JSON from the input file (or standard input when it is "-" or absent), validates it
with the library's schemas and writes the result as JSON on standard output. Refused input
exits with status 2 and writes {"error": {code, message, path, issues}} on standard error.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(9)}${c.summary}`).join('\n')}

Options of every command:
  --pretty   indent the JSON output
  --help     the command's input and output

Amounts are decimal strings ("19.99") with a currency; dates are "YYYY-MM-DD".`;

/**
 * Runs the `order-to-cash` command line with the given arguments and returns the exit
 * status. Everything it reads and writes goes through `io`.
 * @example
 * process.exitCode = await runCli(['score', 'customer.json', '--pretty'], nodeIo());
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    io.out(`${topic === undefined ? GLOBAL : helpOf(topic)}\n`);
    return name === undefined ? REFUSED : OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) return usageError(io, `unknown command "${name}"; run order-to-cash --help`);
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: { ...command.options, pretty: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    return usageError(io, `${e instanceof Error ? e.message : String(e)}; run order-to-cash ${command.name} --help`);
  }
  if (parsed.values['help'] === true) {
    io.out(`${helpOf(command)}\n`);
    return OK;
  }
  if (parsed.positionals.length > 1) return usageError(io, `expected one input, got ${parsed.positionals.length}`);
  try {
    const result = await command.run({ input: parsed.positionals[0] ?? '-', values: parsed.values, io });
    io.out(toJsonText(result, parsed.values['pretty'] === true));
    return OK;
  } catch (e) {
    if (isOrderToCashError(e)) {
      io.err(toJsonText({ error: { code: e.code, message: e.message, path: e.path, issues: e.issues } }, false));
      return REFUSED;
    }
    const err = e as { code?: unknown; message?: unknown };
    if (typeof err.code === 'string' && typeof err.message === 'string' && err.code.startsWith('E')) {
      // A file that cannot be read (ENOENT, EACCES, ...).
      io.err(toJsonText({ error: { code: 'input_unreadable', message: err.message } }, false));
      return REFUSED;
    }
    io.err(toJsonText({ error: { code: 'failed', message: e instanceof Error ? e.message : String(e) } }, false));
    return FAILED;
  }
}

function helpOf(c: CliCommand): string {
  return `Usage: order-to-cash ${c.name} [input.json | -] [options]\n\n${c.summary}.\n\n${c.usage}\n  --pretty          indent the JSON output`;
}

function usageError(io: CliIo, message: string): number {
  io.err(toJsonText({ error: { code: 'usage', message } }, false));
  return REFUSED;
}
