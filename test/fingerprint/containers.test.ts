/**
 * `fingerprint` of the real servers in containers (`--target container:oidc-provider`,
 * `container:glewlwyd`): the profile the probes write is checked against what the
 * server was set up to do (its imitation of a built-in profile, src/targets/imitation.ts):
 * every determined switch is the imitation's value, or a disagreement listed here with
 * the value seen and why (the server's own way, which its definition may already name).
 * Then the fingerprinted profile, served by `serve --profile FILE` and probed the same
 * way, agrees with the real server on every behaviour the probes determined there.
 * Skipped without Docker locally; required under CI=true.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { profileSchema } from '../../mocks/provider/switches.js';
import { profileYaml } from '../../src/fingerprint/emit-profile.js';
import { sameValue, valueAt } from '../../src/import/base-profile.js';
import { containerTestsEnabled } from '../../src/targets/containers/runtime.js';
import { fingerprintOnTarget, type TargetFingerprint } from '../../src/targets/fingerprint-on-target.js';
import { imitationOf } from '../../src/targets/imitation.js';
import { serverNamed } from '../../src/targets/servers/registry.js';
import { allows } from '../../src/targets/switch-fit.js';
import { fingerprintServed } from './fingerprint-support.js';

const run = await containerTestsEnabled('fingerprint of the real servers');

/** Lists of names compare as sets. */
const norm = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : v);

/** Where each server's fingerprint differs from the profile it imitates: the value seen, and why. */
const METADATA_EXTRA = 'its metadata lists grant, response and mode values beyond what the mock writes for these switches (implicit, id_token…): recorded in discovery.extra, so the served profile advertises the same';
const UNKNOWN_SCOPE = "the probe's made-up scope is unknown to the server, which drops unknown scopes; it refuses only known scopes outside the client's registration (the imitation's reject)";
const DISAGREEMENTS: Record<'oidc-provider' | 'glewlwyd', Record<string, { seen: unknown; why: string }>> = {
  'oidc-provider': {
    'discovery.extra': { seen: expect.objectContaining({ grant_types_supported: expect.arrayContaining(['implicit']) }), why: METADATA_EXTRA },
    'paths.endSession': { seen: '/session/end', why: 'oidc-provider serves RP-initiated logout (end_session_endpoint) by itself; rfc-strict has none' },
    'scopes.onUnregistered': { seen: 'narrow', why: UNKNOWN_SCOPE },
    'authorize.errorsAfterLogin': { seen: false, why: 'it redirects request errors (an unsupported response_type) before any login, as RFC 6749 §4.1.2.1 allows; rfc-strict waits for the login (RFC 9700 §4.11.2)' },
    'tokenResponse.scope': { seen: 'always', why: "its definition's own way: scope in every token response (rfc-strict: only when it differs, RFC 6749 §5.1)" },
  },
  glewlwyd: {
    'discovery.extra': { seen: expect.objectContaining({ grant_types_supported: ['authorization_code', 'implicit'] }), why: METADATA_EXTRA },
    'paths.authorize': { seen: '/auth', why: "Glewlwyd's OIDC plugin serves its authorization endpoint at …/auth" },
    'errors.status': { seen: 403, why: 'Glewlwyd answers token-endpoint errors (an unknown code, a refused client) with HTTP 403, not the 400/401 of RFC 6749 §5.2' },
    'clientAuth.basicEncoding': { seen: 'raw', why: 'Glewlwyd compares a Basic secret without form-decoding it (RFC 6749 §2.3.1; verify AS-CA-BASIC-FORMDECODE)' },
    'tokenResponse.tokenType': { seen: 'bearer', why: 'Glewlwyd writes token_type in lower case' },
    'tokenResponse.accessTokenFormat': { seen: 'jwt', why: 'Glewlwyd issues JWT access tokens' },
    'tokenResponse.scope': { seen: 'always', why: 'Glewlwyd returns scope in every token response' },
    'scopes.onUnregistered': { seen: 'narrow', why: UNKNOWN_SCOPE },
    'discovery.issParameter': { seen: false, why: 'Glewlwyd sends no iss on the authorization response (RFC 9207)' },
    'refresh.scopeCheck': { seen: 'narrow', why: "Glewlwyd answers a refresh whose scope goes beyond the grant with a token for the grant's scopes, where RFC 6749 §6 has the request fail (the imitation's reject; the grant has one scope, so narrow and ignore look alike)" },
    'revocation.cascade': { seen: false, why: "revoking Glewlwyd's refresh token leaves the grant's JWT access token active at introspection until it expires (RFC 7009 §2.1 SHOULD)" },
  },
};

describe.runIf(run)('fingerprint of the real servers in containers', () => {
  for (const name of ['oidc-provider', 'glewlwyd'] as const) {
    describe(`container:${name}`, () => {
      let t: TargetFingerprint;
      it('every determined switch is what the server was set up to imitate, or a listed and explained disagreement', async () => {
        t = await fingerprintOnTarget({ target: `container:${name}` });
        const imitated = imitationOf(t.profile, 1).switches;
        const spec = serverNamed(name).imitation;
        const differ: Record<string, unknown> = {};
        let agreed = 0;
        for (const i of t.fingerprint.inferences) {
          const want = valueAt(imitated, i.path);
          if (sameValue(norm(i.value), norm(want)) || i.consistent?.(want) === true) agreed++;
          else differ[i.path.join('.')] = i.value;
          // a switch the server's definition lists (and no disagreement explains): the value seen is one it says the server takes
          const listed = DISAGREEMENTS[name][i.path.join('.')] ? undefined : spec?.switches[i.path.join('.')];
          if (listed) expect(allows(listed, i.value), `${i.path.join('.')}: ${JSON.stringify(i.value)}`).toBe(true);
        }
        expect(differ).toEqual(Object.fromEntries(Object.entries(DISAGREEMENTS[name]).map(([k, v]) => [k, v.seen])));
        expect(agreed).toBeGreaterThanOrEqual(25);
        // the login probe ran: what only a login shows was determined
        for (const k of ['lifetimes.accessToken', 'refresh.policy', 'refresh.rotation']) expect(t.fingerprint.inferences.map((i) => i.path.join('.'))).toContain(k);
      }, 300_000);

      it('the fingerprinted profile, served by serve --profile FILE, agrees with the real server on every probed behaviour', async () => {
        const file = join(mkdtempSync(join(tmpdir(), `fingerprint-${name}-`)), `fp-${name}.yaml`);
        const yaml = profileYaml(t.fingerprint, { name: `fp-${name}`, secrets: t.secrets });
        for (const secret of t.secrets) expect(yaml).not.toContain(secret);
        writeFileSync(file, yaml);
        const served = await fingerprintServed(file, { scopes: t.scopes });
        const there = new Map(served.inferences.map((i) => [i.path.join('.'), i.value]));
        const differ = t.fingerprint.inferences.filter((i) => !sameValue(norm(i.value), norm(there.get(i.path.join('.'))))).map((i) => `${i.path.join('.')}: real ${JSON.stringify(i.value)}, served ${JSON.stringify(there.get(i.path.join('.')))}`);
        expect(differ).toEqual([]);
      }, 300_000);
    });
  }

  it('oauth-harness fingerprint --target container:oidc-provider --out FILE writes that profile (exit 0), without the secrets it signed in with', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'fingerprint-target-cli-')), 'oidc-provider.yaml');
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'oauth-harness.js');
    const r = spawnSync(process.execPath, [bin, 'fingerprint', '--target', 'container:oidc-provider', '--out', out, '--name', 'oidc-provider-fingerprint'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 240_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^oauth-harness fingerprint: container:oidc-provider at http:\/\/127\.0\.0\.1:\d+/);
    expect(r.stdout).toMatch(/the server was set up to imitate rfc-strict/);
    const profile = profileSchema.parse(parse(readFileSync(out, 'utf8')));
    expect(profile.name).toBe('oidc-provider-fingerprint');
    expect(profile.switches).toMatchObject({ clientAuth: { rejectMultiple: true }, tokenEndpoint: { methods: ['POST'] }, refresh: { policy: 'always' } });
    expect(readFileSync(out, 'utf8')).not.toMatch(/client_secret:|password/);
  }, 300_000);
});
