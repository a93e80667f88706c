/**
 * Catalog scenarios on a real oidc-provider: one container per server set-up (the imitated
 * profile with a scenario's switch changes, through oidc-provider's own settings), the
 * reference client over HTTP, the login through oidc-provider's interaction form.
 */
import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/results/model.js';
import { HarnessError } from '../../src/errors/harness-error.js';
import { containerTestsEnabled } from '../../src/targets/containers/runtime.js';
import { runOnTarget } from '../../src/targets/run-on-target.js';
import { parseTarget, startTarget } from '../../src/targets/target.js';
import { scenarioById, userinfoScenario } from './catalog-fixtures.js';

const run = await containerTestsEnabled('oidc-provider target');

describe.runIf(run)('runOnTarget(container:oidc-provider)', () => {
  const ids = ['state-tampered', 'consent-denied', 'rfc7009-revoked-and-unknown-tokens', 'wrong-client-secret-basic', 'client-rotating-refresh', 'rotation-stores-new-refresh-token', 'redirect-uri-dropped-at-token', 'api-call-with-bearer', 'expired-token-refreshed-once', 'facebook-get-query'];
  let cases: Map<string, CaseResult>;
  const get = (id: string) => cases.get(id)!;

  it('runs the selected scenarios of rfc-strict and rotating-refresh, and skips the others naming why', async () => {
    const result = await runOnTarget({ target: 'container:oidc-provider', scenarios: [...ids.map(scenarioById), userinfoScenario()], seed: 1 });
    cases = new Map(result.cases.map((c) => [c.id, c]));
    const verdicts = Object.fromEntries(result.cases.map((c) => [c.id, c.verdict]));
    expect(verdicts).toEqual({
      'state-tampered': 'passed',
      'consent-denied': 'passed',
      'rfc7009-revoked-and-unknown-tokens': 'passed',
      'wrong-client-secret-basic': 'passed',
      'client-rotating-refresh': 'passed',
      'rotation-stores-new-refresh-token': 'passed',
      'connect-userinfo': 'passed',
      // oidc-provider answers a code exchange without redirect_uri with invalid_request; the mock says invalid_grant
      'redirect-uri-dropped-at-token': 'failed',
      'api-call-with-bearer': 'passed',
      'expired-token-refreshed-once': 'skipped',
      'facebook-get-query': 'skipped',
    });
    expect(result.cases.every((c) => c.target === 'container:oidc-provider')).toBe(true);
    expect(get('expired-token-refreshed-once').message).toBe("container:oidc-provider: steps[1]: cannot move a real server's clock (advanceClock)");
    expect(get('facebook-get-query').message).toBe('container:oidc-provider: cannot imitate clientAuth.methods: ["client_secret_query","client_secret_post"] (profile facebook-like)');
    expect(get('redirect-uri-dropped-at-token').message).toBe('steps[0].expect.error: expected the client to report "invalid_grant", got "invalid_request"');
  }, 300_000);

  it('records the real server’s answers, redacted', () => {
    const userinfo = get('connect-userinfo').exchanges.find((e) => e.endpoint === 'userinfo')!;
    // the profile's path, through oidc-provider's `routes`
    expect(userinfo.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/userinfo$/);
    expect(userinfo.request.headers.authorization).toMatch(/^Bearer \[redacted:[0-9a-f]{8}\]$/);
    expect(JSON.parse(userinfo.response.body!)).toMatchObject({ sub: 'carol' });
    const secret = get('wrong-client-secret-basic').exchanges.find((e) => e.endpoint === 'token')!;
    expect(secret.response.status).toBe(401);
    expect(secret.response.headers['www-authenticate']).toMatch(/^Basic realm=/);
    const login = get('state-tampered').exchanges.filter((e) => e.from === 'user-agent').map((e) => `${e.endpoint} ${e.request.method} ${new URL(e.request.url).pathname.replace(/\/[\w-]{20,}/, '/<uid>')}`);
    // login prompt, then the consent prompt server.mjs grants at once, then back to the client
    expect(login).toEqual(['authorize GET /authorize', 'login GET /interaction/<uid>', 'decision POST /interaction/<uid>/login', 'login GET /authorize/<uid>', 'login GET /interaction/<uid>', 'decision GET /authorize/<uid>']);
    expect(JSON.stringify(get('state-tampered').exchanges)).not.toMatch(/password=(?!\[redacted)/);
  });

  it('refuses consent through the login page’s Cancel form (oidc-provider’s interaction abort)', () => {
    const abort = get('consent-denied').exchanges.find((e) => e.request.url.endsWith('/abort'))!;
    expect(abort.endpoint).toBe('decision');
    expect(get('consent-denied').exchanges.some((e) => /[?&]error=access_denied/.test(e.response.headers.location ?? ''))).toBe(true);
  });
});

describe.runIf(run)('runOnTarget(container:oidc-provider) on the profiles set through its own settings', () => {
  // one scenario (or more) per newly imitated profile, and scenario switch changes
  const ids = {
    'client-docusign-basic-only': 'docusign-like: Basic, paths under /oauth, the business API with the signature scope',
    'google-refresh-issued-once': 'google-like: issueRefreshToken with access_type=offline, once per user',
    'google-prompt-consent': 'google-like: prompt=consent earns a new refresh token',
    'google-issued-once-fixed-by-revoking-at-provider': "google-like: the user revokes the app's access at their account",
    'diagnosis-missing-refresh-token-no-refresh-support-control': 'billing-like: refresh.policy never',
    'basic-web-service': 'identity-service-like: the web service with the login and password',
    'client-identity-service-client-credentials': 'identity-service-like: client credentials on the business API',
    'diagnosis-pkce-required': 'rfc-strict with pkce.required (provider.switches): pkce.required',
  };
  let cases: Map<string, CaseResult>;

  it('passes each on the real server', async () => {
    const result = await runOnTarget({ target: 'container:oidc-provider', scenarios: Object.keys(ids).map(scenarioById), seed: 1 });
    cases = new Map(result.cases.map((c) => [c.id, c]));
    for (const c of result.cases) expect(`${c.id}: ${c.verdict} ${c.verdict === 'passed' ? '' : c.message}`.trim(), ids[c.id as keyof typeof ids]).toBe(`${c.id}: passed`);
  }, 300_000);

  it('answers at the profile’s paths and issues refresh tokens as the profile does', () => {
    const docusign = cases.get('client-docusign-basic-only')!.exchanges.find((e) => e.endpoint === 'token')!;
    expect(new URL(docusign.request.url).pathname).toBe('/oauth/token');
    const google = cases.get('google-refresh-issued-once')!.exchanges.filter((e) => e.endpoint === 'token').map((e) => JSON.parse(e.response.body!).refresh_token !== undefined);
    expect(google).toEqual([true, false]);
  });
});

describe.runIf(run)('startTarget(container:oidc-provider) errors', () => {
  it('says in one line that a base image is missing, and how to make it', async () => {
    const e = await startTarget(parseTarget('container:oidc-provider'), { baseImage: 'oauth-harness/no-such-base:0' }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(HarnessError);
    expect((e as HarnessError).message).toBe(
      'container:oidc-provider did not start: base image "oauth-harness/no-such-base:0" is not present and cannot be pulled offline; run `bash .ci/setup-docker.sh` as root to build debian:bookworm-slim with debootstrap',
    );
  });
});
