import { defineCheck, fail, pass } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { expectError } from '../expect.js';

/** RFC 6749 §4.4, §4.4.2: only confidential, authenticated clients use client credentials. */
export default defineCheck({
  id: 'AS-CC-CONF-ONLY',
  specRef: 'RFC 6749 §4.4, §4.4.2',
  level: 'MUST',
  mode: 'A',
  title: 'client_credentials needs client authentication: none at all, or a public client, gets no token.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    ctx.step('no client authentication');
    const none = await clientCredentials(ctx, { auth: 'omit' });
    expectError(none, ['invalid_client'], 'client_credentials without any client authentication', [400, 401]);
    const pub = ctx.clients.public;
    if (pub) {
      ctx.step('public client');
      const r = await clientCredentials(ctx, { client: pub, auth: 'none' });
      if (r.ok || !['invalid_client', 'unauthorized_client'].includes(r.error ?? '')) {
        fail(
          `client_credentials for ${pub.label}: expected invalid_client or unauthorized_client, got HTTP ${r.res.status}${r.error ? ` error=${r.error}` : ''}`,
          ['invalid_client', 'unauthorized_client'],
          { status: r.res.status, error: r.error ?? null, token: r.ok },
        );
      }
    }
    return pass(pub ? undefined : 'public-client case not run (fixture F3 not configured)');
  },
});
