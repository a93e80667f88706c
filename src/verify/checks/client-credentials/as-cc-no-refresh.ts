import { defineCheck, fail, pass } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { requireToken } from '../expect.js';

/** RFC 6749 §4.4.3: a refresh token SHOULD NOT be included. */
export default defineCheck({
  id: 'AS-CC-NO-REFRESH',
  specRef: 'RFC 6749 §4.4.3',
  level: 'SHOULD',
  mode: 'A',
  title: 'Client credentials responses include no refresh token.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    const r = await clientCredentials(ctx);
    requireToken(r, 'client_credentials');
    if (r.body?.refresh_token !== undefined) fail('client_credentials response contains a refresh_token', 'absent', 'present');
    return pass();
  },
});
