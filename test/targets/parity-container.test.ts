/**
 * The parity report against a real oidc-provider: the same scenarios on the rfc-strict
 * mock and on the container imitating it, then again with two server settings changed
 * on purpose (access token lifetime 60 s, refresh token rotation on). The changed
 * settings must show up as differences, and must not show up without the change.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerTestsEnabled } from '../../src/targets/containers/runtime.js';
import { parityReport, type ParityDifference, type ParityReport } from '../../src/targets/parity.js';
import { scenarioById } from './catalog-fixtures.js';

const run = await containerTestsEnabled('parity report');

const key = (d: ParityDifference) => `${d.step} | ${d.endpoint} | ${d.field} | ${JSON.stringify(d.mock)} → ${JSON.stringify(d.target)}`;
const keys = (r: ParityReport, id: string) => r.scenarios.find((s) => s.id === id)!.differences.map(key);

describe.runIf(run)('parityReport(container:oidc-provider)', () => {
  const scenarios = ['diagnosis-refresh-token-invalidated-control', 'wrong-client-secret-basic', 'expired-token-refreshed-once'].map(scenarioById);
  let dir: string;
  let baseline: ParityReport;
  let planted: ParityReport;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parity-'));
    baseline = await parityReport({ target: 'container:oidc-provider', scenarios, outDir: join(dir, 'baseline') });
    planted = await parityReport({ target: 'container:oidc-provider', scenarios, outDir: join(dir, 'planted'), start: { settings: { accessTokenTtl: 60, rotateRefreshTokens: true } } });
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('compares what both ran, and says why the rest was not compared', () => {
    expect(baseline.target).toBe('container:oidc-provider');
    expect(baseline.summary).toMatchObject({ scenarios: 3, compared: 2, skipped: 1 });
    expect(baseline.scenarios.find((s) => s.id === 'expired-token-refreshed-once')).toMatchObject({ status: 'skipped', reason: "container:oidc-provider: steps[1]: cannot move a real server's clock (advanceClock)" });
  });

  it('lists the differences oidc-provider has from the rfc-strict mock as configured', () => {
    // oidc-provider always returns scope and, on refresh, the refresh token it was given
    expect(keys(baseline, 'diagnosis-refresh-token-invalidated-control')).toEqual([
      '1. connect | token | member scope | "absent" → "present"',
      '2. refresh | token | member refresh_token | "absent" → "present"',
      '2. refresh | token | member scope | "absent" → "present"',
      '2. refresh | token | refresh rotation | "none" → "same"',
    ]);
    expect(keys(baseline, 'wrong-client-secret-basic')).toEqual([]);
  });

  it('shows a changed access token lifetime and refresh token rotation as differences', () => {
    const diffs = keys(planted, 'diagnosis-refresh-token-invalidated-control');
    expect(diffs).toContain('1. connect | token | expires_in | 3600 → 60');
    expect(diffs).toContain('2. refresh | token | expires_in | 3600 → 60');
    expect(diffs).toContain('2. refresh | token | refresh rotation | "none" → "new"');
    expect(planted.summary.differences).toBeGreaterThan(baseline.summary.differences);
  });

  it('writes parity.json and parity.md', async () => {
    const json = JSON.parse(await readFile(join(dir, 'planted', 'parity.json'), 'utf8')) as ParityReport;
    expect(json.summary).toEqual(planted.summary);
    const md = await readFile(join(dir, 'planted', 'parity.md'), 'utf8');
    expect(md).toContain('# Parity: mock profiles vs container:oidc-provider');
    expect(md).toContain('| 2. refresh | token | 1 | expires_in | 3600 | 60 |');
    expect(md).toContain('| 2. refresh | token | 1 | refresh rotation | none | new |');
  });
});
