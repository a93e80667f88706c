import { defineCheck, fail, pass } from '../../check.js';
import { buildAuthorization } from '../../flows/authorize.js';
import { land } from '../../flows/landing.js';
import { bogus } from '../../flows/random.js';

/**
 * RFC 9700 §4.11.2: even failing requests authenticate the user before redirecting, so the
 * server cannot be used as an unauthenticated bouncer (RFC 6749 §4.1.2.1 alone allows it).
 */
export default defineCheck({
  id: 'AS-AZ-NO-ERROR-REDIRECT-BEFORE-AUTH',
  specRef: 'RFC 9700 §4.11.2',
  level: 'MUST',
  mode: 'A',
  title: 'A request that will fail (bad scope, bad response_type) is not redirected back before the user logs in.',
  requires: ['endpoint:authorization_endpoint', 'redirect-uri'],
  async run(ctx) {
    const cases = [
      { what: 'an unknown scope', url: buildAuthorization(ctx, { scope: bogus('bogus-scope') }).url },
      { what: 'response_type=bogus', url: buildAuthorization(ctx, { responseType: 'bogus' }).url },
    ];
    for (const c of cases) {
      ctx.step(c.what);
      const l = await land(ctx, c.url);
      if (l.redirect) {
        fail(`a request with ${c.what} was redirected to ${l.redirect.url.split('?')[0]} without authenticating the user`, 'login page first', `redirect ${l.redirect.status}`);
      }
    }
    return pass();
  },
});
