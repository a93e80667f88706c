/**
 * The compatibility matrix: real, widely used OAuth clients (through their adapter
 * scripts in clients/ and the command driver) × the scenarios of scenarios/clients/,
 * plus the reference client as the baseline row. Each cell is the scenario's verdict and
 * why it failed: the first required client verdict that failed (read from the wire),
 * else the top diagnosis, else the first failed expectation.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../mocks/package-root.js';
import type { CaseResult } from '../results/model.js';
import { prepareOutDir } from '../reports/write-reports.js';
import { runScenario } from './run-scenario.js';
import { loadScenarioPaths } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import type { ClientVerdict } from '../drivers/client-verdicts.js';
import type { DriverSpec } from '../drivers/driver-spec.js';
import { takeShard, type Shard } from '../results/shard.js';
import { libfaketime } from '../drivers/shared-clock.js';

export interface MatrixClient {
  id: string;
  /** Library and version, for the report. */
  describe(): string;
  spec(root: string): DriverSpec;
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const PYTHON = '/usr/bin/python3';

function debVersion(pkg: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${Version}', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || 'not installed';
  } catch {
    return 'not installed';
  }
}

function npmVersion(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

const command = (id: string, run: (root: string) => string) => (root: string): DriverSpec => ({ kind: 'command', label: id, command: { run: run(root), timeout: '20s', env: {} } });

/** The clients of the matrix: the reference client, then the real libraries. */
export const MATRIX_CLIENTS: MatrixClient[] = [
  { id: 'reference', describe: () => 'oauth-harness reference client (oauth4webapi inside)', spec: () => ({ kind: 'reference', label: 'reference' }) },
  { id: 'requests-oauthlib', describe: () => `requests-oauthlib ${debVersion('python3-requests-oauthlib')} (Debian)`, spec: command('requests-oauthlib', (r) => `${PYTHON} ${q(join(r, 'clients', 'requests-oauthlib.py'))}`) },
  { id: 'authlib', describe: () => `Authlib ${debVersion('python3-authlib')} (Debian)`, spec: command('authlib', (r) => `${PYTHON} ${q(join(r, 'clients', 'authlib-client.py'))}`) },
  { id: 'openid-client', describe: () => `openid-client ${npmVersion('openid-client')} (npm)`, spec: command('openid-client', (r) => `${q(process.execPath)} ${q(join(r, 'clients', 'openid-client.mjs'))}`) },
  { id: 'simple-oauth2', describe: () => `simple-oauth2 ${npmVersion('simple-oauth2')} (npm)`, spec: command('simple-oauth2', (r) => `${q(process.execPath)} ${q(join(r, 'clients', 'simple-oauth2.mjs'))}`) },
  { id: 'oauth4webapi', describe: () => `oauth4webapi ${npmVersion('oauth4webapi')} (npm, used directly)`, spec: command('oauth4webapi', (r) => `${q(process.execPath)} ${q(join(r, 'clients', 'oauth4webapi.mjs'))}`) },
];

/** What the matrix needs on the machine; an empty list when everything is there. */
export function matrixPrerequisites(): string[] {
  const missing: string[] = [];
  if (!existsSync(PYTHON)) missing.push(`${PYTHON} (apt-get install python3)`);
  for (const pkg of ['python3-requests-oauthlib', 'python3-authlib']) if (debVersion(pkg) === 'not installed') missing.push(`${pkg} (apt-get install ${pkg})`);
  if (!libfaketime()) missing.push('libfaketime (apt-get install libfaketime): shares the scenario clock with the clients');
  return missing;
}

export interface MatrixCell {
  client: string;
  scenario: string;
  verdict: 'passed' | 'failed';
  /** Why it failed: a client verdict id, a diagnosis id, or an expectation path. */
  reason?: string;
  /** The top (first error-level) diagnosis, if any. */
  diagnosis?: string;
  /** Required client verdicts that failed. */
  failedVerdicts: string[];
  message?: string;
  /** Every client verdict of the run, id → outcome. */
  verdicts: Record<string, ClientVerdict['outcome']>;
  durationMs: number;
}

export interface Matrix {
  generatedAt: string;
  clients: { id: string; library: string }[];
  scenarios: { id: string; title: string; profile: string }[];
  cells: MatrixCell[];
  /** Set when this is one part of a sharded matrix (`matrix --shard i/n`): the cells are that part's; `selection` lists every cell id (`client×scenario`). */
  shard?: { index: number; count: number; selection: string[] };
  /** Set when the run was stopped (Ctrl-C, SIGTERM) before every cell finished: `cells` are the finished ones. */
  interrupted?: boolean;
}

/** A cell's id, what `--shard` splits by: `client×scenario`. */
export const cellId = (client: string, scenario: string) => `${client}×${scenario}`;

/** The scenarios of the matrix (scenarios/clients/). */
export function matrixScenarios(root = packageRoot()): Scenario[] {
  return loadScenarioPaths([join(root, 'scenarios', 'clients')], root);
}

function cellOf(client: string, s: Scenario, r: CaseResult): MatrixCell {
  const verdicts = ((r as CaseResult & { clientVerdicts?: ClientVerdict[] }).clientVerdicts ?? []);
  const failedVerdicts = r.steps.filter((st) => st.name === 'client verdicts').flatMap((st) => st.expectations.filter((x) => !x.passed).map((x) => x.path.replace(/^verdicts\./, '')));
  const diagnosis = r.diagnoses.find((d) => d.level === 'error')?.id;
  const failedStep = r.steps.find((st) => st.name !== 'client verdicts' && !st.passed);
  const stepReason = failedStep && `${failedStep.name.replace(/^\d+\. /, '')}: ${failedStep.detail?.split(':')[0] ?? 'failed'}`;
  const reason = r.verdict === 'failed' ? (failedVerdicts[0] ?? diagnosis ?? stepReason ?? 'failed') : undefined;
  return {
    client,
    scenario: s.id,
    verdict: r.verdict === 'failed' ? 'failed' : 'passed',
    ...(reason ? { reason } : {}),
    ...(diagnosis ? { diagnosis } : {}),
    failedVerdicts,
    ...(r.verdict === 'failed' ? { message: failureMessage(r) } : {}),
    verdicts: Object.fromEntries(verdicts.map((v) => [v.id, v.outcome])),
    durationMs: r.durationMs,
  };
}

/** One line saying what went wrong: the failed verdict's detail, else the failed step's detail. */
function failureMessage(r: CaseResult): string {
  const verdict = r.steps.find((st) => st.name === 'client verdicts')?.expectations.find((x) => !x.passed);
  if (verdict) return verdict.message;
  const step = r.steps.find((st) => !st.passed);
  return step ? `${step.name}: ${step.detail ?? step.expectations.find((x) => !x.passed)?.message ?? 'failed'}` : (r.message ?? 'failed');
}

export interface MatrixOptions {
  clients?: string[];
  scenarios?: string[];
  seed?: number;
  /** Cells run at once (external clients are separate processes). Default 3. */
  concurrency?: number;
  /** Run only this part of the cells (a stable split by cell id, src/results/shard.ts). */
  shard?: Shard;
  /** Called as each cell finishes, with the number of cells this run has. */
  onCell?: (cell: MatrixCell, result: CaseResult, total: number) => void;
  /** Called once before the first cell with the number of cells and a function that returns the matrix of the cells finished so far (for an interrupt). */
  onStart?: (total: number, sofar: () => Matrix) => void;
}

/** Runs every client against every scenario. */
export async function runMatrix(o: MatrixOptions = {}): Promise<Matrix> {
  const root = packageRoot();
  const clients = MATRIX_CLIENTS.filter((c) => !o.clients || o.clients.includes(c.id));
  const scenarios = matrixScenarios(root).filter((s) => !o.scenarios || o.scenarios.includes(s.id));
  // Reference cells run in-process one after another (they take milliseconds); external
  // cells each have their own server and client process and run in parallel.
  const all = clients.flatMap((c) => scenarios.map((s) => ({ c, s })));
  const selection = all.map((j) => cellId(j.c.id, j.s.id));
  const jobs = o.shard ? takeShard(all, (j) => cellId(j.c.id, j.s.id), o.shard) : all;
  const cells: MatrixCell[] = new Array(jobs.length);
  const lanes = [jobs.map((j, i) => ({ ...j, i })).filter((j) => j.c.id === 'reference'), jobs.map((j, i) => ({ ...j, i })).filter((j) => j.c.id !== 'reference')];
  const run = async (queue: { c: MatrixClient; s: Scenario; i: number }[]) => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const result = await runScenario(job.s, { seed: o.seed ?? 1, driver: job.c.spec(root) });
      cells[job.i] = cellOf(job.c.id, job.s, result);
      o.onCell?.(cells[job.i]!, result, jobs.length);
    }
  };
  const matrix = (): Matrix => ({
    generatedAt: new Date().toISOString(),
    clients: clients.map((c) => ({ id: c.id, library: c.describe() })),
    scenarios: scenarios.map((s) => ({ id: s.id, title: s.title, profile: s.provider.profile })),
    cells: cells.filter(Boolean),
    ...(o.shard ? { shard: { ...o.shard, selection } } : {}),
  });
  o.onStart?.(jobs.length, matrix);
  await Promise.all([run(lanes[0]!), ...Array.from({ length: Math.max(1, o.concurrency ?? 3) }, () => run(lanes[1]!))]);
  return matrix();
}

/** The matrix as a markdown table (client rows × scenario columns would be too wide: scenarios are rows). */
export function renderMatrixMarkdown(m: Matrix): string {
  const cell = (client: string, scenario: string) => {
    const c = m.cells.find((x) => x.client === client && x.scenario === scenario);
    if (!c) return '';
    return c.verdict === 'passed' ? '✅' : `❌ \`${c.reason}\``;
  };
  const head = `| scenario (profile) | ${m.clients.map((c) => c.id).join(' | ')} |`;
  const rule = `|---|${m.clients.map(() => '---').join('|')}|`;
  const rows = m.scenarios.map((s) => `| ${s.id.replace(/^client-/, '')} (${s.profile}) | ${m.clients.map((c) => cell(c.id, s.id)).join(' | ')} |`);
  const libs = m.clients.map((c) => `- **${c.id}**: ${c.library}`);
  return [
    ...(m.interrupted ? [`**Interrupted**: ${m.cells.length} cell${m.cells.length === 1 ? '' : 's'} finished before the run was stopped; empty cells did not run.`, ''] : []),
    head,
    rule,
    ...rows,
    '',
    '✅ passed; ❌ failed, with the first required client verdict that failed (read from the recorded exchange), else the top diagnosis, else the step that failed and its error.',
    '',
    ...libs,
    '',
    '**Why each cell failed**',
    '',
    ...m.cells.filter((c) => c.verdict === 'failed').map((c) => `- ${c.client} × ${c.scenario.replace(/^client-/, '')}: ${c.message ?? c.reason}`),
    '',
  ].join('\n');
}

/** Writes `matrix.json` and `matrix.md` to a folder; returns their paths. */
export function writeMatrix(m: Matrix, outDir: string): string[] {
  prepareOutDir(outDir);
  const out: string[] = [];
  for (const [file, text] of [['matrix.json', `${JSON.stringify(m, null, 2)}\n`], ['matrix.md', renderMatrixMarkdown(m)]] as const) {
    const target = join(outDir, file);
    writeFileSync(`${target}.${process.pid}.tmp`, text);
    renameSync(`${target}.${process.pid}.tmp`, target);
    out.push(target);
  }
  return out;
}
