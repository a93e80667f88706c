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
    if (r.ok || r.error !== 'invalid_grant') fail('the revoked refresh token still works (or fails oddly)', 'invalid_grant', r.ok ? 'token issued' : (r.error ?? r.res.status));
    return pass();
  },
});
