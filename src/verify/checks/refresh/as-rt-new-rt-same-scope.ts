import { defineCheck, fail, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { refresh } from '../../flows/grants.js';
import { grantedScope, sameScopes } from '../token/granted-scope.js';
import { requireToken, expectToken } from '../expect.js';
import { narrowScope } from './scopes.js';

/** RFC 6749 §6: a new refresh token keeps the full scope of the one it replaces. */
export default defineCheck({
  id: 'AS-RT-NEW-RT-SAME-SCOPE',
  specRef: 'RFC 6749 §6',
  level: 'MUST',
  mode: 'UA',
  title: 'After a narrowed refresh, the (new) refresh token still carries the original scope.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const narrow = narrowScope(ctx);
    const t = await obtainRefreshable(ctx);
    const original = await grantedScope(ctx, t.token.body);
    ctx.step('narrowed refresh');
    const r1 = await refresh(ctx, t.refreshToken, { scope: narrow.join(' ') });
    requireToken(r1, 'narrowed refresh');
    const rt1 = r1.refreshToken ?? t.refreshToken;
    ctx.step('refresh without scope');
    const r2 = await refresh(ctx, rt1);
    expectToken(r2, 'refresh without scope after the narrowed one');
    const now = await grantedScope(ctx, r2.body);
    if (original && now && !sameScopes(original.scopes, now.scopes)) {
      fail('the refresh token lost scope after a narrowed refresh', original.scopes.join(' '), `${now.scopes.join(' ')} (from ${now.source})`);
    }
    return pass();
  },
});
