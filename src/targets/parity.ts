/**
 * The parity report: each scenario runs on the mock of its profile (in-process, as
 * `oauth-harness run` does) and on a real server started to imitate that profile;
 * the two exchanges are compared step by step (`parity/compare.ts`). A mock that drifts
 * from the server it imitates, or a server setting that differs from the profile, shows
 * up as a listed difference. Writes `parity.json` and `parity.md` to `outDir`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseResult } from '../results/model.js';
import { runScenario } from '../runner/run-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { compareCases, PARITY_FIELDS } from './parity/compare.js';
import { parityMarkdown } from './parity/markdown.js';
import type { ParityReport, ScenarioParity } from './parity/report.js';
import { paritySummary } from './parity/summary.js';
import { runOnTarget, type RunOnTargetOptions } from './run-on-target.js';
import { interruptedLine } from '../reports/partial-reports.js';
import { onInterrupt } from '../interrupt/interrupt.js';
import { parseTarget, targetName, type TargetSpec } from './target.js';
import { clientIdNote } from './client-id.js';
import { serverNamed } from './servers/registry.js';

export type { ParityDifference } from './parity/compare.js';
export type { ParityReport, ScenarioParity } from './parity/report.js';
export { paritySentence, paritySummary } from './parity/summary.js';

export interface ParityOptions {
  /** The real server (`container:oidc-provider`, `container:glewlwyd`, or an issuer URL). */
  target: TargetSpec | string;
  scenarios: readonly Scenario[];
  /** Where `parity.json` and `parity.md` go (created if missing); nothing is written without it. */
  outDir?: string;
  seed?: number;
  /** Passed to the target: e.g. `{ settings: { accessTokenTtl: 60 } }` to change a server setting on purpose. */
  start?: RunOnTargetOptions['start'];
}

/**
 * Runs the scenarios on both sides, compares them, and writes the report. On Ctrl-C or
 * SIGTERM (src/interrupt/) the report is written with what finished on both sides,
 * marked `interrupted`; the scenarios that did not are listed as skipped, saying so.
 */
export async function parityReport(o: ParityOptions): Promise<ParityReport> {
  const spec = typeof o.target === 'string' ? parseTarget(o.target) : o.target;
  const seed = o.seed ?? 1;
  const onTarget = new Map<string, CaseResult>();
  const onMock = new Map<string, CaseResult>();
  const build = (interrupted: boolean) => assemble(spec, seed, o.scenarios, onTarget, onMock, interrupted);
  const forget = o.outDir
    ? onInterrupt(async () => {
        const written = await writeParity(build(true), o.outDir!);
        process.stderr.write(interruptedLine(onMock.size, o.scenarios.length, 'scenario', written));
      })
    : () => {};
  try {
    await runOnTarget({ target: spec, scenarios: o.scenarios, seed, onCase: (r) => onTarget.set(r.id, r), ...(o.start ? { start: o.start } : {}) });
    for (const s of o.scenarios) if (onTarget.get(s.id)?.verdict !== 'skipped') onMock.set(s.id, await runScenario(s, { seed }));
  } finally {
    forget();
  }
  const report = build(false);
  if (o.outDir) await writeParity(report, o.outDir);
  return report;
}

/** The report of what ran on both sides so far. */
function assemble(spec: TargetSpec, seed: number, all: readonly Scenario[], onTarget: ReadonlyMap<string, CaseResult>, onMock: ReadonlyMap<string, CaseResult>, interrupted: boolean): ParityReport {
  const clientId = spec.kind === 'container' ? clientIdNote(serverNamed(spec.server)) : undefined;
  const scenarios: ScenarioParity[] = all.map((s) => {
    const t = onTarget.get(s.id);
    const m = onMock.get(s.id);
    const base = { id: s.id, title: s.title, profile: s.provider.profile };
    if (t?.verdict === 'skipped') return { ...base, status: 'skipped', reason: t.message ?? 'not run on the target', verdicts: { mock: null, target: null }, differences: [] };
    if (!t || !m) return { ...base, status: 'skipped', reason: `interrupted before it ran on ${t ? 'the mock' : 'the target'}`, verdicts: { mock: null, target: t?.verdict ?? null }, differences: [] };
    const differences = compareCases(m, t);
    return { ...base, status: differences.length ? 'different' : 'same', verdicts: { mock: m.verdict, target: t.verdict }, differences };
  });
  return {
    generatedAt: new Date().toISOString(),
    target: targetName(spec),
    seed,
    fields: [...PARITY_FIELDS],
    ...(clientId ? { clientId } : {}),
    ...(interrupted ? { interrupted: true } : {}),
    summary: paritySummary(scenarios, onMock.size),
    scenarios,
  };
}

/** Writes `parity.json` and `parity.md`; returns their paths. */
async function writeParity(report: ParityReport, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const files = [join(outDir, 'parity.json'), join(outDir, 'parity.md')];
  await writeFile(files[0]!, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files[1]!, parityMarkdown(report));
  return files;
}
