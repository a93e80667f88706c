/**
 * Proof that `verify` checks can fail (issue 5 §4): the `bcp` plan runs against every
 * mock profile served on loopback (as `oauth-harness serve` serves them, with the
 * verify fixtures registered as extra clients and short lifetimes for the T rows), plus
 * test-only overrides of rfc-strict for switches no profile uses. The exact set of
 * failing MUST checks, and the SHOULD warnings, must match `MATRIX`: every deliberate
 * deviation is caught by the check that names it, rfc-strict fails nothing, and nothing
 * else fails. `WRITE_VERIFY_MATRIX=1` rewrites docs/verify-profile-matrix.md.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProvider, listProfiles, loadProfile } from '../../mocks/profiles.js';
import { createClock } from '../../mocks/provider/clock.js';
import { deepMerge } from '../../mocks/provider/merge.js';
import { startNodeHttpServer, type NodeHttpServer } from '../../mocks/transports/node-http.js';
import type { CaseResult, RunResult } from '../../src/results/model.js';
import { runVerify } from '../../src/verify/index.js';
import { COMMON_WARNINGS, MATRIX, type MatrixTarget } from './expected-matrix.js';
import { profileFixtureClients, shortLifetimeSwitches, verifyOptionsForProfile } from '../../src/verify/profiles/options.js';

const DOC = fileURLToPath(new URL('../../docs/verify-profile-matrix.md', import.meta.url));

const failing = (r: RunResult, severity: CaseResult['severity']) =>
  r.cases.filter((c) => c.verdict === 'failed' && c.severity === severity).map((c) => c.id).sort();

describe('verify --plan bcp against every mock profile (profile × check matrix)', () => {
  let server: NodeHttpServer;
  const results = new Map<string, RunResult>();
  let wallMs = 0;

  beforeAll(async () => {
    server = await startNodeHttpServer({ port: 0 });
    const t0 = performance.now();
    await Promise.all(
      MATRIX.map(async (t) => {
        const provider = buildProvider({
          profile: t.profile,
          issuer: `${server.origin}/${t.name}`,
          seed: 1,
          clock: createClock(Date.now(), true),
          switches: deepMerge(shortLifetimeSwitches(t.profile), t.switches ?? {}),
          clients: profileFixtureClients(t.profile),
        });
        server.mount(provider);
        results.set(t.name, await runVerify(verifyOptionsForProfile(provider)));
      }),
    );
    wallMs = performance.now() - t0;
    // debugging aid: the observed failures with their messages
    if (process.env.DUMP_VERIFY_MATRIX) {
      const observed = Object.fromEntries([...results].map(([name, r]) => [name, r.cases.filter((c) => c.verdict === 'failed').map((c) => ({ id: c.id, severity: c.severity, message: c.message }))]));
      writeFileSync(process.env.DUMP_VERIFY_MATRIX, JSON.stringify(observed, null, 1));
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('covers every built-in profile', () => {
    expect([...new Set(MATRIX.map((t) => t.profile))].sort()).toEqual(listProfiles());
  });

  for (const t of MATRIX) {
    describe(t.name, () => {
      it('fails exactly the MUST checks naming its deviations', () => {
        const r = results.get(t.name)!;
        const detail = (id: string) => `${id}: ${r.cases.find((c) => c.id === id)?.message ?? ''}`;
        const actual = failing(r, 'fail');
        const expected = Object.keys(t.fail).sort();
        expect(actual.filter((id) => !expected.includes(id)).map(detail), 'unexpected MUST failures').toEqual([]);
        expect(expected.filter((id) => !actual.includes(id)).map((id) => `${id} is ${r.cases.find((c) => c.id === id)?.verdict}: ${r.cases.find((c) => c.id === id)?.message ?? ''}`), 'deviations not caught').toEqual([]);
      });

      it('warns exactly on its SHOULD deviations', () => {
        const r = results.get(t.name)!;
        const expected = Object.keys({ ...COMMON_WARNINGS, ...t.warn }).sort();
        expect(failing(r, 'warning')).toEqual(expected);
      });

      it('skips only with a reason', () => {
        for (const c of results.get(t.name)!.cases.filter((x) => x.verdict === 'skipped')) expect(c.message, c.id).toMatch(/\S/);
      });
    });
  }

  it('every quirk profile deviates (fails at least one MUST check), rfc-strict none', () => {
    for (const t of MATRIX) {
      const n = failing(results.get(t.name)!, 'fail').length;
      if (t.name === 'rfc-strict') expect(n, t.name).toBe(0);
      else expect(n, t.name).toBeGreaterThan(0);
    }
  });

  it('runs in reasonable time', () => {
    expect(wallMs).toBeLessThan(90_000);
  });

  it.runIf(process.env.WRITE_VERIFY_MATRIX === '1')('writes docs/verify-profile-matrix.md', () => {
    writeFileSync(DOC, renderMatrix(results));
  });
});

function renderMatrix(results: Map<string, RunResult>): string {
  const lines = [
    '# `verify` against the mock profiles: profile × failing checks',
    '',
    'Generated by `WRITE_VERIFY_MATRIX=1 npx vitest run test/verify-profiles` from',
    '`test/verify-profiles/expected-matrix.ts` (the table the test asserts). Each mock profile',
    '(`mocks/profiles/*.yaml`) is served on loopback with the verify fixtures registered and',
    'short lifetimes; `verify --plan bcp` runs against it. A row lists the MUST checks that fail',
    '(severity fail) and the SHOULD checks that warn, each with the deliberate deviation behind it.',
    '`rfc-strict` fails no MUST check. Rows named `profile+…` are test-only switch overrides.',
    '',
    `Warnings every target shows (optional hardening the mock does not implement): ${Object.entries(COMMON_WARNINGS)
      .map(([id, why]) => `\`${id}\` (${why})`)
      .join(', ')}.`,
    '',
    '| target | checks | MUST failures | SHOULD warnings | skipped |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const t of MATRIX) {
    const r = results.get(t.name)!;
    const s = r.summary;
    lines.push(`| ${t.name} | ${s.total} | ${Object.keys(t.fail).length} | ${Object.keys(t.warn).length + Object.keys(COMMON_WARNINGS).length} | ${s.skipped} |`);
  }
  for (const t of MATRIX) {
    lines.push('', `## ${t.name}`, '');
    lines.push(t.override ? `Profile \`${t.profile}\` with \`${t.override}\`.` : `${loadProfile(t.profile).imitates}`, '');
    const row = (id: string, why: string, level: string) => `| \`${id}\` | ${level} | ${why.replace(/\|/g, '\\|')} |`;
    if (!Object.keys(t.fail).length && !Object.keys(t.warn).length) {
      lines.push('No MUST failure; only the common warnings.');
      continue;
    }
    lines.push('| check | level | deviation |', '| --- | --- | --- |');
    for (const [id, why] of Object.entries(t.fail).sort()) lines.push(row(id, why, 'MUST (fail)'));
    for (const [id, why] of Object.entries(t.warn).sort()) lines.push(row(id, why, 'SHOULD (warning)'));
  }
  return `${lines.join('\n')}\n`;
}
