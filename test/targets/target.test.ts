/**
 * `--target` parsing and the errors a user sees when a target cannot start: one line,
 * no stack trace, saying what is missing and how to get it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors/harness-error.js';
import { freeLoopbackPort } from '../../src/targets/containers/loopback.js';
import { imitableProfiles, parseTarget, startTarget, targetName } from '../../src/targets/target.js';

describe('parseTarget', () => {
  it.each([
    ['mock', { kind: 'mock' }],
    ['container:oidc-provider', { kind: 'container', server: 'oidc-provider' }],
    ['container:glewlwyd', { kind: 'container', server: 'glewlwyd' }],
    ['http://127.0.0.1:4000/realm/', { kind: 'url', issuer: 'http://127.0.0.1:4000/realm' }],
    ['https://as.example.com', { kind: 'url', issuer: 'https://as.example.com' }],
  ])('%s', (text, spec) => {
    expect(parseTarget(text)).toEqual(spec);
    expect(targetName(parseTarget(text))).toBe(text.replace(/\/+$/, ''));
  });

  it.each(['container:keycloak', 'docker', 'ftp://x', ''])('refuses %j with the accepted forms', (text) => {
    const e = (() => {
      try {
        parseTarget(text);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(HarnessError);
    expect((e as HarnessError).code).toBe('USAGE');
    expect((e as HarnessError).message).toMatch(/expected mock, container:oidc-provider, container:glewlwyd, container:lemonldap-ng, or an issuer URL/);
  });

  it('knows which profiles each server imitates', () => {
    expect(imitableProfiles(parseTarget('container:oidc-provider'))).toEqual(['rfc-strict', 'rotating-refresh', 'docusign-like', 'google-like', 'billing-like', 'identity-service-like']);
    expect(imitableProfiles(parseTarget('container:glewlwyd'))).toEqual(['rfc-strict', 'rotating-refresh']);
    expect(imitableProfiles(parseTarget('mock'))).toBe('any');
  });
});

describe('startTarget errors', () => {
  const saved = process.env.DOCKER_HOST;
  afterEach(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  });

  it('says in one line that no container runtime answers, and how to start one', async () => {
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
    const e = await startTarget(parseTarget('container:oidc-provider')).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(HarnessError);
    expect((e as HarnessError).code).toBe('TARGET_UNREACHABLE');
    expect((e as HarnessError).message).toBe(
      'container:oidc-provider needs a container runtime: no Docker socket at /nonexistent/docker.sock. Start Docker (offline: run `bash .ci/setup-docker.sh` as root) or set DOCKER_HOST.',
    );
  });

  it('refuses a profile the server cannot imitate before starting anything', async () => {
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
    await expect(startTarget(parseTarget('mock'), { profile: 'no-such-profile' })).rejects.toThrow(/cannot imitate profile "no-such-profile"/);
  });

  it('says what an issuer URL without metadata answered', async () => {
    const issuer = `http://127.0.0.1:${await freeLoopbackPort()}`;
    const e = await startTarget(parseTarget(issuer), { url: { client: { id: 'c', secret: 's', redirectUri: `${issuer}/cb` }, users: [] } }).catch((err: unknown) => err);
    expect((e as HarnessError).code).toBe('TARGET_UNREACHABLE');
    expect((e as HarnessError).message).toBe(`no metadata for issuer ${issuer}`);
    expect((e as HarnessError).problems[0]).toBe(`${issuer}/.well-known/openid-configuration: connect ECONNREFUSED ${issuer.slice(7)}`);
  });
});
