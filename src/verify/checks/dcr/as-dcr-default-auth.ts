import { defineCheck, fail, pass, skip } from '../../check.js';
import { randomToken } from '../../flows/random.js';
import { tokenRequest } from '../../flows/token.js';
import { registerClient } from './registration.js';

/** RFC 7591 §2: an omitted token_endpoint_auth_method defaults to client_secret_basic. */
export default defineCheck({
  id: 'AS-DCR-DEFAULT-AUTH',
  specRef: 'RFC 7591 §2',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'A client registered without token_endpoint_auth_method can authenticate with HTTP Basic.',
  requires: ['endpoint:registration_endpoint', 'endpoint:token_endpoint', 'fixture:F11'],
  async run(ctx) {
    const { body } = await registerClient(ctx);
    if (typeof body?.client_id !== 'string' || typeof body.client_secret !== 'string') return skip('the registration issued no client_id/client_secret');
    if (body.token_endpoint_auth_method !== undefined && body.token_endpoint_auth_method !== 'client_secret_basic') {
      fail('the default token_endpoint_auth_method is not client_secret_basic', 'client_secret_basic', body.token_endpoint_auth_method);
    }
    const client = { label: 'registered client', client_id: body.client_id, client_secret: body.client_secret, redirect_uris: [] };
    ctx.step('Basic authentication with the new client');
    const r = await tokenRequest(ctx, { client, auth: 'basic', params: [['grant_type', 'authorization_code'], ['code', randomToken()], ['redirect_uri', 'https://client.example/cb']] });
    if (r.error === 'invalid_client') fail('Basic authentication failed for a client registered with the default method', 'authenticated (invalid_grant for the dummy code)', 'invalid_client');
    return pass();
  },
});
