/**
 * Which scenarios a run takes: the files and folders given (default: the built-in
 * catalog), loaded and validated (every problem reported before anything runs), then
 * `grep` and the client override. Shared by `oauth-harness run` and `runScenarios()`.
 */
import { join } from 'node:path';
import { packageRoot } from '../../mocks/package-root.js';
import { withClientOption } from '../drivers/driver-spec.js';
import { HarnessError } from '../errors/harness-error.js';
import { findScenarioFiles, loadScenarios, scenarioIdOf } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { shardIds, type Shard } from '../results/shard.js';

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
  return selectShard(o).scenarios;
}

/** A shard's part of a selection: the ids of the whole selection (in its order), and the shard's scenarios. */
export interface ShardSelection {
  selection: string[];
  scenarios: Scenario[];
}

/**
 * Like {@link selectScenarios}, then only the scenarios of `shard` (src/results/shard.ts).
 * Without `grep` the selection is known from the file names (a scenario's id is its file
 * name), so only the shard's own files are parsed: each file is checked by the shard that
 * runs it, and two files sharing an id always fall to the same shard, which reports them.
 */
export function selectShard(o: ScenarioSelection, shard?: Shard): ShardSelection {
  const found: string[] = [];
  const files = findScenarioFiles(o.paths.length ? [...o.paths] : [catalogDir()], found);
  const cwd = process.cwd();
  let scenarios: Scenario[];
  let selection: string[] | undefined;
  if (shard && !o.grep) {
    selection = [...new Set(files.map(scenarioIdOf))];
    const mine = shardIds(selection, shard);
    scenarios = loadScenarios(files.filter((f) => mine.has(scenarioIdOf(f))), cwd, found);
  } else scenarios = loadScenarios(files, cwd, found);
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
  selection ??= scenarios.map((s) => s.id);
  if (!selection.length) throw new HarnessError('USAGE', o.grep ? `no scenario matches --grep "${o.grep}"` : 'no scenario files found');
  if (shard && o.grep) {
    const mine = shardIds(selection, shard);
    scenarios = scenarios.filter((s) => mine.has(s.id));
  }
  return { selection, scenarios };
}
