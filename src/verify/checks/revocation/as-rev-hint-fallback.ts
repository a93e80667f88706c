import { defineCheck, fail, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { revoke } from '../../flows/grants.js';
import { refreshTokenAlive } from '../code/token-alive.js';

/** RFC 7009 §2.1: a token not found under the hinted type is searched across all types. */
export default defineCheck({
  id: 'AS-REV-HINT-FALLBACK',
  specRef: 'RFC 7009 §2.1',
  level: 'MUST',
  mode: 'UA',
  title: 'A refresh token sent with token_type_hint=access_token is still found and revoked.',
  requires: ['endpoint:revocation_endpoint', 'user-agent'],
  async run(ctx) {
    const t = await obtainRefreshable(ctx);
    const r = await revoke(ctx, t.refreshToken, { hint: 'access_token' });
    if (r.res.status !== 200) fail(`revocation answered ${r.res.status}`, 200, r.res.status);
    if ((await refreshTokenAlive(ctx, t.refreshToken))?.alive) fail('the refresh token was not revoked under a wrong hint', 'revoked', 'still works');
    return pass();
  },
});
