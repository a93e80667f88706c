import { defineCheck, fail, pass, skip } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { SetupFailure } from '../../check.js';
import { eventually, revocationWindowMs, revoke } from '../../flows/grants.js';
import { accessTokenAlive } from '../code/token-alive.js';

/** RFC 7009 §2.1: revoking a refresh token SHOULD also invalidate access tokens of the same grant. */
export default defineCheck({
  id: 'AS-REV-CASCADE',
  specRef: 'RFC 7009 §2.1',
  level: 'SHOULD',
  mode: 'UA',
  title: 'Revoking a refresh token also invalidates the access tokens of the same grant.',
  requires: ['endpoint:revocation_endpoint', 'user-agent'],
  async run(ctx) {
    const t = await obtainRefreshable(ctx);
    const obtainedAt = Date.now();
    const before = await accessTokenAlive(ctx, t.accessToken);
    if (!before) return skip('access token state not observable (no introspection or resource server)');
    if (!before.alive) throw new SetupFailure(`the fresh access token is already inactive (${before.via})`);
    await revoke(ctx, t.refreshToken, { hint: 'refresh_token' });
    const w = await eventually(ctx, async () => !(await accessTokenAlive(ctx, t.accessToken))?.alive, revocationWindowMs(ctx, obtainedAt));
    if (!w.ok) fail('the access token of the revoked grant is still active', 'inactive', 'active');
    return pass();
  },
});
