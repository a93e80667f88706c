import { defineCheck, fail, pass } from '../../check.js';
import { obtainTokens } from '../../flows/code-grant.js';
import { revoke } from '../../flows/grants.js';
import { obtainWatched, untilAccessTokenDead } from '../code/token-alive.js';

/** RFC 7009 §2: access tokens SHOULD be revocable. */
export default defineCheck({
  id: 'AS-REV-AT',
  specRef: 'RFC 7009 §2',
  level: 'SHOULD',
  mode: 'UA',
  title: 'A revoked access token stops working (introspection inactive or resource server 401).',
  requires: ['endpoint:revocation_endpoint', 'user-agent'],
  async run(ctx) {
    const { tokens: t, obtainedAt, before } = await obtainWatched(ctx, obtainTokens);
    const r = await revoke(ctx, t.accessToken, { hint: 'access_token' });
    if (r.res.status !== 200) fail(`revocation of an access token answered ${r.res.status}${r.error ? ` ${r.error}` : ''}`, 200, r.res.status);
    ctx.step('is the access token still alive?');
    if (!before) return pass('revocation accepted; its effect is not observable (no introspection or resource server)');
    const w = await untilAccessTokenDead(ctx, t.accessToken, obtainedAt);
    if (!w.ok) fail(`the revoked access token is still active after ${ctx.config.propagationSeconds} s`, 'inactive', 'active');
    return pass(w.waitedMs > 1000 ? `took effect after ${Math.round(w.waitedMs / 1000)} s` : undefined);
  },
});
