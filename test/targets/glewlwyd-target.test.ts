/**
 * `verify --target container:glewlwyd` and scenarios on Glewlwyd. Glewlwyd keeps ways
 * of its own that the checks and scenarios must catch: 403 without a body for a failed
 * client authentication (RFC 6749 §5.2 wants 400/401 invalid_client), 403 invalid_code
 * for a reused code (§5.2: 400 invalid_grant), no RFC 8414 metadata, and Basic
 * credentials that are not form-decoded (§2.3.1), so a client id with `-` sent as
 * `harness%2Dclient` is unknown to it: the profile's client is registered as
 * `harnessclient` (its own way, definition.ts `clientId`), and a scenario that names
 * `harness-client` itself still shows the refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/results/model.js';
import { containerTestsEnabled } from '../../src/targets/containers/runtime.js';
import { runOnTarget } from '../../src/targets/run-on-target.js';
import type { StartedTarget } from '../../src/targets/started-target.js';
import { parseTarget, startTarget } from '../../src/targets/target.js';
import { VerifyError } from '../../src/errors/verify-error.js';
import { exitCodeForError } from '../../src/verify/exit-code.js';
import { runVerify, type VerifyOptions } from '../../src/verify/run-verify.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { skipReason } from '../../src/targets/coverage.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { catalogScenarios, scenarioById } from './catalog-fixtures.js';

const run = await containerTestsEnabled('glewlwyd target');

describe.runIf(run)('verify on container:glewlwyd', () => {
  // Glewlwyd's deviations, each caught by the check that names it, and the cases where a
  // harness limit must not be blamed on it (issue 13): one container, several runs.
  const only = [
    'OP-DISC-REQUIRED', 'AS-MD-LOCATION', 'AS-CA-INVALID-CLIENT-401', 'AS-TR-TOKEN-TYPE', 'AS-TR-NO-STORE', 'AS-AC-SINGLE-USE',
    'AS-TOK-ROPC-DISABLED', 'OP-DISC-ISSUER', 'OP-DISC-OPENID-SCOPE', 'AS-AZ-ACCESS-DENIED', 'AS-REV-RT', 'AS-AZ-RESPONSE-TYPE',
    'AS-AZ-IMPLICIT-OFFERED', 'AS-CA-BASIC-FORMDECODE', 'AS-ISS-IDTOKEN-MATCH', 'AS-CA-BASIC', 'AS-AZ-SCOPE-OMITTED',
  ];
  let target: StartedTarget;
  let byId: Map<string, CaseResult>;
  beforeAll(async () => {
    target = await startTarget(parseTarget('container:glewlwyd'));
  });
  afterAll(async () => {
    await target?.stop();
  });
  const options = (): VerifyOptions => ({ ...target.verifyConfig(), userAgent: target.verifyUserAgent!(), plan: 'bcp' });

  it('catches Glewlwyd’s deviations by the checks that name them, signing in over HTTP (no browser)', async () => {
    const result = await runVerify({ ...options(), only });
    byId = new Map(result.cases.map((c) => [c.id, c]));
    expect(result.cases.map((c) => c.id).sort()).toEqual([...only].sort());
    expect(byId.get('OP-DISC-REQUIRED')!.verdict).toBe('passed');
    expect(byId.get('AS-MD-LOCATION')).toMatchObject({ verdict: 'failed', message: expect.stringMatching(/\/\.well-known\/oauth-authorization-server\/api\/oidc answered HTTP 404$/) });
    expect(byId.get('AS-CA-INVALID-CLIENT-401')).toMatchObject({ verdict: 'failed', message: 'Basic with a wrong secret: expected HTTP 401 with error invalid_client, got HTTP 403 without a JSON error' });
    expect(byId.get('AS-TR-TOKEN-TYPE')).toMatchObject({ verdict: 'passed', message: expect.stringContaining('token_type "bearer"') });
    expect(byId.get('AS-TR-NO-STORE')!.verdict).toBe('passed');
    expect(byId.get('AS-AC-SINGLE-USE')).toMatchObject({ verdict: 'failed', message: expect.stringContaining('got HTTP 403 error=invalid_code') });
    // client_credentials is served though not advertised: found by the preflight, so the Basic rows run
    expect(byId.get('AS-CA-BASIC')!.verdict).toBe('passed');
    // with the profile's id as it is, verify's special-characters client (F4): harness-client:secret → 200, harness%2Dclient:secret → refused
    expect(byId.get('AS-CA-BASIC-FORMDECODE')).toMatchObject({ verdict: 'failed', message: expect.stringContaining('the un-encoded form was accepted: the server does not form-decode Basic credentials') });
    // RFC 6749 §3.3: without scope, a default scope or invalid_scope. Glewlwyd's protocol_oidc.c
    // answers "at least one scope" with a bare 403 after sign-in (the user signed in; the request itself is refused)
    expect(byId.get('AS-AZ-SCOPE-OMITTED')).toMatchObject({ verdict: 'failed', message: expect.stringContaining('without scope got page HTTP 403') });
  });

  it('blames Glewlwyd for none of the harness’s limits', () => {
    // a 403 refusal without a token is not an offer of the password grant
    expect(byId.get('AS-TOK-ROPC-DISABLED')).toMatchObject({ verdict: 'passed', message: expect.stringContaining('refused for the test user') });
    // OpenID requests carry a nonce, which Glewlwyd requires
    expect(byId.get('OP-DISC-ISSUER')!.verdict).toBe('passed');
    expect(byId.get('OP-DISC-OPENID-SCOPE')!.verdict).toBe('passed');
    // its login API cannot refuse consent: not tested, never failed
    expect(byId.get('AS-AZ-ACCESS-DENIED')).toMatchObject({ verdict: 'inconclusive', message: 'the glewlwyd-login-api login driver cannot refuse consent on this server' });
    // the revoked refresh token is refused (with a bare 400: that is AS-RT-VALIDATE's finding, not this row's)
    expect(byId.get('AS-REV-RT')).toMatchObject({ verdict: 'passed', message: expect.stringContaining('refused, with HTTP 400 without a JSON error instead of invalid_grant') });
    // the error of response_type=bogus is in the fragment, and is read there
    expect(byId.get('AS-AZ-RESPONSE-TYPE')!.verdict).toBe('passed');
    // implicit is listed in grant_types_supported, but response_type=token is refused when asked
    expect(byId.get('AS-AZ-IMPLICIT-OFFERED')).toMatchObject({ verdict: 'passed', message: expect.stringContaining('but response_type=token is refused') });
    // code id_token is advertised but not allowed for this client: not tested
    expect(byId.get('AS-ISS-IDTOKEN-MATCH')).toMatchObject({ verdict: 'inconclusive', message: expect.stringContaining('error=unauthorized_client') });
  });

  it('a wrong client secret stops the run before any check (exit 2), though Glewlwyd answers it with a bare 403', async () => {
    const o = options();
    const e = await runVerify({ ...o, client: { ...o.client, client_secret: 'not-the-secret' }, only: ['AS-TR-NO-STORE'] }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(VerifyError);
    expect(exitCodeForError(e)).toBe(2);
    expect((e as VerifyError).message).toMatch(/^the token endpoint http:\/\/127\.0\.0\.1:\d+\/api\/oidc\/token does not accept the credentials of client "harnessclient": HTTP 403 error=unauthorized_client with client_secret_basic, exactly as to a wrong secret; .*nothing was verified$/);
    expect((e as VerifyError).message).not.toContain('not-the-secret');
  });
});

describe.runIf(run)('runOnTarget(container:glewlwyd)', () => {
  it('signs in through the login API as harnessclient, the id Glewlwyd’s own way registers the profile’s client under', async () => {
    const result = await runOnTarget({ target: 'container:glewlwyd', scenarios: ['state-tampered', 'rfc7009-revoked-and-unknown-tokens', 'consent-denied'].map(scenarioById), seed: 1 });
    const [tampered, revocation, denied] = result.cases;
    expect(tampered!.verdict).toBe('passed');
    expect(tampered!.exchanges.filter((e) => e.from === 'user-agent').map((e) => `${e.endpoint} ${e.request.method} ${new URL(e.request.url).pathname} ${e.response.status}`)).toEqual([
      'authorize GET /api/oidc/auth 302',
      'decision POST /api/auth/ 200',
      'decision PUT /api/auth/grant/harnessclient 200',
      'decision GET /api/oidc/auth 302',
    ]);
    // form-encoding leaves harnessclient unchanged: the code exchange, the refresh and RFC 7009's revocation are compared
    expect(revocation).toMatchObject({ verdict: 'passed' });
    expect(revocation!.exchanges.find((e) => e.endpoint === 'token')!.response.status).toBe(200);
    expect(denied).toMatchObject({ verdict: 'skipped', message: 'container:glewlwyd: steps[0]: its login cannot refuse consent (connect.consent.deny)' });
  });

  it('still refuses a client id with "-", which oauth4webapi form-encodes (harness%2Dclient) as RFC 6749 §2.3.1 asks, and the diagnosis names it', async () => {
    // the same scenario, naming the profile's id itself: registered as named, so the reference client sends Basic base64("harness%2Dclient:<secret>")
    const named = scenarioById('rfc7009-revoked-and-unknown-tokens');
    const withDash: Scenario = { ...named, id: 'rfc7009-with-dash-client-id', provider: { ...named.provider, clients: [{ client_id: 'harness-client' }] } };
    const result = await runOnTarget({ target: 'container:glewlwyd', scenarios: [withDash, scenarioById('basic-special-characters-encoded')], seed: 1 });
    for (const c of result.cases) {
      expect(c).toMatchObject({ verdict: 'failed', message: expect.stringContaining('unauthorized_client') });
      const token = c.exchanges.find((e) => e.endpoint === 'token')!;
      expect([token.response.status, token.response.body]).toEqual([403, '{"error":"unauthorized_client"}']);
      expect(c.diagnoses.find((d) => d.id === 'client-credentials-wrong')?.cause).toMatch(/client "harness-client".*form-encoded special characters of its id or secret/s);
      expect(c.exchanges.find((e) => e.from === 'user-agent' && e.endpoint === 'decision' && e.request.method === 'PUT')!.request.url).toMatch(/\/api\/auth\/grant\/harness-client$/);
    }
  });

  it('registers a scenario’s own client scopes (provider.clients[].scopes): one only that registration allows is granted, one it leaves out refused', async () => {
    // no catalog scenario that changes them runs on Glewlwyd (each also sets refresh.policy: offline-scope), so two of its own
    const own = (id: string, scopes: string, steps: string): Scenario => ({
      ...parseScenarioText(`title: ${id}\ndescription: d\nprovider: { profile: rfc-strict, clients: [{ scopes: [${scopes}] }] }\nclient: { scopes: [${scopes}] }\nsteps:\n${steps}`, `${id}.yaml`),
      id,
      file: `${id}.yaml`,
    });
    const granted = own('own-scope-granted', 'read, reports', '  - clientCredentials: { scopes: [reports] }\n    expect: { outcome: success }\n  - connect: { user: alice }\n    expect: { outcome: success }\n');
    // write is in rfc-strict's registration, not in this one
    const narrowed = own('narrowed-registration', 'read', '  - clientCredentials: { scopes: [read] }\n    expect: { outcome: success }\n  - clientCredentials: { scopes: [write] }\n    expect: { outcome: failure, response: { status: 400 } }\n');
    const result = await runOnTarget({ target: 'container:glewlwyd', scenarios: [granted, narrowed], seed: 1 });
    expect(result.cases.map((c) => [c.id, c.verdict])).toEqual([['own-scope-granted', 'passed'], ['narrowed-registration', 'passed']]);
    const tokens = result.cases.flatMap((c) => c.exchanges.filter((e) => e.endpoint === 'token' && e.request.body?.includes('client_credentials')).map((e) => [e.response.status, e.response.body]));
    expect(tokens).toEqual([
      [200, expect.stringContaining('"scope":"reports"')],
      [200, expect.stringContaining('"scope":"read"')],
      [400, '{"error":"scope_invalid"}'],
    ]);
  }, 120_000);

  it('runs the catalog’s Glewlwyd scenarios: those of the profile’s client are no longer refused for its id', async () => {
    const scenarios = catalogScenarios().filter((s) => skipReason(s, 'glewlwyd') === undefined);
    expect(scenarios).toHaveLength(43);
    const result = await runOnTarget({ target: 'container:glewlwyd', scenarios, seed: 1 });
    const passed = result.cases.filter((c) => c.verdict === 'passed').map((c) => c.id);
    // 6 of 43 passed while the id was harness-client; these failed on its Basic header alone
    expect(passed).toEqual(expect.arrayContaining(['client-rotating-refresh', 'pkce-where-supported', 'rotation-stores-new-refresh-token', 'registered-redirect-exact-match', 'diagnosis-refresh-token-reuse-control', 'diagnosis-token-response-not-json-control']));
    expect(passed.length).toBeGreaterThanOrEqual(23);
    // refused for a form-encoded id: only the scenarios that name harness-client themselves
    const refusedForId = result.cases.filter((c) => c.diagnoses.some((d) => d.id === 'client-credentials-wrong' && d.cause.includes('form-encoded special characters of its id'))).map((c) => c.id);
    const naming = scenarios.filter((s) => s.provider.clients.some((c) => c.client_id === 'harness-client')).map((s) => s.id);
    expect(refusedForId.length).toBeGreaterThan(0);
    expect(naming).toEqual(expect.arrayContaining(refusedForId));
    // the client is registered without admin (its registration's scopes only), admin exists: Glewlwyd grants it in the code flow
    const beyond = result.cases.find((c) => c.id === 'scopes-beyond-registration-rejected')!;
    expect(beyond).toMatchObject({ verdict: 'failed', message: expect.stringContaining('expected failure, but the client\'s connect ended in success') });
    expect(JSON.parse(beyond.exchanges.find((e) => e.endpoint === 'token')!.response.body!)).toMatchObject({ scope: 'read admin' });
  }, 120_000);
});
