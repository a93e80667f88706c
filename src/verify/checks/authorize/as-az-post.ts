import { defineCheck, fail, pass } from '../../check.js';
import { buildAuthorization } from '../../flows/authorize.js';
import { land } from '../../flows/landing.js';

/** RFC 6749 §3.1: the authorization endpoint MAY support POST. */
export default defineCheck({
  id: 'AS-AZ-POST',
  specRef: 'RFC 6749 §3.1',
  level: 'MAY',
  mode: 'A',
  title: 'POST to the authorization endpoint: supported like GET, or refused cleanly.',
  requires: ['endpoint:authorization_endpoint', 'redirect-uri'],
  async run(ctx) {
    const u = new URL(buildAuthorization(ctx).url);
    const body = u.search.slice(1);
    u.search = '';
    const l = await land(ctx, u.href, { method: 'POST', body });
    const first = l.hops[0]!;
    if (first.status >= 500) fail(`POST authorization request answered HTTP ${first.status}`, '< 500', first.status);
    if (l.redirect && new URL(l.redirect.url).searchParams.has('code')) {
      fail('POST authorization request issued a code without a login', 'login first', 'code');
    }
    return pass(first.status === 405 ? 'POST not supported (405)' : l.loginPage ? 'POST supported' : `POST answered ${first.status}`);
  },
});
