/**
 * The credentials preflight as a user meets it (issue 13): `oauth-harness verify` with a
 * wrong client secret stops before any check with exit 2 and one line that names the
 * token endpoint and the client, never the secret, and writes no report; with the right
 * secret the same command gets past the preflight and runs the check. The server is
 * `serve`'s rfc-strict issuer on loopback, standing in for a vendor's server.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { startServe, type ServeInfo } from '../../src/serve/start-serve.js';

const exec = promisify(execFile);
let served: { info: ServeInfo; close: () => Promise<void> };

beforeAll(async () => {
  served = await startServe({ profiles: ['rfc-strict'], port: 0, seed: 1 });
});
afterAll(() => served?.close());

/** Runs the CLI (without blocking this process, which serves the issuer) and returns its exit code and output. */
async function verify(secret: string, out: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const i = served.info.issuers[0]!;
  const args = ['bin/oauth-harness.js', 'verify', '--issuer', i.issuer, '--client-id', i.client_id, '--client-secret', secret, '--only', 'AS-TR-NO-STORE', '--out', out];
  try {
    const r = await exec(process.execPath, args, { cwd: packageRoot(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const r = e as { code: number; stdout: string; stderr: string };
    return { code: r.code, stdout: r.stdout, stderr: r.stderr };
  }
}

describe('verify: the credentials preflight from the CLI', () => {
  it('a wrong secret: exit 2, one line naming the endpoint and the client, no secret, no report', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'preflight-cli-')), 'reports');
    const r = await verify('not-the-secret-value', out);
    expect(r.code).toBe(2);
    const i = served.info.issuers[0]!;
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^error: the token endpoint ${i.issuer}/token does not accept the credentials of client "${i.client_id}": .*nothing was verified$`));
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/not-the-secret-value/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, 'results.json'))).toBe(false);
  });

  it('the right secret gets past it and the check runs', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'preflight-cli-')), 'reports');
    const r = await verify(served.info.issuers[0]!.client_secret!, out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 passed/);
    expect(existsSync(join(out, 'results.json'))).toBe(true);
  });
});
