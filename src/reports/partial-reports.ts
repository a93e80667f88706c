/**
 * What a command leaves on Ctrl-C or SIGTERM (src/interrupt/): the cases that finished,
 * written as the reports that were asked for and marked `interrupted`, and one line on
 * stderr saying how far it got. `run` and `verify` write results.json, junit.xml and
 * report.html through {@link partialReportsOnInterrupt}; `parity` and `matrix` write their
 * own files and say the same line through {@link interruptedLine}.
 */
import { writeReports } from './write-reports.js';
import type { RunResult } from '../results/model.js';
import { onInterrupt } from '../interrupt/interrupt.js';

/** `3 of 10 scenarios finished before the interrupt; partial reports (marked interrupted): a, b`. */
export function interruptedLine(done: number, total: number, noun: string, written: readonly string[]): string {
  return `${done} of ${total} ${noun}${total === 1 ? '' : 's'} finished before the interrupt${written.length ? `; partial reports (marked interrupted): ${written.join(', ')}` : ''}\n`;
}

export interface PartialReports {
  /** The run as far as it got (its cases: the finished ones). */
  partial: () => RunResult;
  /** How many cases the whole run has. */
  total: () => number;
  /** `scenario`, `check`. */
  noun: string;
  reports: readonly string[];
  out: string;
}

/** Registers the partial reports for an interrupt; returns the function that removes them (call it when the run is done). */
export function partialReportsOnInterrupt(o: PartialReports): () => void {
  return onInterrupt(() => {
    const run = o.partial();
    const written = writeReports({ ...run, interrupted: true }, [...o.reports], o.out);
    process.stderr.write(interruptedLine(run.cases.length, o.total(), o.noun, written));
  });
}
