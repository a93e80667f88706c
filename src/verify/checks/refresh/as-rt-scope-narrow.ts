import { defineCheck, fail, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { refresh } from '../../flows/grants.js';
import { sameScopes, tokenScope } from '../token/granted-scope.js';
import { expectToken } from '../expect.js';
import { narrowScope } from './scopes.js';

/** RFC 6749 §6, §3.3: a narrower scope may be requested; it is honoured or the granted scope stated. */
export default defineCheck({
  id: 'AS-RT-SCOPE-NARROW',
  specRef: 'RFC 6749 §6, §3.3',
  level: 'MUST',
  derived: true,
  mode: 'UA',
  title: 'A refresh with a narrower scope succeeds and yields that scope (or states the one granted).',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const narrow = narrowScope(ctx);
    const t = await obtainRefreshable(ctx);
    const r = await refresh(ctx, t.refreshToken, { scope: narrow.join(' ') });
    expectToken(r, `refresh with scope "${narrow.join(' ')}"`);
    if (typeof r.body?.scope === 'string') return pass(`granted "${r.body.scope}"`);
    const actual = await tokenScope(ctx, r.accessToken!);
    if (actual && !sameScopes(actual.scopes, narrow)) {
      fail('the new access token has another scope than requested and the response does not state it', narrow.join(' '), `${actual.scopes.join(' ')} (from ${actual.source})`);
    }
    return pass();
  },
});
