/**
 * Which scenarios a run takes: the files and folders given (default: the built-in
 * catalog), loaded and validated (every problem reported before anything runs), then
 * `grep` and the client override. Shared by `oauth-harness run` and `runScenarios()`.
 */
import { join } from 'node:path';
import { packageRoot } from '../../mocks/package-root.js';
import { withClientOption } from '../drivers/driver-spec.js';
import { HarnessError } from '../errors/harness-error.js';
import { loadScenarioPaths } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';

export interface ScenarioSelection {
  /** Scenario files or folders; empty: the built-in catalog. */
  paths: readonly string[];
  /** A regular expression (case-insensitive) matched against ids, titles and tags. */
  grep?: string | undefined;
  /** `reference`, `command:"…"` or `web:"…"`: overrides every scenario's client driver. */
  client?: string | undefined;
}

/** The built-in scenario catalog's folder. */
export function catalogDir(): string {
  return join(packageRoot(), 'scenarios');
}

/** Loads and filters the scenarios. Throws a {@link HarnessError} (exit 2) for bad input or an empty selection. */
export function selectScenarios(o: ScenarioSelection): Scenario[] {
  let scenarios = loadScenarioPaths(o.paths.length ? [...o.paths] : [catalogDir()]);
  if (o.grep) {
    let re: RegExp;
    try {
      re = new RegExp(o.grep, 'i');
    } catch {
      throw new HarnessError('USAGE', `--grep: not a valid regular expression: ${o.grep}`);
    }
    scenarios = scenarios.filter((s) => re.test(s.id) || re.test(s.title) || s.tags.some((t) => re.test(t)));
  }
  if (o.client) scenarios = withClientOption(scenarios, o.client);
  if (!scenarios.length) throw new HarnessError('USAGE', o.grep ? `no scenario matches --grep "${o.grep}"` : 'no scenario files found');
  return scenarios;
}
