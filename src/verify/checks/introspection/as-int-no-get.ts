import { defineCheck, fail, pass } from '../../check.js';
import { clientAuthentication } from '../../flows/token.js';
import { isJsonObject } from '../../../http/json.js';
import { validAccessToken } from './valid-token.js';

/** RFC 7662 §4: the server MAY refuse GET, which puts the token in the URL. */
export default defineCheck({
  id: 'AS-INT-NO-GET',
  specRef: 'RFC 7662 §4',
  level: 'MAY',
  mode: 'A',
  title: 'Introspection does not answer GET requests that carry the token in the query string.',
  requires: ['endpoint:introspection_endpoint', 'endpoint:token_endpoint'],
  async run(ctx) {
    const token = await validAccessToken(ctx);
    const client = ctx.clients.introspector;
    const { headers } = clientAuthentication(client, 'basic');
    const url = new URL(ctx.endpoint('introspection_endpoint'));
    url.searchParams.set('token', token);
    const res = await ctx.http.send({ method: 'GET', url: url.href, endpoint: 'introspection', headers });
    if (res.status === 200 && isJsonObject(res.json) && res.json.active === true) fail('GET with ?token= returned token details', 'refused', 'active: true');
    return pass(`GET answered ${res.status}`);
  },
});
