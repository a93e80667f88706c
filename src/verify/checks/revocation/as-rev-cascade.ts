import { defineCheck, fail, pass, skip } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { revoke } from '../../flows/grants.js';
import { obtainWatched, untilAccessTokenDead } from '../code/token-alive.js';

/** RFC 7009 §2.1: revoking a refresh token SHOULD also invalidate access tokens of the same grant. */
export default defineCheck({
  id: 'AS-REV-CASCADE',
  specRef: 'RFC 7009 §2.1',
  level: 'SHOULD',
  mode: 'UA',
  title: 'Revoking a refresh token also invalidates the access tokens of the same grant.',
  requires: ['endpoint:revocation_endpoint', 'user-agent'],
  async run(ctx) {
    const { tokens: t, obtainedAt, before } = await obtainWatched(ctx, obtainRefreshable);
    if (!before) return skip('access token state not observable (no introspection or resource server)');
    await revoke(ctx, t.refreshToken, { hint: 'refresh_token' });
    const w = await untilAccessTokenDead(ctx, t.accessToken, obtainedAt);
    if (!w.ok) fail('the access token of the revoked grant is still active', 'inactive', 'active');
    return pass();
  },
});
