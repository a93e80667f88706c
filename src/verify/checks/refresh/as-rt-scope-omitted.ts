import { defineCheck, fail, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { refresh } from '../../flows/grants.js';
import { grantedScope, sameScopes } from '../token/granted-scope.js';
import { expectToken } from '../expect.js';

/** RFC 6749 §6: an omitted scope on refresh means the originally granted scope. */
export default defineCheck({
  id: 'AS-RT-SCOPE-OMITTED',
  specRef: 'RFC 6749 §6',
  level: 'MUST',
  derived: true,
  mode: 'UA',
  title: 'A refresh without scope yields the originally granted scope, not an empty or default one.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const t = await obtainRefreshable(ctx);
    const original = await grantedScope(ctx, t.token.body);
    const r = await refresh(ctx, t.refreshToken);
    expectToken(r, 'refresh without scope');
    const now = await grantedScope(ctx, r.body);
    if (original && now && !sameScopes(original.scopes, now.scopes)) {
      fail('the refreshed access token has another scope than the original grant', original.scopes.join(' '), `${now.scopes.join(' ')} (from ${now.source})`);
    }
    return pass(original && now ? undefined : 'scope not observable on one side; absence means unchanged');
  },
});
