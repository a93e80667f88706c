import { defineCheck, fail, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { refresh, revoke } from '../../flows/grants.js';
import { expectStatus } from '../expect.js';

/** RFC 7009 §2: refresh tokens MUST be revocable. */
export default defineCheck({
  id: 'AS-REV-RT',
  specRef: 'RFC 7009 §2',
  level: 'MUST',
  mode: 'UA',
  title: 'A revoked refresh token can no longer be used.',
  requires: ['endpoint:revocation_endpoint', 'user-agent'],
  async run(ctx) {
    const t = await obtainRefreshable(ctx);
    ctx.step('revoke');
    expectStatus((await revoke(ctx, t.refreshToken, { hint: 'refresh_token' })).res, 200, 'revocation of a refresh token');
    ctx.step('use the revoked token');
    const r = await refresh(ctx, t.refreshToken);
    // the requirement: no token for a revoked refresh token; the error's shape is AS-RT-VALIDATE's and AS-TOK-ERROR-FORMAT's
    if (r.ok || r.accessToken) fail('the revoked refresh token still works: a refresh with it issued a token', 'no token (invalid_grant)', { status: r.res.status, access_token: 'present' });
    if (r.error === 'invalid_grant') return pass();
    return pass(`refused, with HTTP ${r.res.status}${r.error ? ` error=${r.error}` : ' without a JSON error'} instead of invalid_grant (see AS-RT-VALIDATE)`);
  },
});
