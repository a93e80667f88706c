import { defineCheck, fail, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { introspect } from '../../flows/grants.js';

/** RFC 7662 §2.1: a token not found under the hint is searched across all types. */
export default defineCheck({
  id: 'AS-INT-HINT-FALLBACK',
  specRef: 'RFC 7662 §2.1',
  level: 'MUST',
  mode: 'UA',
  title: 'A refresh token introspected with token_type_hint=access_token gives the same answer as without hint.',
  requires: ['endpoint:introspection_endpoint', 'user-agent'],
  async run(ctx) {
    const t = await obtainRefreshable(ctx);
    ctx.step('no hint');
    const plain = await introspect(ctx, t.refreshToken);
    ctx.step('wrong hint');
    const hinted = await introspect(ctx, t.refreshToken, { hint: 'access_token' });
    if (plain.active !== hinted.active) fail('a wrong hint changed the answer', { active: plain.active }, { active: hinted.active });
    return pass(plain.active === true ? undefined : 'refresh tokens are not introspectable (active:false either way)');
  },
});
