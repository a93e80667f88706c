import { defineCheck, fail, pass, skip } from '../../check.js';
import { obtainCodeAsRequirement } from '../../flows/code-grant.js';

/** RFC 6749 §3.1.2: the query component of a registered redirect URI is retained. */
export default defineCheck({
  id: 'AS-AZ-REDIR-KEEP-QUERY',
  specRef: 'RFC 6749 §3.1.2',
  level: 'MUST',
  mode: 'UA+CFG',
  title: 'A query in the registered redirect URI is kept when code and state are added.',
  requires: ['endpoint:authorization_endpoint', 'user-agent', 'fixture:F5'],
  async run(ctx) {
    const client = ctx.clients.multiRedirect!;
    const withQuery = client.redirect_uris.find((u) => new URL(u).search);
    if (!withQuery) return skip(`${client.label} has no redirect URI with a query component`);
    const grant = await obtainCodeAsRequirement(ctx, { client, redirectUri: withQuery }, `an authorization request with the registered redirect URI ${withQuery}`);
    const q = grant.response.query;
    for (const [k, v] of new URL(withQuery).searchParams) {
      if (q.get(k) !== v) fail(`the redirect dropped ${k}=${v} from the registered redirect URI`, `${k}=${v}`, q.get(k));
    }
    if (!q.get('code') || (grant.request.state !== undefined && q.get('state') !== grant.request.state)) {
      fail('the redirect query lacks code or state', 'code and state in the query', [...q.keys()]);
    }
    return pass();
  },
});
