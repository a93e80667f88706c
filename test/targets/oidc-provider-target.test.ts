/**
 * Catalog scenarios on a real oidc-provider: one container per imitated profile
 * (`rfc-strict` without rotation, `rotating-refresh` with it), the reference client over
 * HTTP, the login through oidc-provider's interaction form.
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

  it('runs the selected scenarios of both profiles, and skips the others with the reason', async () => {
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
      'api-call-with-bearer': 'skipped',
      'expired-token-refreshed-once': 'skipped',
      'facebook-get-query': 'skipped',
    });
    expect(result.cases.every((c) => c.target === 'container:oidc-provider')).toBe(true);
    expect(get('api-call-with-bearer').message).toBe('container:oidc-provider: steps[2]: serves no "rest" resource (callApi); it serves userinfo');
    expect(get('expired-token-refreshed-once').message).toBe("container:oidc-provider: steps[1]: cannot move a real server's clock (advanceClock)");
    expect(get('facebook-get-query').message).toBe('container:oidc-provider: imitates rfc-strict, rotating-refresh, not facebook-like');
    expect(get('redirect-uri-dropped-at-token').message).toBe('steps[0].expect.error: expected the client to report "invalid_grant", got "invalid_request"');
  });

  it('records the real server’s answers, redacted', () => {
    const userinfo = get('connect-userinfo').exchanges.find((e) => e.endpoint === 'userinfo')!;
    expect(userinfo.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/me$/);
    expect(userinfo.request.headers.authorization).toMatch(/^Bearer \[redacted:[0-9a-f]{8}\]$/);
    expect(JSON.parse(userinfo.response.body!)).toMatchObject({ sub: 'carol' });
    const secret = get('wrong-client-secret-basic').exchanges.find((e) => e.endpoint === 'token')!;
    expect(secret.response.status).toBe(401);
    expect(secret.response.headers['www-authenticate']).toMatch(/^Basic realm=/);
    const login = get('state-tampered').exchanges.filter((e) => e.from === 'user-agent').map((e) => `${e.endpoint} ${e.request.method} ${new URL(e.request.url).pathname.replace(/\/[\w-]{20,}/, '/<uid>')}`);
    // login prompt, then the consent prompt server.mjs grants at once, then back to the client
    expect(login).toEqual(['authorize GET /auth', 'login GET /interaction/<uid>', 'decision POST /interaction/<uid>/login', 'login GET /auth/<uid>', 'login GET /interaction/<uid>', 'decision GET /auth/<uid>']);
    expect(JSON.stringify(get('state-tampered').exchanges)).not.toMatch(/password=(?!\[redacted)/);
  });

  it('refuses consent through the login page’s Cancel form (oidc-provider’s interaction abort)', () => {
    const abort = get('consent-denied').exchanges.find((e) => e.request.url.endsWith('/abort'))!;
    expect(abort.endpoint).toBe('decision');
    expect(get('consent-denied').exchanges.some((e) => /[?&]error=access_denied/.test(e.response.headers.location ?? ''))).toBe(true);
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
