/**
 * `verify` against `oauth-harness serve` itself (the command's own start-up path, no extra
 * fixtures): with only the printed issuer, client, secret and user, the login-driven and
 * plain-HTTP checks run and pass on rfc-strict, and a quirk profile's deviation is caught.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand, type ServeInfo } from '../../src/cli/commands/serve.js';
import { runVerify } from '../../src/verify/index.js';

const ONLY = ['AS-TR-NO-STORE', 'AS-TR-200-JSON', 'AS-AZ-ACCESS-DENIED', 'AS-AC-SINGLE-USE', 'AS-AC-REDIRECT-IDENTICAL', 'AS-REV-INVALID-TOKEN-200', 'AS-AZ-REDIR-EXACT'];

describe('verify against oauth-harness serve', () => {
  let served: { info: ServeInfo; close: () => Promise<void> };
  beforeAll(async () => {
    served = await serveCommand({ profile: ['rfc-strict', 'google-like'], port: '0', host: '127.0.0.1', seed: '1' });
  });
  afterAll(async () => {
    await served?.close();
  });

  const run = (profile: string) => {
    const i = served.info.issuers.find((x) => x.profile === profile)!;
    const user = i.users[0]!;
    return runVerify({
      issuer: i.issuer,
      plan: 'bcp',
      only: ONLY,
      client: { client_id: i.client_id, client_secret: i.client_secret!, redirect_uri: i.redirect_uris[0]! },
      scopes: profile === 'rfc-strict' ? { default: 'read', clientCredentials: 'read write' } : { default: 'openid', clientCredentials: 'openid email' },
      fixtures: { user: { username: user.username, password: user.password } },
      login: { kind: 'form', fields: { username: '{{username}}', password: '{{password}}' } },
    });
  };

  it('rfc-strict: the served login form works and every selected check passes', async () => {
    const r = await run('rfc-strict');
    expect(r.cases.map((c) => c.id).sort()).toEqual([...ONLY].sort());
    expect(r.cases.filter((c) => c.verdict !== 'passed').map((c) => `${c.id}: ${c.verdict} ${c.message ?? ''}`)).toEqual([]);
  }, 60_000);

  it('google-like: revocation answering 400 invalid_token is caught by AS-REV-INVALID-TOKEN-200', async () => {
    const r = await run('google-like');
    const failed = r.cases.filter((c) => c.verdict === 'failed' && c.severity === 'fail').map((c) => c.id);
    expect(failed).toEqual(['AS-REV-INVALID-TOKEN-200']);
  }, 60_000);
});
