import { defineCheck, pass, skip } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { expectToken } from '../expect.js';

/** RFC 6749 §2.3.1: HTTP Basic client authentication is mandatory to support. */
export default defineCheck({
  id: 'AS-CA-BASIC',
  specRef: 'RFC 6749 §2.3.1',
  level: 'MUST',
  mode: 'A',
  title: 'The token endpoint accepts HTTP Basic authentication for a client with a secret.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    const c = ctx.clients.primary;
    if (c.authMethod === 'post') return skip(`${c.label} is registered for client_secret_post only (client.token_endpoint_auth_method): no client registered for Basic to test it with`);
    const r = await clientCredentials(ctx, { auth: 'basic' });
    expectToken(r, 'client_credentials with Authorization: Basic');
    return pass();
  },
});
