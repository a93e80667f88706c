import { defineCheck, fail, pass, skip } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { tokenAuthMethods } from '../../metadata.js';

/** RFC 6749 §2.3.1: the server MAY accept credentials in the form body (client_secret_post). */
export default defineCheck({
  id: 'AS-CA-POST-BODY',
  specRef: 'RFC 6749 §2.3.1',
  level: 'MAY',
  mode: 'A',
  title: 'Client credentials in the request body (client_secret_post): supported, or refused with invalid_client.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    const c = ctx.clients.primary;
    if (c.authMethod === 'basic') return skip(`${c.label} is registered for client_secret_basic only (client.token_endpoint_auth_method): body credentials are refused for it by design`);
    const r = await clientCredentials(ctx, { auth: 'post' });
    const advertised = c.authMethod === 'post' || tokenAuthMethods(ctx.metadata).includes('client_secret_post');
    if (r.ok) return pass('client_secret_post is supported');
    if (r.error === 'invalid_client' && !advertised) return pass('client_secret_post is not supported (not advertised either)');
    fail(
      advertised
        ? `client_secret_post is advertised in token_endpoint_auth_methods_supported but body credentials were refused (HTTP ${r.res.status} ${r.error ?? ''})`
        : `body credentials: expected a token or invalid_client, got HTTP ${r.res.status}${r.error ? ` error=${r.error}` : ''}`,
      advertised ? { status: 200 } : { status: [200, 400, 401], error: 'invalid_client' },
      { status: r.res.status, error: r.error },
    );
  },
});
