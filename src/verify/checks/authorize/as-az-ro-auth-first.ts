import { defineCheck, fail, pass } from '../../check.js';
import { buildAuthorization } from '../../flows/authorize.js';
import { hideCode } from '../../flows/attempt.js';
import { land } from '../../flows/landing.js';

/** RFC 6749 §3.1; RFC 9700 §4.11.2: authenticate the resource owner before issuing a grant. */
export default defineCheck({
  id: 'AS-AZ-RO-AUTH-FIRST',
  specRef: 'RFC 6749 §3.1; RFC 9700 §4.11.2',
  level: 'MUST',
  mode: 'A',
  title: 'A browser without a session gets a login page, never a redirect carrying a code.',
  requires: ['endpoint:authorization_endpoint', 'redirect-uri'],
  async run(ctx) {
    const l = await land(ctx, buildAuthorization(ctx).url);
    if (l.redirect && /[?#&]code=/.test(l.redirect.url)) {
      fail('a code was issued to a browser that never logged in', 'login page', hideCode(l.redirect.url));
    }
    return pass(l.loginPage ? 'login page shown' : undefined);
  },
});
