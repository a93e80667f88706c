import { defineCheck, fail, pass, skip } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { bogus } from '../../flows/random.js';
import { sameScopes, tokenScope } from './granted-scope.js';

/** RFC 6749 §3.3, §5.1: when the granted scope differs from the request, `scope` is REQUIRED. */
export default defineCheck({
  id: 'AS-TR-SCOPE-IF-DIFFERENT',
  specRef: 'RFC 6749 §3.3, §5.1',
  level: 'MUST',
  mode: 'A',
  title: 'When the granted scope differs from the requested one, the token response states it in scope.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    const requested = [...(ctx.config.scopes.clientCredentials ?? '').split(' ').filter(Boolean), bogus('no-such-scope')];
    const r = await clientCredentials(ctx, { scope: requested.join(' ') });
    if (!r.ok) return skip(`the server refused the partly unknown scope (HTTP ${r.res.status} ${r.error ?? ''}); nothing was granted`);
    if (typeof r.body?.scope === 'string') return pass();
    const granted = await tokenScope(ctx, r.accessToken!);
    if (granted && sameScopes(granted.scopes, requested)) return pass('the full requested scope was granted');
    fail(
      'a token was issued for a scope containing an unknown value, and the response has no "scope" member stating what was granted',
      { scope: 'present' },
      { scope: null, granted: granted ? `${granted.scopes.join(' ')} (from ${granted.source})` : 'unknown' },
    );
  },
});
