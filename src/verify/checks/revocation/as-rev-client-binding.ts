import { defineCheck, fail, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { revoke } from '../../flows/grants.js';
import { refreshTokenAlive } from '../code/token-alive.js';

/** RFC 7009 §2.1: a client can only revoke its own tokens. */
export default defineCheck({
  id: 'AS-REV-CLIENT-BINDING',
  specRef: 'RFC 7009 §2.1',
  level: 'MUST',
  derived: true,
  mode: 'UA+CFG',
  title: "Client B cannot revoke client A's refresh token.",
  requires: ['endpoint:revocation_endpoint', 'user-agent', 'fixture:F2'],
  async run(ctx) {
    const t = await obtainRefreshable(ctx);
    const r = await revoke(ctx, t.refreshToken, { client: ctx.clients.second! });
    if (!(await refreshTokenAlive(ctx, t.refreshToken))?.alive) fail(`${ctx.clients.second!.label} revoked ${ctx.clients.primary.label}'s refresh token`, 'token still valid', 'revoked');
    return pass(r.res.status === 200 ? 'refused silently with 200 (an error response such as unauthorized_client is preferable)' : `refused with ${r.res.status} ${r.error ?? ''}`);
  },
});
