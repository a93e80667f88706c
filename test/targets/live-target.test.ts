/**
 * A live target (`--target https://issuer`) configured from verify.yaml and flags, shown
 * on `serve` standing in for a server someone else runs: the rfc-strict scenarios that
 * need no switch, clock move or admin hook run there and pass; the others are skipped
 * naming why; a wrong or missing setting is a one-line usage error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { startServe, type ServeInfo } from '../../src/serve/start-serve.js';
import { findScenarioFiles, loadScenarios } from '../../src/scenario/load.js';
import { liveTargetStart } from '../../src/targets/live-target.js';
import { runOnTarget } from '../../src/targets/run-on-target.js';

let served: { info: ServeInfo; close: () => Promise<void> };
let config: string;
const rfc = loadScenarios(findScenarioFiles([join(packageRoot(), 'scenarios')])).filter((s) => s.provider.profile === 'rfc-strict');

beforeAll(async () => {
  served = await startServe({ profiles: ['rfc-strict'], port: 0, seed: 1 });
  const i = served.info.issuers[0]!;
  const alice = i.users[0]!;
  config = join(mkdtempSync(join(tmpdir(), 'live-')), 'verify.yaml');
  writeFileSync(config, `issuer: ${i.issuer}\nclient:\n  client_id: ${i.client_id}\n  client_secret: ${i.client_secret}\n  redirect_uri: ${i.redirect_uris[0]}\nfixtures:\n  user: { username: ${alice.username}, password: "${alice.password}" }\n`);
});
afterAll(() => served?.close());

describe('a live target', () => {
  it('runs what a live server can run from verify.yaml, and skips the rest with the reason', async () => {
    const issuer = served.info.issuers[0]!.issuer;
    const start = await liveTargetStart({ target: issuer, config });
    expect(start?.url.profileLike).toEqual(['rfc-strict']);
    const run = await runOnTarget({ target: issuer, scenarios: rfc, seed: 1, start: start! });
    const ran = run.cases.filter((c) => c.verdict !== 'skipped');
    expect(ran.length).toBeGreaterThan(3);
    expect(ran.filter((c) => c.verdict !== 'passed').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    const skipped = run.cases.filter((c) => c.verdict === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    for (const c of skipped) expect(c.message).toMatch(/cannot change provider switches|cannot move a real server's clock|admin hook|has no user|serves no|cannot refuse|cannot untick|runs the reference client only|cannot change the client registration/);
  });

  it('takes flags over the file, and behaves-like selects other profiles', async () => {
    const i = served.info.issuers[0]!;
    const start = await liveTargetStart({ target: i.issuer, clientId: i.client_id, clientSecret: i.client_secret!, redirectUri: i.redirect_uris[0]!, user: [`bob:${i.users[1]!.password}`], behavesLike: ['github-like'] });
    expect(start?.url).toMatchObject({ client: { id: i.client_id }, users: [{ username: 'bob' }], profileLike: ['github-like'] });
  });

  it('names what is missing or wrong, in one line', async () => {
    const issuer = served.info.issuers[0]!.issuer;
    await expect(liveTargetStart({ target: issuer })).rejects.toThrow(/give the client registered there: --client-id, --client-secret, --redirect-uri/);
    await expect(liveTargetStart({ target: issuer, clientId: 'a', clientSecret: 'b', redirectUri: 'https://x.test/cb' })).rejects.toThrow(/give a test user/);
    await expect(liveTargetStart({ target: issuer, config, user: ['nopassword'] })).rejects.toThrow(/--user: expected name:password/);
    await expect(liveTargetStart({ target: issuer, config, behavesLike: ['keycloak-like'] })).rejects.toMatchObject({ code: 'PROFILE_UNKNOWN' });
    await expect(liveTargetStart({ target: issuer, config: '/nonexistent/verify.yaml' })).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(liveTargetStart({ target: 'mock', clientId: 'x' })).rejects.toThrow(/--client-id goes with --target <issuer URL>/);
    expect(await liveTargetStart({ target: 'container:glewlwyd' })).toBeUndefined();
  });

  it('from the CLI: repeatable flags parse, an unreachable live server is one line and exit 2, and the secret stays out', () => {
    const r = spawnSync(process.execPath, ['bin/oauth-harness.js', 'run', '--target', 'http://127.0.0.1:1/x', '--client-id', 'a', '--client-secret', 'sekrit-value', '--redirect-uri', 'https://x.test/cb', '--user', 'alice:pw-value', '--behaves-like', 'rfc-strict', '--report', 'none'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: no metadata for issuer http:\/\/127\.0\.0\.1:1\/x/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/sekrit-value|pw-value/);
  });
});
