import { defineCheck, fail, pass } from '../../check.js';
import { buildAuthorization } from '../../flows/authorize.js';
import { land } from '../../flows/landing.js';

/** RFC 6749 §3.1: the authorization endpoint MUST support GET. */
export default defineCheck({
  id: 'AS-AZ-GET',
  specRef: 'RFC 6749 §3.1',
  level: 'MUST',
  mode: 'A',
  title: 'The authorization endpoint answers GET requests (login page or redirect to one, not 405).',
  requires: ['endpoint:authorization_endpoint', 'redirect-uri'],
  async run(ctx) {
    const l = await land(ctx, buildAuthorization(ctx).url);
    const first = l.hops[0]!;
    if (first.status === 405 || first.status >= 500) fail(`GET authorization request answered HTTP ${first.status}`, 'login page or redirect', first.status);
    return pass(l.loginPage ? 'login page reached' : undefined);
  },
});
