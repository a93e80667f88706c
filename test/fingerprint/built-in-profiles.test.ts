/**
 * Proof of `fingerprint` on the nine built-in profiles, each served by `serve` on
 * loopback: every switch the probes determine is the profile's own value (none
 * mismatched, and a floor on how many are determined so the test cannot pass by
 * determining nothing); then the fingerprinted profile, written as a file and served by
 * `serve --profile FILE`, is fingerprinted in turn and agrees with the source on every
 * probed behaviour.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listProfiles, loadProfile } from '../../mocks/profiles.js';
import { parseSwitches } from '../../mocks/provider/switches.js';
import { compareWithSwitches } from '../../src/fingerprint/compare.js';
import { profileYaml } from '../../src/fingerprint/emit-profile.js';
import type { Fingerprint } from '../../src/fingerprint/run-fingerprint.js';
import { fingerprintServed } from './fingerprint-support.js';

const dir = mkdtempSync(join(tmpdir(), 'fingerprint-profiles-'));

/** Switches each profile is known for (its deviations from the RFC baseline): the fingerprint must determine them. */
const KNOWN_FOR: Record<string, string[]> = {
  'rfc-strict': ['authorize.errorsAfterLogin', 'redirectUri.matching', 'scopes.defaultScopes', 'tokenResponse.scope'],
  'docusign-like': ['clientAuth.methods', 'lifetimes.accessToken', 'refresh.rotation', 'refresh.reuseDetection', 'scopes.userCanDeny', 'discovery.kind'],
  'facebook-like': ['tokenEndpoint.methods', 'clientAuth.methods', 'errors.style', 'tokenResponse.tokenType', 'scopes.delimiter', 'refresh.policy', 'pkce.supported', 'revocation.enabled'],
  'github-like': ['tokenResponse.format', 'errors.style', 'lifetimes.accessToken', 'redirectUri.matching', 'scopes.onUnregistered', 'scopes.delimiter', 'tokenResponse.tokenType'],
  'google-like': ['clientAuth.methods', 'refresh.policy', 'refresh.offlineParam', 'refresh.oncePerUser', 'refresh.forceConsentParam', 'revocation.style', 'lifetimes.accessToken', 'pkce.methods'],
  'salesforce-like': ['clientAuth.invalidClientStatus', 'refresh.policy', 'refresh.offlineScope', 'network.ipAllowList', 'revocation.style', 'tokenResponse.extraFields', 'paths.token', 'tokenResponse.expiresIn', 'lifetimes.accessToken'],
  'billing-like': ['refresh.policy', 'lifetimes.accessToken', 'discovery.kind'],
  'rotating-refresh': ['refresh.rotation', 'refresh.reuseDetection', 'lifetimes.accessToken'],
  'identity-service-like': ['tokenResponse.accessTokenFormat', 'refresh.policy', 'refresh.offlineScope', 'refresh.reuseDetection', 'discovery.extra', 'paths.token', 'scopes.defaultScopes', 'lifetimes.accessToken'],
};

describe('fingerprint of every built-in profile served by serve', () => {
  it('covers every built-in profile', () => expect(Object.keys(KNOWN_FOR).sort()).toEqual(listProfiles()));

  for (const profile of listProfiles()) {
    describe(profile, () => {
      let fp: Fingerprint;
      it('every probed switch is the profile\'s own value', async () => {
        fp = await fingerprintServed(profile);
        const cmp = compareWithSwitches(fp.inferences, parseSwitches(loadProfile(profile).switches));
        expect(cmp.mismatched).toEqual([]);
        expect(cmp.matched.length).toBeGreaterThanOrEqual(34);
        for (const k of KNOWN_FOR[profile]!) expect(cmp.matched, k).toContain(k);
        expect(fp.requests).toBeLessThanOrEqual(60);
      });

      it('the fingerprinted profile, served by serve --profile FILE, agrees with the source on every probed behaviour', async () => {
        const yaml = profileYaml(fp, { name: `fp-${profile}` });
        const file = join(dir, `fp-${profile}.yaml`);
        writeFileSync(file, yaml);
        expect(parse(yaml).name).toBe(`fp-${profile}`);
        const again = await fingerprintServed(file);
        const first = new Map(fp.inferences.map((i) => [i.path.join('.'), i]));
        const second = new Map(again.inferences.map((i) => [i.path.join('.'), i]));
        expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
        const asSet = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : v);
        const differ = [...first].filter(([k, i]) => JSON.stringify(asSet(i.value)) !== JSON.stringify(asSet(second.get(k)?.value)));
        expect(differ.map(([k, i]) => `${k}: source ${JSON.stringify(i.value)}, served profile ${JSON.stringify(second.get(k)?.value)}`)).toEqual([]);
      });
    });
  }
});
