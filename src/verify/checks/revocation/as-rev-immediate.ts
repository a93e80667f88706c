import { defineCheck, fail, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { eventually, revoke } from '../../flows/grants.js';
import { refreshTokenAlive } from '../code/token-alive.js';
import { expectStatus } from '../expect.js';

/** RFC 7009 §2.1: revocation takes effect immediately. */
export default defineCheck({
  id: 'AS-REV-IMMEDIATE',
  specRef: 'RFC 7009 §2.1',
  level: 'MUST',
  derived: true,
  mode: 'UA',
  title: 'A revoked refresh token fails right after the 200 (propagation tolerated up to the configured window).',
  requires: ['endpoint:revocation_endpoint', 'user-agent'],
  async run(ctx) {
    const t = await obtainRefreshable(ctx);
    expectStatus((await revoke(ctx, t.refreshToken)).res, 200, 'revocation');
    const w = await eventually(ctx, async () => !(await refreshTokenAlive(ctx, t.refreshToken))?.alive, ctx.config.propagationSeconds * 1000);
    if (!w.ok) fail(`the revoked refresh token still works after ${ctx.config.propagationSeconds} s`, 'invalid_grant', 'still works');
    return pass(w.waitedMs > 1000 ? `took ${Math.round(w.waitedMs / 1000)} s to take effect` : undefined);
  },
});
