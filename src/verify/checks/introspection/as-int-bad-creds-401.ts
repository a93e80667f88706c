import { defineCheck, fail, pass } from '../../check.js';
import { introspect } from '../../flows/grants.js';
import { randomToken } from '../../flows/random.js';

/** RFC 7662 §2.3: invalid caller credentials produce 401 (with a challenge, RFC 6749 §5.2). */
export default defineCheck({
  id: 'AS-INT-BAD-CREDS-401',
  specRef: 'RFC 7662 §2.3',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'Introspection with a wrong client secret gets 401 with WWW-Authenticate.',
  requires: ['endpoint:introspection_endpoint'],
  async run(ctx) {
    const wrong = { ...ctx.clients.introspector, client_secret: 'WRONG-secret-value' };
    const r = await introspect(ctx, randomToken(), { client: wrong, auth: 'basic' });
    if (r.res.status !== 401) fail(`introspection with a wrong secret answered ${r.res.status}`, 401, r.res.status);
    if (!r.res.headers.get('www-authenticate')) fail('the 401 has no WWW-Authenticate header', 'WWW-Authenticate', null);
    return pass();
  },
});
