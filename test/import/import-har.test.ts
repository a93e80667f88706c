/**
 * `import` on HARs recorded here (chromium with Playwright's recordHar against `serve`,
 * test/fixtures/har/, see har-fixtures.ts) and on hand-edited ones: each generated
 * scenario loads, runs on the mock and reproduces its recording (checked here by an
 * independent run, not only by the import's own check), names the recording's
 * diagnosis, carries the inferences the recording supports, and no secret of the HAR.
 */
import { describe, expect, it } from 'vitest';
import { importRecording, type ImportResult } from '../../src/import/import-recording.js';
import { ALLOWED_ADDRESS, REFUSED_ADDRESS } from '../../src/import/infer-endpoints.js';
import { EDITED, RECORDED } from './har-fixtures.js';
import { fixturePath, inferred, readHar, runGenerated, scenarioOf, secretsIn } from './import-support.js';

interface Expected {
  /** The recorded outcome line starts with this. */
  outcome: RegExp;
  actions: string[];
  /** Diagnoses of the recording (an id, or a pattern where the diagnoses may name one case or another). */
  diagnoses?: (string | RegExp)[];
  inferred?: Record<string, unknown>;
  /** Checks on the generated scenario (parsed). */
  scenario?: (s: any) => void;
  /** Details the mock does not reproduce (left as comments), matched in order. */
  differences?: RegExp[];
  /** Details that may differ besides (the recording has no metadata document, the mock run has one). */
  mayDiffer?: RegExp;
  /** The outcome itself is not reproduced (the reference client differs from the recorded one). */
  notReproduced?: RegExp;
}

const step = (s: any, i: number) => s.steps[i];

const EXPECTED: Record<string, Expected> = {
  'rfc-strict-full': {
    outcome: /^all 6 steps succeed/,
    actions: ['connect', 'callApi', 'callApi', 'refresh', 'revoke', 'revoke'],
    inferred: { 'refresh.policy': 'always', 'refresh.rotation': 'keep', 'tokenResponse.tokenType': 'Bearer', 'tokenResponse.expiresIn': 'number', 'revocation.style': 'rfc7009', 'discovery.issParameter': true, 'discovery.kind': 'oidc', 'client.credentials': 'basic', 'client.pkce': 'always', 'lifetimes.accessToken': 3600 },
    scenario: (s) => {
      expect(step(s, 0).expect.tokens).toEqual({ access: 'present', refresh: 'present', expires: '3600s' });
      expect(step(s, 2).callApi).toEqual({ resource: 'userinfo' });
      expect(s.provider.switches.paths).toMatchObject({ authorize: '/authorize', token: '/token' });
    },
  },
  'docusign-body-credentials': {
    outcome: /^step 1 \(connect\) fails with invalid_client at POST .*\/oauth\/token → 401/,
    actions: ['connect'],
    diagnoses: ['credentials-wrong-placement'],
    inferred: { 'clientAuth.methods': ['client_secret_basic'], 'clientAuth.invalidClientStatus': 401, 'client.credentials': 'body', 'errors.style': 'rfc' },
    scenario: (s) => expect(step(s, 0).expect).toMatchObject({ error: 'invalid_client', response: { status: 401, error: 'invalid_client' }, diagnoses: ['credentials-wrong-placement'] }),
  },
  'github-wrong-secret': {
    outcome: /^step 1 \(connect\) fails with invalid_client/,
    actions: ['connect'],
    diagnoses: ['client-credentials-wrong', 'error-with-http-200'],
    inferred: { 'errors.style': 'github', 'client.clientSecret': 'not-the-registered-secret' },
    scenario: (s) => expect(step(s, 0).expect).toMatchObject({ error: 'invalid_client', warnings: ['error-with-http-200'], response: { status: 200 } }),
  },
  'github-form-response': {
    outcome: /^all 2 steps succeed/,
    actions: ['connect', 'callApi'],
    diagnoses: ['missing-refresh-token-never-expires'],
    inferred: { 'tokenResponse.format': 'form-unless-accept-json', 'lifetimes.accessToken': null, 'refresh.policy': 'never', 'tokenResponse.tokenType': 'bearer', 'scopes.delimiter': ',' },
    // the reference client asks for JSON, so GitHub's form-encoded answer is not what it gets
    differences: [/diagnosis token-response-not-json/],
  },
  'facebook-get-untick': {
    outcome: /^the single step succeeds/,
    actions: ['connect'],
    diagnoses: ['scopes-denied-by-user'],
    inferred: { 'tokenEndpoint.methods': ['GET', 'POST'], 'client.credentials': 'query', 'scopes.delimiter': ',', 'scopes.userCanDeny': true, 'client.scopeDelimiter': ',' },
    scenario: (s) => {
      expect(step(s, 0).connect.consent).toEqual({ untick: ['user_likes'] });
      // Facebook's token response names no scope: the reference client keeps what it asked for
      expect(step(s, 0).expect.tokens).toEqual({ access: 'present', refresh: 'absent', expires: '5184000s' });
    },
  },
  'google-no-offline': {
    outcome: /^the single step succeeds/,
    actions: ['connect'],
    // which of the missing-refresh-token cases depends on the metadata: the recording has none, the mock run fetches it
    diagnoses: [/^missing-refresh-token-/],
    mayDiffer: /diagnosis missing-refresh-token-/,
    inferred: { 'refresh.policy': 'never', 'client.credentials': 'body', 'clientAuth.methods': ['client_secret_post'] },
    scenario: (s) => expect(step(s, 0).expect.tokens.refresh).toBe('absent'),
  },
  'google-once-per-user': {
    outcome: /^all 3 steps succeed/,
    actions: ['connect', 'connect', 'connect'],
    diagnoses: ['missing-refresh-token-issued-once'],
    inferred: { 'refresh.policy': 'offline-param', 'refresh.offlineParam': { name: 'access_type', value: 'offline' }, 'refresh.oncePerUser': true, 'refresh.forceConsentParam': { name: 'prompt', value: 'consent' }, 'client.authorizationParams': { access_type: 'offline' } },
    scenario: (s) => expect([step(s, 0).expect.tokens.refresh, step(s, 1).expect.tokens.refresh]).toEqual(['present', 'absent']),
    // the scenario format sends one set of authorization parameters for every login: not prompt=consent on the third only
    differences: [/tokens\.refresh "?present"?; the mock gave "?absent/],
  },
  'rotating-reuse': {
    outcome: /^step 3 \(refresh\) fails with reconnect_required/,
    actions: ['connect', 'refresh', 'refresh'],
    diagnoses: ['refresh-token-reuse'],
    inferred: { 'refresh.rotation': 'rotate', 'refresh.reuseDetection': 'revoke-grant', 'lifetimes.accessToken': 300 },
    scenario: (s) => {
      expect(s.client.faults).toEqual(['keep-old-refresh-token']);
      expect(step(s, 1).expect.response.body).toEqual({ refresh_token: 'present' });
      expect(step(s, 2).expect).toMatchObject({ error: 'reconnect_required', response: { status: 400, error: 'invalid_grant' } });
    },
  },
  'consent-denied': {
    outcome: /^step 1 \(connect\) fails with access_denied/,
    actions: ['connect'],
    diagnoses: ['scopes-denied-by-user'],
    scenario: (s) => expect(step(s, 0)).toMatchObject({ connect: { consent: { deny: true } }, expect: { error: 'access_denied', redirect: 'issued' } }),
  },
  'billing-expired': {
    outcome: /^step 4 \(callApi\) fails with invalid_token/,
    actions: ['connect', 'callApi', 'advanceClock', 'callApi'],
    diagnoses: ['token-expired-not-refreshed'],
    inferred: { 'lifetimes.accessToken': 900, 'refresh.policy': 'never' },
    scenario: (s) => {
      expect(Number(String(step(s, 2).advanceClock).replace('s', ''))).toBeGreaterThanOrEqual(1200);
      expect(step(s, 3).expect).toMatchObject({ error: 'invalid_token', response: { status: 401 } });
    },
  },
  'salesforce-refresh-scope': {
    outcome: /^all 2 steps succeed/,
    actions: ['connect', 'refresh'],
    inferred: { 'refresh.offlineScope': 'refresh_token', 'clientAuth.methods': ['client_secret_post'], 'refresh.rotation': 'keep', 'lifetimes.accessToken': 7200 },
    scenario: (s) => expect(s.provider.switches.tokenResponse.extraFields).toMatchObject({ instance_url: 'https://example.my.salesforce.test', issued_at: '1767225600000' }),
  },
  'redirect-unregistered': {
    outcome: /^step 1 \(connect\) fails with redirect_rejected/,
    actions: ['connect'],
    diagnoses: ['redirect-uri-mismatch'],
    scenario: (s) => {
      expect(step(s, 0).expect).toMatchObject({ error: 'redirect_rejected', redirect: 'none' });
      expect(s.client.redirectUri).toMatch(/\/elsewhere\/callback$/);
      expect(JSON.stringify(s.provider.clients ?? [])).not.toContain('/elsewhere/callback');
    },
  },
  'pkce-required': {
    outcome: /^step 1 \(connect\) fails with invalid_request/,
    actions: ['connect'],
    diagnoses: ['pkce-required'],
    inferred: { 'pkce.required': true, 'client.pkce': 'never' },
  },
  'salesforce-ip-refused': {
    outcome: /^step 1 \(connect\) fails with redirect_rejected/,
    actions: ['connect'],
    diagnoses: ['address-not-allowed'],
    inferred: { 'network.ipAllowList': ['198.51.100.0/24'] },
    scenario: (s) => expect(step(s, 0).connect.from).toBe(REFUSED_ADDRESS),
  },
  'insufficient-scope': {
    outcome: /^step 2 \(callApi\) fails with insufficient_scope/,
    actions: ['connect', 'callApi'],
    diagnoses: ['insufficient-scope'],
    inferred: { 'api.readScope': 'read' },
    scenario: (s) => expect(step(s, 1).expect).toMatchObject({ error: 'insufficient_scope', response: { status: 403 } }),
  },
  'azure-expires-in-string': {
    outcome: /^all 6 steps succeed/,
    actions: ['connect', 'callApi', 'callApi', 'refresh', 'revoke', 'revoke'],
    inferred: { 'tokenResponse.expiresIn': 'string' },
  },
  'token-type-missing': {
    outcome: /^all 6 steps succeed/,
    actions: ['connect', 'callApi', 'callApi', 'refresh', 'revoke', 'revoke'],
    diagnoses: ['token-type-missing'],
    inferred: { 'tokenResponse.tokenType': 'omit' },
    // oauth4webapi refuses a token response without token_type; the recorded client did not
    notReproduced: /steps\[0\]\.expect\.outcome: .*token_type/,
  },
  'salesforce-ip-refused-at-token': {
    outcome: /^step 1 \(connect\) fails with invalid_grant/,
    actions: ['connect'],
    diagnoses: ['address-not-allowed'],
    inferred: { 'network.ipAllowList': ['198.51.100.0/24'] },
    scenario: (s) => {
      expect(s.client.sourceAddress).toBe(REFUSED_ADDRESS);
      expect(step(s, 0).connect.from).toBe(ALLOWED_ADDRESS);
    },
  },
  'state-changed-on-the-way-back': {
    outcome: /^all 6 steps succeed/,
    actions: ['connect', 'callApi', 'callApi', 'refresh', 'revoke', 'revoke'],
    scenario: (s) => {
      expect(step(s, 0).connect.tamper).toBe('state');
      expect(s.client.faults).toContain('ignore-state');
    },
  },
  'token-type-uppercase-refresh-lifetime': {
    outcome: /^all 6 steps succeed/,
    actions: ['connect', 'callApi', 'callApi', 'refresh', 'revoke', 'revoke'],
    inferred: { 'tokenResponse.tokenType': 'BEARER', 'tokenResponse.refreshTokenExpiresIn': true, 'lifetimes.refreshToken': 86400 },
    scenario: (s) => expect(s.provider.switches.tokenResponse).toMatchObject({ tokenType: 'BEARER', refreshTokenExpiresIn: true }),
  },
  'expires-unsaid-introspected': {
    outcome: /^all 6 steps succeed/,
    actions: ['connect', 'callApi', 'callApi', 'refresh', 'revoke', 'revoke'],
    inferred: { 'tokenResponse.expiresIn': 'omit', 'lifetimes.accessToken': 7200 },
    scenario: (s) => {
      expect(s.provider.switches.tokenResponse.expiresIn).toBe('omit');
      expect(s.provider.switches.lifetimes.accessToken).toBe(7200);
    },
  },
  'clock-ahead-introspected': {
    outcome: /^all 6 steps succeed/,
    actions: ['connect', 'callApi', 'callApi', 'refresh', 'revoke', 'revoke'],
    inferred: { 'lifetimes.clockSkew': 300, 'lifetimes.accessToken': 3600, 'tokenResponse.expiresIn': 'number' },
  },
  'expired-on-arrival': {
    outcome: /^step 2 \(callApi\) fails with invalid_token/,
    actions: ['connect', 'callApi'],
    diagnoses: ['token-expired-on-arrival'],
    inferred: { 'lifetimes.clockSkew': 3600 },
    scenario: (s) => expect(step(s, 1).expect).toMatchObject({ error: 'invalid_token', response: { status: 401 } }),
    // the recorded client did not refresh after the 401; the reference client's run names only the cause
    differences: [/diagnosis token-expired-not-refreshed; the mock run raised token-expired-on-arrival/],
  },
  'state-not-echoed': {
    outcome: /^all 6 steps succeed/,
    actions: ['connect', 'callApi', 'callApi', 'refresh', 'revoke', 'revoke'],
    diagnoses: ['state-not-echoed'],
    inferred: { 'authorize.echoState': false },
    scenario: (s) => expect(s.client.faults).toContain('ignore-state'),
  },
  'client-id-wanted-with-basic': {
    outcome: /^step 1 \(connect\) fails with invalid_request/,
    actions: ['connect'],
    diagnoses: ['client-id-missing-from-body'],
    inferred: { 'clientAuth.requireClientIdInBody': true, 'client.credentials': 'basic' },
    scenario: (s) => expect(step(s, 0).expect).toMatchObject({ error: 'invalid_request', diagnoses: ['client-id-missing-from-body'] }),
  },
  'slack-error-http-200': {
    outcome: /^step 1 \(connect\) fails with invalid_client/,
    actions: ['connect'],
    diagnoses: ['client-credentials-wrong'],
    inferred: { 'errors.shape': { ok: false, error: '{error}', warning: '{error_description}' }, 'errors.status': 200 },
    // the mock's own words for the refusal are not the recorded ones: the diagnoses read them differently
    differences: [/diagnosis client-credentials-wrong; the mock run raised credentials-wrong-placement/],
  },
  'hubspot-error-shape': {
    outcome: /^step 3 \(refresh\) fails with unexpected_response/,
    // a refusal without an error member is not read as the end of the grant: the last refresh is replayed too
    actions: ['connect', 'refresh', 'refresh', 'refresh'],
    diagnoses: ['error-body-not-rfc'],
    inferred: { 'errors.shape': { status: '{error}', message: '{error_description}', correlationId: '6b1f0c4e-2d6a-4c1e-9d2b-58a1c1d0e7f3', category: 'VALIDATION_ERROR' }, 'errors.status': null },
    differences: [/diagnosis refresh-token-invalidated; the mock run raised refresh-token-reuse, error-body-not-rfc/],
  },
  'refresh-scope-beyond-grant': {
    outcome: /^step 2 \(refresh\) fails with invalid_scope/,
    actions: ['connect', 'refresh'],
    diagnoses: ['refresh-scope-exceeds-grant'],
    // offline_access left out of the grant is not a narrowed registration, nor is the refused refresh
    inferred: { 'scopes.dropFromGrant': ['offline_access'], 'refresh.scopeCheck': 'reject', 'refresh.policy': 'offline-scope', 'scopes.onUnregistered': undefined },
    scenario: (s) => expect(s.client.faults).toEqual(['resend-scope-on-refresh']),
  },
  'browser-only': {
    outcome: /^the single step succeeds/,
    actions: ['connect'],
    scenario: (s) => {
      expect(step(s, 0).expect).toEqual({ redirect: 'issued' });
      expect(s.client.credentials).toBeUndefined();
    },
  },
  'server-side-only': {
    outcome: /^all 6 steps succeed/,
    actions: ['connect', 'callApi', 'callApi', 'refresh', 'revoke', 'revoke'],
    inferred: { 'client.credentials': 'basic', 'refresh.policy': 'always' },
    scenario: (s) => expect(step(s, 0).expect.tokens.refresh).toBe('present'),
  },
  'several-origins': {
    outcome: /^the single step succeeds/,
    actions: ['connect'],
    diagnoses: [/^missing-refresh-token-/],
    mayDiffer: /diagnosis missing-refresh-token-/,
    inferred: { 'paths.authorize': '/authorize', 'paths.token': '/token' },
    scenario: (s) => expect(step(s, 0).expect.outcome).toBe('success'),
  },
};

describe('import: HARs recorded against serve, and hand-edited ones', () => {
  it('covers every fixture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...Object.keys(RECORDED), ...Object.keys(EDITED)].sort());
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    describe(name, () => {
      let r: ImportResult;
      it('imports, and the mock reproduces the recorded outcome', async () => {
        r = await importRecording({ file: fixturePath(name), display: `${name}.har` });
        expect(r.outcome).toMatch(want.outcome);
        if (want.notReproduced) {
          expect(r.reproduced).toBe(false);
          expect(r.differences[0]).toMatch(want.notReproduced);
        } else {
          expect(r.reproduced, r.differences.join('\n')).toBe(true);
          const differences = r.differences.filter((d) => !want.mayDiffer?.test(d));
          expect(differences.length, differences.join('\n')).toBe(want.differences?.length ?? 0);
          want.differences?.forEach((d, i) => expect(differences[i]).toMatch(d));
        }
        for (const d of want.diagnoses ?? []) expect(r.diagnoses.some((x) => (typeof d === 'string' ? x === d : d.test(x))), String(d)).toBe(true);
      });

      it('writes the steps, expectations and inferences the recording shows', () => {
        const s = scenarioOf(r);
        expect(s.steps.map((x: any) => Object.keys(x).find((k) => k !== 'expect' && k !== 'name'))).toEqual(want.actions);
        for (const [path, value] of Object.entries(want.inferred ?? {})) expect(inferred(r, path), path).toEqual(value);
        // the recording's diagnoses are expected by the steps, unless a comment says why not
        const expected = s.steps.flatMap((x: any) => x.expect?.diagnoses ?? []);
        for (const d of r.diagnoses.filter((x) => (want.diagnoses ?? []).some((w) => (typeof w === 'string' ? x === w : w.test(x))))) expect(expected.includes(d) || r.yaml.includes(`diagnosis ${d}`), d).toBe(true);
        want.scenario?.(s);
      });

      it('runs as a scenario file: passes exactly when the recording is reproduced', async () => {
        const result = await runGenerated(r.yaml, name);
        expect(result.verdict).toBe(want.notReproduced ? 'failed' : 'passed');
      });

      it('writes no secret of the HAR', () => {
        const secrets = secretsIn(readHar(name));
        // every flow that got past the login page carries secrets (the password, the code, tokens…)
        if (!['redirect-unregistered', 'salesforce-ip-refused'].includes(name)) expect(secrets.length).toBeGreaterThan(0);
        for (const secret of secrets) expect(r.yaml.includes(secret), `secret ${secret.slice(0, 4)}… in the scenario`).toBe(false);
        expect(r.yaml).not.toMatch(/client_secret=|password=|Bearer [A-Za-z0-9]/);
      });
    });
  }
});
