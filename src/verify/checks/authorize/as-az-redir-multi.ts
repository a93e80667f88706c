import { defineCheck, fail, pass } from '../../check.js';
import { attemptAuthorization } from '../../flows/attempt.js';

/** RFC 6749 §3.1.2.3: with several registered redirect URIs, `redirect_uri` is required. */
export default defineCheck({
  id: 'AS-AZ-REDIR-MULTI',
  specRef: 'RFC 6749 §3.1.2.3',
  level: 'MUST',
  derived: true,
  mode: 'CFG',
  title: 'A client with several redirect URIs must send redirect_uri; the server does not pick one.',
  requires: ['endpoint:authorization_endpoint', 'fixture:F5'],
  async run(ctx) {
    const client = ctx.clients.multiRedirect!;
    const o = await attemptAuthorization(ctx, { client, redirectUri: null });
    if (o.redirect) fail(`without redirect_uri the server redirected ${client.label} to ${o.redirect.url.split('?')[0]}`, 'an error page', o.summary);
    return pass(o.summary);
  },
});
