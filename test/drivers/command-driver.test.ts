/**
 * The command protocol, seen from a probe program: the variables it gets, how its exit
 * code and output become the step's outcome, time limits, and redaction.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClock } from '../../mocks/provider/clock.js';
import { buildProvider } from '../../mocks/profiles.js';
import { startNodeHttpServer } from '../../mocks/transports/node-http.js';
import { CommandDriver } from '../../src/drivers/command/command-driver.js';
import { commandSettingsSchema } from '../../src/scenario/driver-schema.js';
import type { ClientRun } from '../../src/drivers/driver.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { resolveClientConfig } from '../../src/client/client-config.js';
import { scenario } from './verdict-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const probe = join(import.meta.dirname, 'fixtures', 'protocol-probe.mjs');

async function withDriver(mode: string, body: (d: CommandDriver, out: string) => Promise<void>, timeout = '20s') {
  const server = await startNodeHttpServer();
  const clock = createClock(Date.now(), true);
  const provider = buildProvider({ profile: 'google-like', issuer: `${server.origin}/google-like`, clock });
  server.mount(provider);
  const s = scenario({ provider: { profile: 'google-like' }, client: { credentials: 'body', scopes: ['openid', 'email'], authorizationParams: { access_type: 'offline' } }, steps: [{ connect: {} }] }, 'probe');
  const out = join(dir, mode);
  const settings = commandSettingsSchema.parse({ run: `${JSON.stringify(process.execPath)} ${JSON.stringify(probe)}`, timeout, env: { PROBE_MODE: mode, PROBE_OUT: out } });
  const d = new CommandDriver(settings, { provider, clock, config: resolveClientConfig(s, provider, clock), scenarioId: 'probe' });
  try {
    await body(d, out);
  } finally {
    await d.close();
    await server.close();
  }
}

/** Whether a process runs (a zombie waiting for its new parent to reap it does not). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const seen = (out: string, step: string) => JSON.parse(readFileSync(`${out}.${step}.json`, 'utf8')) as Record<string, string>;

describe('command driver', () => {
  it('gives the program the provider, the configuration and the step', async () => {
    await withDriver('ok', async (d, out) => {
      const url = await d.beginConnect('alice');
      expect(url).toMatch(/\/google-like\/authorize\?client_id=harness-client.apps.googleusercontent.com&response_type=code$/);
      const env = seen(out, 'authorize');
      const issuer = env.OAUTH_HARNESS_ISSUER!;
      expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/google-like$/);
      expect(env).toMatchObject({
        OAUTH_HARNESS_STEP: 'authorize',
        OAUTH_HARNESS_USER: 'alice',
        OAUTH_HARNESS_SCENARIO: 'probe',
        OAUTH_HARNESS_DISCOVERY_URL: `${issuer}/.well-known/openid-configuration`,
        OAUTH_HARNESS_AUTHORIZATION_ENDPOINT: `${issuer}/authorize`,
        OAUTH_HARNESS_TOKEN_ENDPOINT: `${issuer}/token`,
        OAUTH_HARNESS_REVOCATION_ENDPOINT: `${issuer}/revoke`,
        OAUTH_HARNESS_CLIENT_ID: 'harness-client.apps.googleusercontent.com',
        OAUTH_HARNESS_CLIENT_AUTH: 'client_secret_post',
        OAUTH_HARNESS_TOKEN_REQUEST_METHOD: 'POST',
        OAUTH_HARNESS_REDIRECT_URI: 'https://client.example.test/callback',
        OAUTH_HARNESS_SCOPE: 'openid email',
        OAUTH_HARNESS_SCOPE_DELIMITER: ' ',
        OAUTH_HARNESS_AUTHORIZATION_PARAMS: 'access_type=offline',
        OAUTH_HARNESS_PKCE: 'auto',
        OAUTH_HARNESS_STATE_FILE: d.stateFile,
      });
      expect(env.OAUTH_HARNESS_CLIENT_SECRET).toHaveLength(32);
      await d.completeConnect('https://client.example.test/callback?code=abc&state=xyz');
      expect(seen(out, 'callback').OAUTH_HARNESS_CALLBACK_URL).toBe('https://client.example.test/callback?code=abc&state=xyz');
      await d.revoke('access');
      expect(seen(out, 'revoke').OAUTH_HARNESS_REVOKE).toBe('access');
      await expect(d.callApi(`${issuer}/api/0/odata/Account`, { method: 'GET', headers: { accept: 'application/json' } })).rejects.toMatchObject({ code: 'no_api_call' });
      expect(seen(out, 'call-api')).toMatchObject({ OAUTH_HARNESS_API_URL: `${issuer}/api/0/odata/Account`, OAUTH_HARNESS_API_METHOD: 'GET', OAUTH_HARNESS_API_HEADERS: '{"accept":"application/json"}', OAUTH_HARNESS_API_AUTH: 'bearer' });
      expect(d.runs.map((r: ClientRun) => [r.step, r.exitCode])).toEqual([['authorize', 0], ['callback', 0], ['revoke', 0], ['call-api', 0]]);
    });
  });

  it('turns a non-zero exit into a failure that quotes the last line, and keeps declared warnings', async () => {
    await withDriver('fail', async (d) => {
      await expect(d.refresh()).rejects.toMatchObject({ code: 'client_failed', message: 'the refresh: the client exited with 1: the last line says why' });
      expect(d.drainWarnings()).toEqual([{ code: 'custom-warning', message: 'something to say' }]);
      await expect(d.beginConnect('alice')).rejects.toMatchObject({ code: 'client_failed' });
    });
  });

  it('exit 3 means the client does not support the step', async () => {
    await withDriver('unsupported', async (d) => {
      await expect(d.revoke()).rejects.toMatchObject({ code: 'unsupported_by_client', message: 'the client does not support the revocation (exit 3)' });
    });
  });

  it('kills the whole process group at the time limit', async () => {
    await withDriver(
      'hang',
      async (d, out) => {
        const started = Date.now();
        await expect(d.refresh()).rejects.toMatchObject({ message: /the client timed out/ });
        expect(Date.now() - started).toBeLessThan(5000);
        const grandchild = Number(readFileSync(`${out}.grandchild`, 'utf8'));
        await new Promise((r) => setTimeout(r, 100));
        expect(alive(grandchild)).toBe(false);
      },
      '1s',
    );
  });

  it('dropTokens deletes the state file; close removes its folder', async () => {
    let file = '';
    await withDriver('ok', async (d) => {
      file = d.stateFile;
      writeFileSync(file, '{"token":{}}');
      await d.dropTokens();
      expect(existsSync(file)).toBe(false);
      writeFileSync(file, '{}');
    });
    expect(existsSync(file)).toBe(false);
  });

  it('keeps the output in the result, redacted', async () => {
    const s = scenario({ provider: { profile: 'rfc-strict' }, client: { driver: 'command', command: { run: `${JSON.stringify(process.execPath)} ${JSON.stringify(probe)}`, env: { PROBE_MODE: 'leak-secret', PROBE_OUT: join(dir, 'leak') } } }, steps: [{ refresh: {}, expect: { outcome: 'failure' } }] }, 'leak');
    const r = (await runScenario(s, { seed: 1 })) as Awaited<ReturnType<typeof runScenario>> & { clientRuns: ClientRun[] };
    expect(r.client).toMatch(/^command:/);
    expect(r.verdict).toBe('passed');
    expect(r.clientRuns[0]!.stderr).toMatch(/^oops, my secret is \[redacted:[0-9a-f]{8}\]/);
    expect(JSON.stringify(r)).not.toContain(seen(join(dir, 'leak'), 'refresh').OAUTH_HARNESS_CLIENT_SECRET);
  });
});
