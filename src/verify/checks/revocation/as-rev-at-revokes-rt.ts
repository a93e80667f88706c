import { defineCheck, fail, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { revoke } from '../../flows/grants.js';
import { refreshTokenAlive } from '../code/token-alive.js';

/** RFC 7009 §2.1: revoking an access token MAY also revoke the related refresh token (feature detection). */
export default defineCheck({
  id: 'AS-REV-AT-REVOKES-RT',
  specRef: 'RFC 7009 §2.1',
  level: 'MAY',
  mode: 'UA',
  title: 'Revoking an access token also revokes its refresh token (optional behaviour, recorded).',
  requires: ['endpoint:revocation_endpoint', 'user-agent'],
  async run(ctx) {
    const t = await obtainRefreshable(ctx);
    await revoke(ctx, t.accessToken, { hint: 'access_token' });
    if ((await refreshTokenAlive(ctx, t.refreshToken))?.alive) fail('the refresh token survives the revocation of its access token', 'revoked (optional)', 'still works');
    return pass();
  },
});
