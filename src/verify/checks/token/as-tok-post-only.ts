import { defineCheck, pass } from '../../check.js';
import { defaultAuth, tokenRequest } from '../../flows/token.js';
import { expectNoToken } from '../expect.js';

/** RFC 6749 §3.2: clients use POST; GET would put grants and credentials in URLs and logs. */
export default defineCheck({
  id: 'AS-TOK-POST-ONLY',
  specRef: 'RFC 6749 §3.2',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'The token endpoint does not issue tokens for GET requests.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    const url = new URL(ctx.endpoint('token_endpoint'));
    url.searchParams.set('grant_type', 'client_credentials');
    const scope = ctx.config.scopes.clientCredentials;
    if (scope) url.searchParams.set('scope', scope);
    // Authenticate the way the server accepts: Basic, or (a GET has no body) the body
    // credentials in the query, so a refusal is about the method, not the credentials.
    const client = ctx.clients.primary;
    const basic = defaultAuth(ctx, client) === 'basic';
    if (!basic) {
      url.searchParams.set('client_id', client.client_id);
      url.searchParams.set('client_secret', client.client_secret ?? '');
    }
    const r = await tokenRequest(ctx, { url: url.href, method: 'GET', params: [], auth: basic ? 'basic' : 'omit' });
    expectNoToken(r, `GET /token?grant_type=client_credentials with valid ${basic ? 'Basic credentials' : 'credentials in the query'}`);
    return pass(`GET answered ${r.res.status}`);
  },
});
