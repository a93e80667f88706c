import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mergeVerifyFlags } from '../../src/verify/cli-options.js';
import { loadVerifyConfig, parseVerifyConfig } from '../../src/verify/config-loader.js';
import { VerifyError } from '../../src/errors/verify-error.js';

const VALID = `issuer: https://as.example
client:
  client_id: app
  client_secret: \${env:APP_SECRET}
  redirect_uri: https://app.example/cb
fixtures:
  secondClient: { client_id: app2, client_secret: s2 }
  user: { username: alice, password: pw }
login:
  kind: form
  fields: { login: "{{username}}", password: "{{password}}" }
lifetimes: { code: 5 }
`;

function problems(text: string, env: NodeJS.ProcessEnv = { APP_SECRET: 'x' }): string[] {
  try {
    parseVerifyConfig(text, 'verify.yaml', env);
  } catch (e) {
    expect(e).toBeInstanceOf(VerifyError);
    expect((e as VerifyError).code).toBe('CONFIG_INVALID');
    return (e as VerifyError).issues;
  }
  return [];
}

describe('verify.yaml', () => {
  it('parses a valid file, applies defaults and expands ${env:…}', () => {
    const c = parseVerifyConfig(VALID, 'verify.yaml', { APP_SECRET: 's3cret' });
    expect(c.client.client_secret).toBe('s3cret');
    expect(c.plan).toBe('bcp');
    expect(c.lifetimes).toEqual({ code: 5, leeway: 2 });
    expect(c.propagationSeconds).toBe(10);
    expect(c.login).toMatchObject({ kind: 'form', allowedOrigins: [] });
  });

  it('reports an unknown key at its line and column', () => {
    expect(problems(VALID.replace('lifetimes: { code: 5 }', 'lifetimes: { code: 5 }\nlogn: {}'))).toEqual([
      'verify.yaml:13:1: logn: Unrecognized key: "logn"',
    ]);
  });

  it('reports a wrong type and a bad URL at the value', () => {
    const issues = problems(VALID.replace('code: 5', 'code: soon').replace('https://app.example/cb', 'not a url'));
    expect(issues).toContain('verify.yaml:5:17: client.redirect_uri: must be an absolute URL');
    expect(issues.some((i) => i.startsWith('verify.yaml:12:20: lifetimes.code:'))).toBe(true);
  });

  it('reports a missing required member at its parent', () => {
    expect(problems(VALID.replace('  client_id: app\n', ''))[0]).toMatch(/^verify\.yaml:3:3: client\.client_id: /);
  });

  it('reports an unset environment variable where it is used', () => {
    expect(problems(VALID, {})).toEqual(['verify.yaml:4:18: client.client_secret: environment variable APP_SECRET is not set']);
  });

  it('reports YAML syntax errors with a position', () => {
    expect(problems('issuer: [unclosed\n')[0]).toMatch(/^verify\.yaml:\d+:\d+: /);
  });

  it('resolves a playwright script relative to the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verify-config-'));
    const file = join(dir, 'verify.yaml');
    await writeFile(file, VALID.replace(/login:[\s\S]*?lifetimes/, 'login: { kind: playwright, script: ./login.mjs }\nlifetimes'));
    const c = await loadVerifyConfig(file, { APP_SECRET: 'x' });
    expect(c.login).toMatchObject({ kind: 'playwright', script: join(dir, 'login.mjs'), executablePath: '/usr/bin/chromium' });
  });

  it('accepts the documented example file', async () => {
    const file = fileURLToPath(new URL('../../src/verify/fixtures/verify.example.yaml', import.meta.url));
    const c = await loadVerifyConfig(file, { HARNESS_CLIENT_SECRET: 'a', HARNESS_CLIENT_2_SECRET: 'b', HARNESS_USER_PASSWORD: 'c' });
    expect(Object.keys(c.fixtures).length).toBe(10);
  });

  it('merges CLI flags over the file', () => {
    const c = parseVerifyConfig(VALID, 'verify.yaml', { APP_SECRET: 'x' });
    expect(mergeVerifyFlags(c, { issuer: 'https://other.example', clientSecret: 'flag', plan: 'rfc6749' })).toMatchObject({
      issuer: 'https://other.example',
      plan: 'rfc6749',
      client: { client_id: 'app', client_secret: 'flag' },
    });
    expect(mergeVerifyFlags(undefined, { issuer: 'https://x.example', clientId: 'a', clientSecret: 'b' })).toEqual({ issuer: 'https://x.example', client: { client_id: 'a', client_secret: 'b' } });
  });

  it('names a missing file without a stack trace', async () => {
    await expect(loadVerifyConfig('/nonexistent/verify.yaml')).rejects.toMatchObject({ code: 'FILE_NOT_FOUND', message: '/nonexistent/verify.yaml: cannot read the verify config file' });
  });
});
