/**
 * `oauth-harness fingerprint` as a user runs it (the built CLI): `--list` sends nothing;
 * bad input is one line and exit 2 with nothing written; against a server the profile is
 * written whole, holds no secret, and `serve --profile FILE` serves it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { profileSchema } from '../../mocks/provider/switches.js';
import { startServe } from '../../src/serve/start-serve.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'oauth-harness.js');
const cli = (args: string[]) => new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
  // asynchronous: the server under test runs in this process
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c));
  child.stderr.on('data', (c: Buffer) => (err += c));
  child.on('exit', (code) => resolve({ code, out, err }));
});

describe('oauth-harness fingerprint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fingerprint-cli-'));

  it('--list names every probe, what it sends and how many requests at most, and sends nothing', () => {
    const r = spawnSync(process.execPath, [bin, 'fingerprint', '--list'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const id of ['discovery', 'client-auth', 'network', 'client-credentials', 'revocation', 'authorization', 'login']) expect(r.stdout).toMatch(new RegExp(`\\n  ${id} +≤ +\\d+ request`));
    expect(r.stdout).toMatch(/Never determined/);
  });

  it('an endpoint flag that is not a URL: one line naming the flag, exit 2', async () => {
    const r = await cli(['fingerprint', '--issuer', 'http://127.0.0.1:9/x', '--client-id', 'x', '--client-secret', 'y', '--token-endpoint', 'notaurl']);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('error: --token-endpoint: "notaurl" is not an absolute http(s) URL');
  });

  it('without --issuer: one line, exit 2', async () => {
    const r = await cli(['fingerprint', '--client-id', 'x', '--client-secret', 'y']);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('error: fingerprint needs --issuer URL (or issuer: in --config)');
  });

  it('--target with --issuer: one line, exit 2; an unknown target: one line naming those there are', async () => {
    const both = await cli(['fingerprint', '--target', 'container:oidc-provider', '--issuer', 'http://127.0.0.1:9/x']);
    expect(both.code).toBe(2);
    expect(both.err.trim()).toBe('error: --target starts the server with its own issuer, client and user: leave out --issuer, --client-id and --config');
    const unknown = await cli(['fingerprint', '--target', 'container:nginx']);
    expect(unknown.code).toBe(2);
    expect(unknown.err.trim().split('\n')).toHaveLength(1);
    expect(unknown.err).toMatch(/^error: --target: unknown container "nginx"; expected mock, .*container:oidc-provider/);
  });

  it('an issuer that does not answer: one line, exit 2, no --out written', async () => {
    const out = join(dir, 'nothing.yaml');
    const r = await cli(['fingerprint', '--issuer', 'http://127.0.0.1:9/nowhere', '--client-id', 'x', '--client-secret', 'y', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(/^error: no authorization server metadata found for issuer http:\/\/127\.0\.0\.1:9\/nowhere/);
    expect(existsSync(out)).toBe(false);
  });

  it('a server without metadata (GitHub-like): one line naming the endpoint flags, exit 2; with them, a profile (exit 0)', async () => {
    const served = await startServe({ profiles: ['github-like'], port: 0, seed: 1 });
    const i = served.info.issuers[0]!;
    try {
      const res = await fetch(`${served.info.admin}/${i.profile}/switches`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ discovery: { enabled: false } }) });
      expect(res.ok).toBe(true);
      const base = ['fingerprint', '--issuer', i.issuer, '--client-id', i.client_id, '--client-secret', i.client_secret!];
      const out = join(dir, 'github-nothing.yaml');
      const refused = await cli([...base, '--out', out]);
      expect(refused.code).toBe(2);
      expect(refused.err.trim().split('\n')).toEqual([`error: ${i.issuer} publishes no metadata (RFC 8414 and OpenID discovery answered HTTP 404 and HTTP 404): give its endpoints with --authorization-endpoint URL and --token-endpoint URL (or endpoints: in --config)`]);
      expect(existsSync(out)).toBe(false);
      const r = await cli([...base, '--authorization-endpoint', `${i.issuer}/login/oauth/authorize`, '--token-endpoint', `${i.issuer}/login/oauth/access_token`, '--redirect-uri', 'http://127.0.0.1:8910/callback']);
      expect(r.code, r.err).toBe(0);
      const profile = profileSchema.parse(parse(r.out));
      expect(profile.switches).toMatchObject({ discovery: { enabled: false }, paths: { token: '/login/oauth/access_token' }, errors: { style: 'github' }, tokenResponse: { format: 'form-unless-accept-json' } });
      expect(r.out).not.toContain(i.client_secret!);
    } finally {
      await served.close();
    }
  });

  it('writes a valid profile without secrets, and serve --profile FILE serves it', async () => {
    const served = await startServe({ profiles: ['docusign-like'], port: 0, seed: 1 });
    const i = served.info.issuers[0]!;
    const out = join(dir, 'docusign.yaml');
    try {
      const config = join(dir, 'verify.yaml');
      writeFileSync(config, [
        `issuer: ${i.issuer}`,
        `client: { client_id: ${i.client_id}, client_secret: "\${env:FP_SECRET}", redirect_uri: "http://127.0.0.1:8910/callback" }`,
        'scopes: { default: signature, clientCredentials: "signature extended" }',
        `fixtures: { user: { username: ${i.users[0]!.username}, password: "\${env:FP_PASSWORD}" } }`,
        'login: { kind: form, fields: { username: "{{username}}", password: "{{password}}" } }',
      ].join('\n'));
      process.env.FP_SECRET = i.client_secret!;
      process.env.FP_PASSWORD = i.users[0]!.password;
      const r = await cli(['fingerprint', '--config', config, '--out', out, '--name', 'docusign-fingerprint']);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/client-auth +\d+ requests/);
      expect(r.out).toMatch(/switches determined/);
      const text = readFileSync(out, 'utf8');
      const profile = profileSchema.parse(parse(text));
      expect(profile.name).toBe('docusign-fingerprint');
      expect(profile.switches).toMatchObject({ clientAuth: { methods: ['client_secret_basic'] }, refresh: { rotation: 'rotate' } });
      expect(text).toMatch(/# client_secret_basic: HTTP 400 invalid_grant/);
      expect(text).not.toContain(i.client_secret!);
      expect(text).not.toContain(i.users[0]!.password);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      delete process.env.FP_SECRET;
      delete process.env.FP_PASSWORD;
      await served.close();
    }
    const serve = spawn(process.execPath, [bin, 'serve', '--profile', out, '--port', '0', '--json']);
    const line = await new Promise<string>((resolve, reject) => {
      let buf = '';
      serve.stdout.on('data', (c: Buffer) => {
        buf += c;
        if (buf.includes('\n')) resolve(buf.split('\n')[0]!);
      });
      serve.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    serve.kill('SIGTERM');
    const info = JSON.parse(line) as { issuers: { issuer: string; token_endpoint: string }[] };
    expect(new URL(info.issuers[0]!.issuer).pathname).toBe('/docusign-fingerprint');
    expect(info.issuers[0]!.token_endpoint).toMatch(/\/docusign-fingerprint\/oauth\/token$/);
  });
});
