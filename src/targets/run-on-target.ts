/**
 * `oauth-harness run --target …`: runs the selected scenarios on a target. A container is
 * started once per set-up (the profile it imitates with a scenario's switch and client
 * changes and the scopes its client asks for: the settings it is started with) and
 * only when at least one scenario of that set-up can run there; the mock is started per
 * scenario, with the scenario's switches.
 */
import type { CaseResult, RunResult } from '../results/model.js';
import { summarize } from '../results/summary.js';
import type { Scenario } from '../scenario/schema.js';
import { imitationOf, scenarioChanges } from './imitation.js';
import { runScenarioOnTarget, skippedCase } from './run-scenario-on-target.js';
import { applicability, type TargetTraits } from './selection.js';
import { serverNamed } from './servers/registry.js';
import type { StartedTarget, StartTargetOptions } from './started-target.js';
import { imitableProfiles, parseTarget, startTarget, targetName, type TargetSpec } from './target.js';

export interface RunOnTargetOptions {
  /** A parsed target or its text (`container:oidc-provider`, `mock`, `http://…`). */
  target: TargetSpec | string;
  scenarios: readonly Scenario[];
  seed?: number;
  /** Passed to {@link startTarget}: deliberate settings, base image, a URL target's client. */
  start?: Omit<StartTargetOptions, 'profile' | 'seed' | 'switches' | 'clients'>;
  /** Called with each case as it finishes (progress output). */
  onCase?: (result: CaseResult) => void;
}

/** What a container started for `profile` will offer, known before starting it. */
export function plannedTraits(spec: TargetSpec, profile: string, seed: number): TargetTraits | undefined {
  if (spec.kind !== 'container') return undefined;
  return {
    label: targetName(spec),
    profileLike: [profile],
    imitation: serverNamed(spec.server).imitation,
    capabilities: serverNamed(spec.server).capabilities,
    users: new Map(imitationOf(profile, seed).users.map((u) => [u.username, u])),
  };
}

/**
 * What a container is started with for `scenario`, beyond its profile: its switch and
 * client changes, and the scopes it asks for that the profile's set-up does not know.
 * Scenarios with equal set-ups share a start.
 */
export function setupOf(scenario: Scenario): unknown {
  const c = scenarioChanges(scenario);
  const known = new Set(imitationOf(scenario.provider.profile, 1).scopes);
  return [c.switches, c.clients, [...new Set(c.scopes ?? [])].filter((s) => !known.has(s)).sort()];
}

/** Runs `scenarios` on the target and returns a `run` result; cases keep the scenarios' order. */
export async function runOnTarget(o: RunOnTargetOptions): Promise<RunResult> {
  const spec = typeof o.target === 'string' ? parseTarget(o.target) : o.target;
  const seed = o.seed ?? 1;
  const startedAt = new Date();
  const t0 = performance.now();
  const results = new Map<Scenario, CaseResult>();
  const record = (s: Scenario, r: CaseResult) => {
    results.set(s, r);
    o.onCase?.(r);
  };
  const name = targetName(spec);

  if (spec.kind === 'mock') {
    for (const s of o.scenarios) {
      const target = await startTarget(spec, { ...o.start, profile: s.provider.profile, seed, switches: s.provider.switches, clients: s.provider.clients });
      try {
        record(s, await runScenarioOnTarget(s, target));
      } finally {
        await target.stop();
      }
    }
  } else {
    const imitable = imitableProfiles(spec);
    // Scenarios that need the same server settings share one start.
    const bySetup = new Map<string, Scenario[]>();
    for (const s of o.scenarios) {
      const key = JSON.stringify([s.provider.profile, spec.kind === 'container' ? setupOf(s) : null]);
      bySetup.set(key, [...(bySetup.get(key) ?? []), s]);
    }
    for (const group of bySetup.values()) {
      const first = group[0]!;
      const profile = first.provider.profile;
      // A container is started only for scenarios it will run; a URL target decides once connected.
      const planned = plannedTraits(spec, profile, seed);
      const runnable: Scenario[] = [];
      for (const s of group) {
        const fit = planned ? applicability(s, planned) : ({ ok: true } as const);
        if (fit.ok && spec.kind === 'container' && imitable !== 'any' && !imitable.includes(profile)) {
          record(s, skippedCase(s, { label: name }, `${name}: imitates ${imitable.join(', ')}, not ${profile}`));
        } else if (fit.ok) runnable.push(s);
        else record(s, skippedCase(s, { label: name }, fit.reason));
      }
      if (!runnable.length) continue;
      const changes = spec.kind === 'container' ? scenarioChanges(first) : undefined;
      const target: StartedTarget = await startTarget(spec, { ...o.start, profile, seed, ...(changes ? { changes } : {}) });
      try {
        for (const [i, s] of runnable.entries()) {
          // Scenarios sharing a server start from no grants, as on a fresh one (Google-like
          // "once per user" refresh tokens would otherwise leak from one scenario to the next).
          if (i > 0 && target.revokeGrants) for (const user of target.users.keys()) await target.revokeGrants(user);
          record(s, await runScenarioOnTarget(s, target));
        }
      } finally {
        await target.stop();
      }
    }
  }
  const cases = o.scenarios.map((s) => results.get(s)!);
  return { schemaVersion: 2, tool: 'oauth-harness', command: 'run', startedAt: startedAt.toISOString(), durationMs: Math.round(performance.now() - t0), seed, cases, summary: summarize(cases) };
}
