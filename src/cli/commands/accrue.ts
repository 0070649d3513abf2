import * as z from 'zod';
import { parseInput } from '../../errors/parseInput.js';
import { type CurrencyCode, type Money, sameCurrencyMoney } from '../../money/Money.js';
import { RoundingModeSchema } from '../../money/schemas.js';
import { accrueRebates, type AccrualState, type ProvisionEntry } from '../../pricing/rebates/accrueRebates.js';
import { compileRebateDeals } from '../../pricing/rebates/compileRebateDeals.js';
import { type RebateSourceLine, RebateSourceLineSchema } from '../../pricing/rebates/RebateDeal.js';
import type { CliCommand } from '../command.js';
import { parseJsonText } from '../json.js';
import { progress as showProgress } from '../progress.js';
import { shardMerger } from '../shardMerger.js';

const InputSchema = /* @__PURE__ */ z.object({ deals: z.unknown(), lines: z.array(z.unknown()), options: z.object({ rounding: RoundingModeSchema }) });
const CHUNK = 50_000;

/** Provisions per deal and currency, and the entries when asked for. */
type AccrueOutput = {
  readonly lines: number;
  readonly provisions: number;
  readonly totals: readonly { readonly dealId: string; readonly amount: Money; readonly provisions: number }[];
  readonly entries?: readonly ProvisionEntry[];
};

/**
 * `order-to-cash accrue`: accrues rebate provisions from invoice and credit-note lines.
 * With `--deals` the lines stream from a file or standard input, one JSON object per line.
 * @example
 * // order-to-cash accrue --deals deals.json --rounding halfUp lines.ndjson
 */
export const accrueCommand: CliCommand = {
  name: 'accrue',
  summary: 'Accrue rebate provisions from invoice lines (streams newline-delimited lines)',
  usage: `Input, one of:
  a JSON file   { "deals": RebateDeal[], "lines": RebateSourceLine[], "options": { "rounding" } }
  --deals FILE  with the lines as newline-delimited JSON (one RebateSourceLine per line)
                from the input file or standard input, and --rounding MODE
Output: { "lines", "provisions", "totals": [{ dealId, amount, provisions }], "entries"? }
Options:
  --deals FILE      the deals (JSON array); the input is then newline-delimited lines
  --rounding MODE   halfUp, halfEven, ... (with --deals; default halfUp)
  --entries         include every provision entry in the output`,
  options: { deals: { type: 'string' }, rounding: { type: 'string' }, entries: { type: 'boolean' } },
  run: async ({ input, values, io }) => {
    const dealsFile = values['deals'];
    let state: AccrualState;
    let count = 0;
    if (typeof dealsFile === 'string') {
      const program = compileRebateDeals(parseJsonText(await io.readText(dealsFile), ['deals']));
      const rounding = parseInput(RoundingModeSchema, values['rounding'] ?? 'halfUp', ['--rounding']);
      const progress = showProgress(io, 'lines');
      // Each chunk accrues on its own (a provision depends only on its line and deal); the
      // chunk states merge pairwise (shardMerger) instead of copying a growing state per chunk.
      const merged = shardMerger();
      let chunk: RebateSourceLine[] = [];
      for await (const text of io.readLines(input)) {
        if (text.trim() === '') continue;
        chunk.push(parseInput(RebateSourceLineSchema, parseJsonText(text, ['lines', count]), ['lines', count]));
        count++;
        if (chunk.length === CHUNK) {
          merged.add(accrueRebates(program, chunk, { rounding }).state);
          chunk = [];
          progress.update(count);
        }
      }
      merged.add(accrueRebates(program, chunk, { rounding }).state);
      state = merged.result();
      progress.done(count);
    } else {
      const raw = parseInput(InputSchema, parseJsonText(await io.readText(input), ['input']), ['input']);
      const program = compileRebateDeals(raw.deals);
      const lines = raw.lines.map((l, i) => parseInput(RebateSourceLineSchema, l, ['lines', i]));
      count = lines.length;
      state = accrueRebates(program, lines, { rounding: raw.options.rounding }).state;
    }
    return summarise(state, count, values['entries'] === true);
  },
};

function summarise(state: AccrualState, lines: number, withEntries: boolean): AccrueOutput {
  const totals = new Map<string, { dealId: string; currency: CurrencyCode; minor: bigint; provisions: number }>();
  for (const e of state.entries.values()) {
    const key = `${e.dealId}\u0000${e.amount.currency}`;
    const t = totals.get(key) ?? { dealId: e.dealId, currency: e.amount.currency, minor: 0n, provisions: 0 };
    t.minor += e.amount.minor;
    t.provisions++;
    totals.set(key, t);
  }
  const list = [...totals.values()]
    .sort((a, b) => (a.dealId < b.dealId ? -1 : a.dealId > b.dealId ? 1 : a.currency < b.currency ? -1 : 1))
    .map((t) => ({ dealId: t.dealId, amount: sameCurrencyMoney(t.minor, t.currency), provisions: t.provisions }));
  const out = { lines, provisions: state.entries.size, totals: list };
  return withEntries ? { ...out, entries: [...state.entries.values()] } : out;
}
