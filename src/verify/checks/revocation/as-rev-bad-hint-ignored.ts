import { defineCheck, fail, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { revoke } from '../../flows/grants.js';
import { refreshTokenAlive } from '../code/token-alive.js';

/** RFC 7009 §2.2: an unknown token_type_hint is ignored. */
export default defineCheck({
  id: 'AS-REV-BAD-HINT-IGNORED',
  specRef: 'RFC 7009 §2.2',
  level: 'MUST',
  derived: true,
  mode: 'UA',
  title: 'An unknown token_type_hint does not change the outcome: 200 and the token is revoked.',
  requires: ['endpoint:revocation_endpoint', 'user-agent'],
  async run(ctx) {
    const t = await obtainRefreshable(ctx);
    const r = await revoke(ctx, t.refreshToken, { hint: 'no_such_hint' });
    if (r.res.status !== 200) fail(`token_type_hint=no_such_hint answered ${r.res.status}${r.error ? ` ${r.error}` : ''}`, 200, r.res.status);
    if ((await refreshTokenAlive(ctx, t.refreshToken))?.alive) fail('the refresh token was not revoked', 'revoked', 'still works');
    return pass();
  },
});
