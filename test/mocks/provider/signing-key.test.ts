/**
 * The mock's signing key is kept between processes (mocks/provider/keys.ts): a second
 * process signs with the key the first one made, and a cache file that is broken, readable
 * by others or turned off is not used. Each case is a new process of the built package.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../mocks/package-root.js';

const keys = join(packageRoot(), 'dist', 'mocks', 'provider', 'keys.js');
const dir = mkdtempSync(join(tmpdir(), 'oauth-harness-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A new process: signs a token, prints the served public key's modulus and whether the token verifies against it. */
function processKey(cache: string): { n: string; verifies: boolean } {
  const script = `
    const { createSigningKeys } = await import(${JSON.stringify(pathToFileURL(keys).href)});
    const { createLocalJWKSet, jwtVerify } = await import('jose');
    const k = createSigningKeys();
    const jwks = await k.jwks();
    const token = await k.sign({ sub: 'alice' });
    const verifies = await jwtVerify(token, createLocalJWKSet(jwks)).then(() => true, () => false);
    console.log(JSON.stringify({ n: jwks.keys[0].n, verifies }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: packageRoot(), encoding: 'utf8', env: { ...process.env, OAUTH_HARNESS_KEY_CACHE: cache }, timeout: 30_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { n: string; verifies: boolean };
}

const modulusIn = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { n: string }).n;

describe.skipIf(!existsSync(keys))('the mock\'s signing key, kept between processes', () => {
  it('is made once, kept for its owner only, and used by the next process', () => {
    const file = join(dir, 'a', 'signing-key.json');
    const first = processKey(file);
    expect(first.verifies).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(modulusIn(file)).toBe(first.n);
    const second = processKey(file);
    expect(second).toEqual(first);
  });

  it('replaces a file that is not a key, or that others can read', () => {
    const file = join(dir, 'b', 'signing-key.json');
    const made = processKey(file);
    writeFileSync(file, '{"kty":"RSA","alg":"RS256","n":"x"', { mode: 0o600 });
    const afterGarbage = processKey(file);
    expect(afterGarbage.verifies).toBe(true);
    expect(afterGarbage.n).not.toBe(made.n);
    expect(modulusIn(file)).toBe(afterGarbage.n);
    chmodSync(file, 0o644);
    const afterOpen = processKey(file);
    expect(afterOpen.n).not.toBe(afterGarbage.n);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('takes a path relative to the working folder', () => {
    const file = join(dir, 'relative', 'signing-key.json');
    const made = processKey(relative(packageRoot(), file));
    expect(modulusIn(file)).toBe(made.n);
  });

  it('keeps nothing when turned off', () => {
    const a = processKey('off');
    const b = processKey('off');
    expect(a.verifies && b.verifies).toBe(true);
    expect(a.n).not.toBe(b.n);
  });
});
