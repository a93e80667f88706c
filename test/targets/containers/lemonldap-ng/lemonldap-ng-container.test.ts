/**
 * LemonLDAP::NG 2.16 (Debian's packages) in a container: the portal as OpenID Connect
 * provider, provisioned from its configuration file, signed in through its HTML login
 * form; then `verify` and scenarios on `container:lemonldap-ng`. Its own ways, which the
 * checks and scenarios must catch: only OpenID Connect authorization requests are served
 * (no `openid` scope: an error page, no redirect), no RFC 8414 metadata, Basic
 * credentials split at every `:` and not form-decoded, refresh tokens never rotated.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../../mocks/package-root.js';
import { applyExpectedFailuresToRun, loadExpectedFailures } from '../../../../src/results/expected-failures.js';
import type { CaseResult } from '../../../../src/results/model.js';
import { findScenarioFiles, loadScenario, loadScenarios } from '../../../../src/scenario/load.js';
import type { Scenario } from '../../../../src/scenario/schema.js';
import { runOnTarget } from '../../../../src/targets/run-on-target.js';
import type { StartedTarget } from '../../../../src/targets/started-target.js';
import { parseTarget, startTarget } from '../../../../src/targets/target.js';
import { verifyExitCode } from '../../../../src/verify/exit-code.js';
import { runVerify } from '../../../../src/verify/run-verify.js';
import { containerTestsEnabled } from '../../../../src/targets/containers/runtime.js';
import { LemonldapContainer, type StartedLemonldapContainer } from '../../../../src/targets/containers/lemonldap-ng/lemonldap-ng-container.js';
import { LEMONLDAP_IMAGE_FILES } from '../../../../src/targets/containers/lemonldap-ng/lemonldap-ng-image.js';
import { lemonldapUserAgent, portalErrorCode } from '../../../../src/targets/containers/lemonldap-ng/lemonldap-ng-login.js';

const run = await containerTestsEnabled('lemonldap-ng container');

type Json = Record<string, unknown>;

const REDIRECT_URI = 'http://127.0.0.1:9/callback';
const EXPECTED_FAILURES = fileURLToPath(new URL('../../../../src/targets/containers/lemonldap-ng/lemonldap-ng.expected-failures.yaml', import.meta.url));

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

async function token(server: StartedLemonldapContainer, params: Record<string, string>, secret = server.getClient().clientSecret): Promise<Response> {
  return fetch(`${server.getIssuer()}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(server.getClient().clientId, secret) },
    body: new URLSearchParams(params),
  });
}

function authorizationUrl(server: StartedLemonldapContainer, scope: string): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: server.getClient().clientId,
    redirect_uri: REDIRECT_URI,
    scope,
    state: 'st-1',
    nonce: 'n-1',
    // PKCE is required for the harness's relying parties (plain: the verifier is the challenge)
    code_challenge: 'a'.repeat(43),
    code_challenge_method: 'plain',
  });
  return `${server.getIssuer()}/oauth2/authorize?${query}`;
}

describe.runIf(run)('LemonldapContainer', () => {
  let server: StartedLemonldapContainer;
  beforeAll(async () => {
    server = await new LemonldapContainer()
      .withRedirectUri(REDIRECT_URI)
      .withExtraScopes(['read', 'write'])
      .withUser({ username: 'carol', password: 'carol-password-1', name: 'Carol Example', email: 'carol@example.test' })
      .withUser({ username: 'dave', password: 'dave: a password with spaces & signs', email: 'dave@example.test' })
      .start();
  });
  afterAll(async () => server?.stop());

  it('serves OpenID Connect discovery on 127.0.0.1 with the portal URL as issuer, and signs with the key made at start', async () => {
    const res = await fetch(`${server.getIssuer()}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const discovery = (await res.json()) as Json;
    expect(server.getIssuer()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(discovery).toMatchObject({ issuer: server.getIssuer(), token_endpoint: `${server.getIssuer()}/oauth2/token`, response_types_supported: ['code'] });
    const jwks = (await (await fetch(String(discovery.jwks_uri))).json()) as { keys: Json[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', kid: expect.stringMatching(/^[0-9a-f]{16}$/) })]);
  });

  it('issues client_credentials tokens with either secret placement, grants only scopes it knows, and answers a wrong secret with 401 invalid_client', async () => {
    const viaBasic = await token(server, { grant_type: 'client_credentials', scope: 'read' });
    expect(viaBasic.status).toBe(200);
    // the scope asked for is granted: the response leaves it out (RFC 6749 §5.1)
    expect(await viaBasic.json()).toMatchObject({ token_type: 'Bearer', expires_in: 300, access_token: expect.any(String) });
    const { clientId, clientSecret } = server.getClient();
    const viaBody = await fetch(`${server.getIssuer()}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'read unknown-scope', client_id: clientId, client_secret: clientSecret }),
    });
    expect(viaBody.status).toBe(200);
    expect(await viaBody.json()).toMatchObject({ scope: 'read' });
    const wrong = await token(server, { grant_type: 'client_credentials', scope: 'read' }, 'wrong-secret');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'invalid_client' });
  });

  it('runs the code flow through the login form (every user, any password), and keeps the refresh token on refresh', async () => {
    for (const user of server.getUsers()) {
      const result = await lemonldapUserAgent().authorize(authorizationUrl(server, 'openid read'), REDIRECT_URI, { username: user.username, password: user.password }, fetch);
      expect(result.kind, JSON.stringify(result)).toBe('callback');
      const callback = new URL((result as { url: string }).url);
      expect(callback.searchParams.get('state')).toBe('st-1');
      const res = await token(server, { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: REDIRECT_URI, code_verifier: 'a'.repeat(43) });
      expect(res.status).toBe(200);
      const tokens = (await res.json()) as Json;
      expect(tokens).toMatchObject({ token_type: 'Bearer', id_token: expect.any(String), refresh_token: expect.any(String) });
      const claims = JSON.parse(Buffer.from(String(tokens.id_token).split('.')[1]!, 'base64url').toString()) as Json;
      expect(claims).toMatchObject({ iss: server.getIssuer(), sub: user.username, aud: [server.getClient().clientId], nonce: 'n-1' });
      const refreshed = await token(server, { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) });
      expect(refreshed.status).toBe(200);
      expect((await refreshed.json()) as Json).not.toHaveProperty('refresh_token');
      expect((await token(server, { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) })).status).toBe(200);
    }
  });

  it('requires PKCE of the harness’s relying party: a code redeemed without the verifier is refused', async () => {
    const user = server.getUsers()[0]!;
    const result = await lemonldapUserAgent().authorize(authorizationUrl(server, 'openid'), REDIRECT_URI, { username: user.username, password: user.password }, fetch);
    const code = new URL((result as { url: string }).url).searchParams.get('code')!;
    const res = await token(server, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_grant' });
  });

  it('shows the login form again for a wrong password', async () => {
    const user = server.getUsers()[0]!;
    const result = await lemonldapUserAgent().authorize(authorizationUrl(server, 'openid'), REDIRECT_URI, { username: user.username, password: 'not-the-password' }, fetch);
    expect(result.kind).toBe('login-failed');
  });

  it('ends a request without the openid scope on its error page, and the user agent says why', async () => {
    const user = server.getUsers()[0]!;
    const result = await lemonldapUserAgent().authorize(authorizationUrl(server, 'read'), REDIRECT_URI, { username: user.username, password: user.password }, fetch);
    expect(result).toMatchObject({ kind: 'no-redirect', status: 200, title: 'LemonLDAP::NG refused an authorization request without the openid scope' });
    // an OpenID request with an unknown client also ends on an error page, but not for want of openid
    const unknown = authorizationUrl(server, 'openid').replace(`client_id=${server.getClient().clientId}`, 'client_id=nobody');
    const other = await lemonldapUserAgent().authorize(unknown, REDIRECT_URI, { username: user.username, password: user.password }, fetch);
    expect(other.kind).toBe('no-redirect');
    expect(other).not.toMatchObject({ title: expect.stringContaining('openid') });
  });
});

describe('the LemonLDAP::NG image files', () => {
  it('are all in the npm package, so an installed oauth-harness can build the image', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: packageRoot(), encoding: 'utf8', timeout: 120_000 });
    expect(packed.status, packed.stderr).toBe(0);
    const files = new Set((JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    expect(LEMONLDAP_IMAGE_FILES.filter((f) => !files.has(`src/targets/containers/lemonldap-ng/${f}`))).toEqual([]);
  });
});

describe('portalErrorCode', () => {
  it('reads the code of the portal’s error message, and nothing from other pages', () => {
    expect(portalErrorCode('<div class="message message-negative alert" role="alert"><span trmsg="24"></span></div>')).toBe(24);
    expect(portalErrorCode('<div class="message message-positive alert"><span trmsg="24"></span></div>')).toBeUndefined();
    expect(portalErrorCode('<form id="lform"><input name="user"></form>')).toBeUndefined();
  });
});

describe.runIf(run)('container:lemonldap-ng', () => {
  const root = packageRoot();
  const catalog = loadScenarios(findScenarioFiles([join(root, 'scenarios')]), root);
  const scenario = (id: string): Scenario => catalog.find((s) => s.id === id) ?? (() => { throw new Error(`no catalog scenario ${id}`); })();
  let target: StartedTarget;
  beforeAll(async () => {
    target = await startTarget(parseTarget('container:lemonldap-ng'));
  });
  afterAll(async () => {
    await target?.stop();
  });

  it('verify --plan bcp: signs in through the login form, fails only the rows its expected-failures file lists (exit 0), and catches LL::NG’s own ways by the checks that name them', { timeout: 180_000 }, async () => {
    const raw = await runVerify({ ...target.verifyConfig(), plan: 'bcp' });
    const listed = loadExpectedFailures(EXPECTED_FAILURES);
    const result = applyExpectedFailuresToRun(raw, listed);
    const unexpected = result.cases.filter((c) => (c.verdict === 'failed' && c.severity === 'fail') || c.verdict === 'fixed');
    expect(unexpected.map((c) => `${c.id} [${c.verdict}]: ${c.message}`)).toEqual([]);
    expect(verifyExitCode(result)).toBe(0);
    const byId = new Map<string, CaseResult>(raw.cases.map((c) => [c.id, c]));
    for (const { id } of listed) expect(byId.get(id)?.verdict, `${id}: ${byId.get(id)?.message}`).toBe('failed');
    for (const id of ['OP-DISC-REQUIRED', 'AS-CA-BASIC', 'AS-CA-INVALID-CLIENT-401', 'AS-TR-NO-STORE', 'AS-AC-SINGLE-USE', 'AS-PKCE-MISMATCH', 'AS-PKCE-VERIFIER-REQUIRED']) {
      expect(byId.get(id)!.verdict, `${id}: ${byId.get(id)!.message}`).toBe('passed');
    }
    expect(byId.get('AS-MD-LOCATION')!.message).toContain('/.well-known/oauth-authorization-server answered HTTP 401');
    // the F4 secret holds a ":", and LL::NG splits Basic credentials at every one of them
    expect(byId.get('AS-CA-BASIC-FORMDECODE')!.message).toContain('and so was the un-encoded form');
    // plain OAuth 2.0 requests are not served: the error page, neither a code nor invalid_scope
    expect(byId.get('AS-AZ-SCOPE-OMITTED')!.message).toContain('got page HTTP 200');
    expect(byId.get('AS-RT-VALIDATE')!.message).toContain('got HTTP 400 error=invalid_request');
    // consent is bypassed: nothing to refuse, not tested, never failed
    expect(byId.get('AS-AZ-ACCESS-DENIED')).toMatchObject({ verdict: 'inconclusive', message: expect.stringContaining('could not refuse consent') });
  });

  it('runs scenarios: an OpenID code flow and userinfo pass with the secret in the body; Basic fails saying why; OAuth-only requests are skipped saying why', { timeout: 180_000 }, async () => {
    const userinfo = loadScenario(join(root, 'test', 'targets', 'fixtures', 'connect-userinfo.yaml'), root);
    const inBody: Scenario = { ...userinfo, id: 'connect-userinfo-body', client: { ...userinfo.client, credentials: 'body' } };
    const withOpenid = (s: Scenario): Scenario => ({ ...s, client: { ...s.client, scopes: ['openid', ...s.client.scopes] } });
    const scenarios = [inBody, userinfo, withOpenid(scenario('client-state-tampered')), scenario('pkce-where-supported'), scenario('consent-denied')];
    const result = await runOnTarget({ target: 'container:lemonldap-ng', scenarios, seed: 1 });
    const [body, basicAuth, tampered, pkce, denied] = result.cases;
    expect(body!.verdict, body!.message).toBe('passed');
    expect(body!.exchanges.filter((e) => e.from === 'user-agent').map((e) => `${e.request.method} ${new URL(e.request.url).pathname} ${e.response.status}`)).toEqual([
      'GET /oauth2/authorize 200',
      'POST /oauth2/authorize 302',
    ]);
    // oauth4webapi form-encodes Basic credentials (RFC 6749 §2.3.1: harness%2Dclient); LL::NG does not decode them
    expect(basicAuth).toMatchObject({ verdict: 'failed', message: expect.stringContaining('invalid_client') });
    const refused = basicAuth!.exchanges.find((e) => e.endpoint === 'token')!;
    expect([refused.response.status, refused.response.body]).toEqual([401, '{"error":"invalid_client"}']);
    expect(tampered!.verdict, tampered!.message).toBe('passed');
    // a plain OAuth 2.0 request (scopes: read) is not run: LL::NG serves only OpenID ones (capabilities.requiredScopes)
    expect(pkce).toMatchObject({ verdict: 'skipped', message: 'container:lemonldap-ng: steps[0]: serves only authorization requests that ask for openid (client.scopes: read)' });
    expect(denied).toMatchObject({ verdict: 'skipped', message: 'container:lemonldap-ng: steps[0]: its login cannot refuse consent (connect.consent.deny)' });
  });
});
