import { defineCheck, fail, pass, skip } from '../../check.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import { eventually } from '../../flows/grants.js';
import { requireToken } from '../expect.js';
import { accessTokenAlive, refreshTokenAlive, untilAccessTokenDead } from './token-alive.js';

/** RFC 6749 §4.1.2, §10.5: on a second redemption attempt, tokens already issued from the code SHOULD be revoked. */
export default defineCheck({
  id: 'AS-AC-REUSE-REVOKES',
  specRef: 'RFC 6749 §4.1.2, §10.5; RFC 6819 §5.2.1.1',
  level: 'SHOULD',
  mode: 'UA',
  title: 'Replaying a used code revokes the tokens that code produced.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const grant = await obtainCode(ctx, { refresh: true });
    const first = await redeemCode(ctx, grant);
    requireToken(first, 'first redemption');
    const obtainedAt = Date.now();
    ctx.step('replay the code');
    await redeemCode(ctx, grant);
    ctx.step('are the first tokens still alive?');
    const window = ctx.config.propagationSeconds * 1000;
    const at = await accessTokenAlive(ctx, first.accessToken!);
    if (at) {
      const r = await untilAccessTokenDead(ctx, first.accessToken!, obtainedAt);
      if (!r.ok) fail(`the access token from the replayed code is still active (checked via ${at.via})`, 'revoked', 'active');
      return pass();
    }
    if (first.refreshToken) {
      const r = await eventually(ctx, async () => !(await refreshTokenAlive(ctx, first.refreshToken!))?.alive, window);
      if (!r.ok) fail('the refresh token from the replayed code still works', 'revoked', 'refresh succeeded');
      return pass();
    }
    return skip('no way to observe the first tokens (no introspection, resource server or refresh token)');
  },
});
