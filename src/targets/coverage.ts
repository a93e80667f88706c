/**
 * How much of a scenario catalog runs on the real servers, computed from the registry
 * and the catalog only (no container is started): for each server, the scenarios it
 * would run and, for each skip, why; together, the scenarios at least one real server
 * runs, and the reasons of those none runs, most frequent first.
 */
import type { Scenario } from '../scenario/schema.js';
import { plannedTraits } from './run-on-target.js';
import { applicability } from './selection.js';
import { SERVERS, type ContainerServer } from './servers/registry.js';

export interface ServerCoverage {
  server: ContainerServer;
  runs: number;
  /** Skips by reason (the reason without the target's label). */
  skipped: Map<string, number>;
}

export interface Coverage {
  total: number;
  servers: ServerCoverage[];
  /** Scenarios at least one real server runs. */
  runsSomewhere: number;
  /** Why the others run nowhere: the first server's reason, by count. */
  nowhere: Map<string, number>;
}

/** Why `scenario` cannot run on `server` (without the label), or undefined when it can. */
export function skipReason(scenario: Scenario, server: ContainerServer, seed = 1): string | undefined {
  const def = SERVERS.find((s) => s.name === server)!;
  const profile = scenario.provider.profile;
  const traits = plannedTraits({ kind: 'container', server }, profile, seed)!;
  const fit = applicability(scenario, traits);
  if (!fit.ok) return fit.reason.slice(traits.label.length + 2);
  if (!(def.imitates as readonly string[]).includes(profile)) return `imitates ${def.imitates.join(', ')}, not ${profile}`;
  return undefined;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** The coverage of `scenarios` by every registered server. */
export function catalogCoverage(scenarios: readonly Scenario[], seed = 1): Coverage {
  const servers: ServerCoverage[] = SERVERS.map((s) => ({ server: s.name, runs: 0, skipped: new Map() }));
  const nowhere = new Map<string, number>();
  let runsSomewhere = 0;
  for (const scenario of scenarios) {
    const reasons = servers.map((c) => {
      const why = skipReason(scenario, c.server, seed);
      if (why === undefined) c.runs++;
      else bump(c.skipped, why);
      return why;
    });
    if (reasons.some((r) => r === undefined)) {
      runsSomewhere++;
      continue;
    }
    const plain = reasons.map((r) => r!.replace(/^steps\[\d+\]: /, ''));
    bump(nowhere, plain.every((r) => r === plain[0]) ? plain[0]! : plain.map((r, i) => `${servers[i]!.server}: ${r}`).join('; '));
  }
  return { total: scenarios.length, servers, runsSomewhere, nowhere: new Map([...nowhere].sort((a, b) => b[1] - a[1])) };
}
