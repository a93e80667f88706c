/**
 * A live server with deliberate deviations (rfc-strict served by `serve`, switches changed
 * through its admin API): the fingerprint finds each deviation, and gets nothing else
 * wrong. Together with the nine built-in profiles, every probed switch is shown taking
 * more than one value, so no inference is a constant.
 */
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../mocks/profiles.js';
import { mergeSwitches, parseSwitches } from '../../mocks/provider/switches.js';
import { compareWithSwitches } from '../../src/fingerprint/compare.js';
import { profileYaml } from '../../src/fingerprint/emit-profile.js';
import { fingerprintServed } from './fingerprint-support.js';

/** Deviations over a base profile whose client registration suits them (rotating-refresh registers offline_access). */
const DEVIATIONS: Record<string, { base: string; switches: Record<string, unknown> }> = {
  'post-only, form-encoded unless JSON is asked for, JWTs, comma scopes, narrowing, rotation keeping the old token': { base: 'rotating-refresh', switches: {
    clientAuth: { methods: ['client_secret_post'], invalidClientStatus: 400, rejectMultiple: false },
    tokenEndpoint: { methods: ['GET', 'POST'] },
    tokenResponse: { format: 'form-unless-accept-json', tokenType: 'bearer', expiresIn: 'string', noStore: false, accessTokenFormat: 'jwt', scope: 'always', extraFields: { region: 'eu-1' } },
    lifetimes: { accessToken: 120, clientCredentialsToken: 900 },
    scopes: { delimiter: ',', onUnregistered: 'narrow', defaultScopes: ['read'], alwaysAdd: ['profile'], dropFromGrant: ['offline_access'] },
    refresh: { policy: 'offline-scope', offlineScope: 'offline_access', rotation: 'rotate-keep-old', forClientCredentials: true, scopeCheck: 'ignore' },
    revocation: { style: 'invalid-token-400', cascade: false },
    pkce: { required: true, methods: ['S256', 'plain'] },
    authorize: { errorsAfterLogin: false },
    redirectUri: { matching: 'prefix' },
    network: { ipAllowList: ['127.0.0.1', '10.0.0.0/8'] },
    discovery: { issParameter: false, extra: { grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'] } },
    paths: { token: '/oauth2/v1/token', revocation: '/oauth2/v1/revoke' },
  } },
  'Basic only and compared raw, GitHub-style errors, Google-style refresh tokens, rotation with reuse refused': { base: 'rfc-strict', switches: {
    clientAuth: { methods: ['client_secret_basic'], basicEncoding: 'raw' },
    errors: { style: 'github' },
    tokenResponse: { expiresIn: 'expires', tokenType: 'omit', scope: 'never' },
    refresh: { policy: 'offline-param', offlineParam: { name: 'access_type', value: 'offline' }, oncePerUser: true, forceConsentParam: { name: 'prompt', value: 'consent' }, rotation: 'rotate', reuseDetection: 'reject', scopeCheck: 'narrow' },
    scopes: { userCanDeny: false },
    redirectUri: { matching: 'exact' },
    discovery: { kind: 'oauth' },
    introspection: { enabled: false },
  } },
  'Slack-style errors (its own shape, HTTP 200), BEARER, a clock 5 minutes ahead, no state back, client_id wanted beside Basic, refresh_token_expires_in': { base: 'rfc-strict', switches: {
    errors: { shape: { ok: false, error: '{error}', warning: '{error_description}' }, status: 200 },
    tokenResponse: { tokenType: 'BEARER', refreshTokenExpiresIn: true },
    lifetimes: { clockSkew: 300, refreshToken: 86400 },
    authorize: { echoState: false },
    clientAuth: { requireClientIdInBody: true },
  } },
  'HubSpot-style errors at RFC statuses, tokens that expire without expires_in (Salesforce), a token_type that is not Bearer': { base: 'rfc-strict', switches: {
    errors: { shape: { status: '{error}', message: '{error_description}', category: 'BAD_REQUEST' } },
    tokenResponse: { expiresIn: 'omit', tokenType: 'N_A' },
    lifetimes: { accessToken: 1800, clientCredentialsToken: 900 },
  } },
};

const leaves = (o: Record<string, unknown>, prefix: string[] = []): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) && !['extraFields', 'extra', 'offlineParam', 'forceConsentParam', 'shape'].includes(k) ? leaves(v as Record<string, unknown>, [...prefix, k]) : [[...prefix, k].join('.')]));

describe('fingerprint of a server with deliberate deviations', () => {
  for (const [what, { base, switches: overrides }] of Object.entries(DEVIATIONS)) {
    it(`${what} (over ${base})`, async () => {
      const fp = await fingerprintServed(base, { switches: overrides });
      const truth = mergeSwitches(parseSwitches(loadProfile(base).switches), overrides);
      const cmp = compareWithSwitches(fp.inferences, truth);
      expect(cmp.mismatched).toEqual([]);
      // every deviation was determined
      const missed = leaves(overrides).filter((p) => !cmp.matched.includes(p));
      expect(missed).toEqual([]);
      // the profile file holds each of them with its evidence, and is a valid profile (profileYaml validates it)
      const yaml = profileYaml(fp, { name: 'deviations' });
      for (const p of leaves(overrides)) expect(yaml, p).toContain(`${p.split('.').pop()}:`);
    });
  }
});
