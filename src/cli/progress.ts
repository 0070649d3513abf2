import type { CliIo } from './io.js';

/** Reports a running count. */
export type Progress = { readonly update: (count: number) => void; readonly done: (count: number) => void };

/**
 * Progress of a long run on standard error, shown only when it is a terminal.
 * @example
 * const p = progress(io, 'lines'); p.update(50_000); p.done(120_000);
 */
export function progress(io: CliIo, unit: string): Progress {
  const show = (count: number, end: string): void => {
    if (io.progress) io.err(`\r${count.toLocaleString('en-US')} ${unit}${end}`);
  };
  return { update: (count) => show(count, ''), done: (count) => show(count, ', done\n') };
}
