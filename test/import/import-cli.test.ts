/**
 * `oauth-harness import` as a user runs it (the built CLI: `npm test` builds first):
 * bad input is one line naming the file and what is wrong, exit 2, nothing written;
 * `--out` is written whole or not at all; the written scenario runs with `oauth-harness
 * run` and passes; a recording the mock does not reproduce exits 1. Also the results.json
 * path: a case of a run imported back into a scenario that reproduces it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors/harness-error.js';
import { importRecording } from '../../src/import/import-recording.js';
import { readRecording } from '../../src/import/read-recording.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { fixturePath, runGenerated } from './import-support.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'oauth-harness.js');
const cli = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('oauth-harness import: bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const har = readFileSync(fixturePath('docusign-body-credentials'), 'utf8');
  const cases: [string, () => string, RegExp][] = [
    ['not JSON', () => file('notes.har', 'GET /authorize HTTP/1.1\n'), /notes\.har: not JSON \(.*\); expected a HAR 1\.2 file or an oauth-harness results\.json/],
    ['truncated JSON', () => file('cut.har', har.slice(0, Math.floor(har.length / 2))), /cut\.har: truncated JSON/],
    ['JSON that is neither format', () => file('other.json', '{"log": "x", "cases": 1}'), /other\.json: neither a HAR 1\.2 file \(no log\.entries\) nor an oauth-harness results\.json/],
    ['a HAR whose entries lack a request', () => file('broken.har', JSON.stringify({ log: { version: '1.2', entries: [{ response: { status: 200 } }] } })), /broken\.har: not a valid HAR 1\.2 file: log\.entries\.0\.request/],
    ['a HAR without OAuth traffic', () => file('page.har', JSON.stringify({ log: { version: '1.2', entries: [{ startedDateTime: '2026-01-01T00:00:00Z', request: { method: 'GET', url: 'https://example.test/', headers: [] }, response: { status: 200, headers: [], content: { text: '<html></html>', mimeType: 'text/html' } } }] } })), /page\.har: no OAuth traffic among 1 request/],
    ['an empty file', () => file('empty.har', ''), /empty\.har: the file is empty/],
    ['a missing file', () => join(dir, 'missing.har'), /missing\.har: cannot read the file \(ENOENT\)/],
    ['a folder', () => (mkdirSync(join(dir, 'folder.har'), { recursive: true }), join(dir, 'folder.har')), /folder\.har: not a file/],
    [
      'a file over the size limit (read no further than its size)',
      () => {
        const p = file('huge.har', '');
        truncateSync(p, 65 * 1024 * 1024);
        return p;
      },
      /huge\.har: 65 MB is more than the 64 MB a recording may have/,
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`${what}: one line, exit 2, no --out written`, () => {
      const out = join(dir, `out-${what.replace(/\W+/g, '-')}.yaml`);
      const r = cli(['import', make(), '--out', out]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('an --out that is a folder is a usage error before the recording is read', () => {
    const r = cli(['import', join(dir, 'missing.har'), '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out: cannot write .*: EISDIR/);
  });

  it('reads at most the limit (API): a recording over maxBytes is refused', () => {
    expect(() => readRecording(fixturePath('docusign-body-credentials'), 'x.har', { maxBytes: 1000 })).toThrow(/x\.har: .* is more than the 0\.00 MB a recording may have/);
    try {
      readRecording(fixturePath('docusign-body-credentials'), 'x.har', { maxBytes: 1000 });
    } catch (e) {
      expect(e).toBeInstanceOf(HarnessError);
      expect((e as HarnessError).exitCode).toBe(2);
    }
  });
});

describe('oauth-harness import: output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-out-'));

  it('--out writes the scenario (with its $schema link), and `run` passes it and checks the diagnosis', () => {
    const out = join(dir, 'scenarios', 'docusign-report.yaml');
    const r = cli(['import', fixturePath('docusign-body-credentials'), '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/recorded outcome: step 1 \(connect\) fails with invalid_client/);
    expect(r.out).toMatch(/diagnoses: credentials-wrong-placement/);
    expect(r.out).toMatch(/✓ the scenario reproduces the recorded outcome on the mock/);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*scenarios\/schema\.json\n/);
    expect(readdirSync(join(dir, 'scenarios'))).toEqual(['docusign-report.yaml']);
    const run = cli(['run', out, '--report', 'none']);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/✓ docusign-report/);
  });

  it('without --out the scenario goes to stdout and the summary to stderr', () => {
    const r = cli(['import', fixturePath('github-wrong-secret')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Generated by `oauth-harness import github-wrong-secret\.har`/);
    expect(r.out).toMatch(/\nsteps:\n/);
    expect(r.err).toMatch(/recorded outcome: step 1 \(connect\) fails with invalid_client/);
  });

  it('a recording the mock does not reproduce: exit 1, the difference named, the file still written', () => {
    const out = join(dir, 'token-type.yaml');
    const r = cli(['import', fixturePath('token-type-missing'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ the mock does not reproduce the recorded outcome:\n\s+steps\[0\]\.expect\.outcome: .*token_type/);
    expect(existsSync(out)).toBe(true);
  });

  it('--no-check does not run the scenario', () => {
    const r = cli(['import', fixturePath('token-type-missing'), '--no-check']);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/reproduce/);
  });
});

describe('import of a results.json', () => {
  it('a failed case of a run becomes a scenario that reproduces it; several cases need --case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-results-'));
    const failing = loadScenario('scenarios/diagnoses/diagnosis-redirect-uri-mismatch-token.yaml');
    const passing = loadScenario('scenarios/refresh/rotation-reuse-revokes-grant.yaml');
    const cases = [await runScenario(failing, { seed: 1 }), await runScenario(passing, { seed: 1 })];
    const file = join(dir, 'results.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, tool: 'oauth-harness', command: 'run', startedAt: '', durationMs: 0, cases, summary: {} }));
    await expect(importRecording({ file, display: 'results.json' })).rejects.toThrow(/results\.json: 2 cases have exchanges; choose one with --case ID: diagnosis-redirect-uri-mismatch-token, rotation-reuse-revokes-grant/);
    for (const c of cases) {
      const r = await importRecording({ file, display: 'results.json', caseId: c.id });
      expect(r.format).toBe('results');
      expect(r.reproduced, r.differences.join('\n')).toBe(true);
      expect((await runGenerated(r.yaml, c.id)).verdict).toBe('passed');
      for (const d of c.diagnoses.filter((x) => x.level === 'error')) expect(r.yaml).toContain(d.id);
    }
    await expect(importRecording({ file, display: 'results.json', caseId: 'nope' })).rejects.toThrow(/no case "nope"/);
  });
});
