import { defineCheck, pass } from '../../check.js';
import { tokenRequest } from '../../flows/token.js';
import { expectNoToken } from '../expect.js';

/** RFC 6749 §2.3.1: credentials belong in the header or body, never in the request URI. */
export default defineCheck({
  id: 'AS-CA-NO-URI-CREDS',
  specRef: 'RFC 6749 §2.3.1',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'Client credentials placed in the token endpoint URI are not accepted.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    const c = ctx.clients.primary;
    const url = new URL(ctx.endpoint('token_endpoint'));
    url.searchParams.set('client_id', c.client_id);
    url.searchParams.set('client_secret', c.client_secret!);
    const r = await tokenRequest(ctx, { url: url.href, auth: 'omit', params: [['grant_type', 'client_credentials']] });
    expectNoToken(r, 'POST /token?client_id=…&client_secret=… with no other credentials');
    return pass();
  },
});
