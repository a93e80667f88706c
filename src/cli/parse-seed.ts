import { HarnessError } from '../errors/harness-error.js';

/**
 * Parses `--seed`. In its own module so that `serve` does not load `run` and, with it,
 * the scenario runner and loader.
 */
export function parseSeed(seed: string): number {
  const n = Number(seed);
  if (!Number.isInteger(n) || n < 0) throw new HarnessError('USAGE', `--seed: expected a whole number, got "${seed}"`);
  return n;
}
