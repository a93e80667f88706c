import { defineCheck, fail, pass, skip } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { bogus } from '../../flows/random.js';
import { expectToken } from '../expect.js';

/**
 * RFC 6749 §3.2.1: a `client_id` body parameter next to Basic is identification, not a
 * second method; it must be accepted when it matches and refused when it differs.
 */
export default defineCheck({
  id: 'AS-CA-CLIENTID-WITH-BASIC',
  specRef: 'RFC 6749 §3.2.1',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'A client_id body parameter matching the Basic credentials is accepted; a different one is refused.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    const a = ctx.clients.primary;
    if (a.authMethod === 'post') return skip(`${a.label} is registered for client_secret_post only (client.token_endpoint_auth_method): no Basic credentials to pair a client_id with`);
    ctx.step('matching client_id');
    const same = await clientCredentials(ctx, { auth: 'basic', extra: [['client_id', a.client_id]] });
    expectToken(same, 'Basic(A) + body client_id=A');
    ctx.step('different client_id');
    const other = ctx.clients.second?.client_id ?? bogus('other-client');
    const diff = await clientCredentials(ctx, { auth: 'basic', extra: [['client_id', other]] });
    const refused = (diff.res.status === 400 && diff.error === 'invalid_request') || (diff.res.status === 401 && diff.error === 'invalid_client');
    if (diff.ok || !refused) {
      fail(
        `Basic(A) + body client_id=B: expected 400 invalid_request or 401 invalid_client, got HTTP ${diff.res.status}${diff.error ? ` error=${diff.error}` : ''}${diff.ok ? ' with a token' : ''}`,
        { status: [400, 401], error: ['invalid_request', 'invalid_client'] },
        { status: diff.res.status, error: diff.error, token: diff.ok },
      );
    }
    return pass();
  },
});
