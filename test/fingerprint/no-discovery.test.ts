/**
 * `fingerprint` of a server that publishes no metadata (GitHub: neither RFC 8414 nor
 * OpenID discovery), played by github-like served by `serve` with `discovery.enabled:
 * false`: with its endpoints given (`endpoints` in verify.yaml, `--token-endpoint`, …) it
 * is probed at them, and nothing determined is wrong; the fingerprinted profile, served,
 * agrees; without them the run stops before any probe with one line saying what to give.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../mocks/profiles.js';
import { mergeSwitches, parseSwitches } from '../../mocks/provider/switches.js';
import { compareWithSwitches } from '../../src/fingerprint/compare.js';
import { profileYaml } from '../../src/fingerprint/emit-profile.js';
import { VerifyError } from '../../src/errors/verify-error.js';
import { fingerprintServed } from './fingerprint-support.js';

const NO_METADATA = { discovery: { enabled: false } };
const ENDPOINTS = { authorization_endpoint: '/login/oauth/authorize', token_endpoint: '/login/oauth/access_token' };

describe('fingerprint of a server without metadata (GitHub-like)', () => {
  it('with the endpoints given: probed there, every determined switch right, the quirks GitHub is known for found', async () => {
    const fp = await fingerprintServed('github-like', { switches: NO_METADATA, endpoints: ENDPOINTS });
    const truth = mergeSwitches(parseSwitches(loadProfile('github-like').switches), NO_METADATA);
    const cmp = compareWithSwitches(fp.inferences, truth);
    expect(cmp.mismatched).toEqual([]);
    for (const k of ['discovery.enabled', 'paths.authorize', 'paths.token', 'clientAuth.methods', 'tokenResponse.format', 'tokenResponse.tokenType', 'errors.style', 'scopes.delimiter', 'scopes.onUnregistered', 'lifetimes.accessToken', 'refresh.policy', 'redirectUri.matching']) expect(cmp.matched, k).toContain(k);
    expect(fp.inferences.find((i) => i.path.join('.') === 'discovery.enabled')?.evidence).toMatch(/no metadata: RFC 8414 answered 404, OpenID Connect discovery 404; the endpoints were given \(authorization_endpoint, token_endpoint\)/);
    // what only metadata tells is left undetermined, not guessed
    expect(fp.unknowns.map((u) => u.topic)).toEqual(expect.arrayContaining(['discovery.kind', 'revocation.enabled', 'introspection.enabled']));

    // the profile it writes, served, agrees on every probed behaviour
    const file = join(mkdtempSync(join(tmpdir(), 'fingerprint-no-discovery-')), 'fp-github-no-metadata.yaml');
    writeFileSync(file, profileYaml(fp, { name: 'fp-github-no-metadata' }));
    const again = await fingerprintServed(file, { endpoints: ENDPOINTS });
    const values = (x: typeof fp) => Object.fromEntries(x.inferences.map((i) => [i.path.join('.'), Array.isArray(i.value) && i.value.every((v) => typeof v === 'string') ? [...i.value].sort() : i.value]));
    expect(values(again)).toEqual(values(fp));
  });

  it('without them: stops before any probe, one line naming what to give', async () => {
    const e = await fingerprintServed('github-like', { switches: NO_METADATA }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VerifyError);
    expect((e as VerifyError).code).toBe('DISCOVERY_FAILED');
    expect((e as VerifyError).message).not.toContain('\n');
    expect((e as VerifyError).message).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/github-like publishes no metadata \(RFC 8414 and OpenID discovery answered HTTP 404 and HTTP 404\): give its endpoints with --authorization-endpoint URL and --token-endpoint URL \(or endpoints: in --config\)$/);
  });

  it('given endpoints replace what metadata says (a server whose metadata is wrong)', async () => {
    // rfc-strict publishes its token endpoint at /token; the user says the real one is the same path: nothing changes but the evidence
    const fp = await fingerprintServed('rfc-strict', { endpoints: { token_endpoint: '/token' }, login: false });
    expect(fp.inferences.find((i) => i.path.join('.') === 'paths.token')?.evidence).toBe('the given token_endpoint');
    expect(fp.inferences.find((i) => i.path.join('.') === 'discovery.enabled')?.value).toBe(true);
  });
});
