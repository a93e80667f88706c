import { defineCheck, fail, pass, skip } from '../../check.js';
import { introspect } from '../../flows/grants.js';
import { validAccessToken } from './valid-token.js';

/** RFC 7662 §4: callers SHOULD be specifically authorized to introspect. */
export default defineCheck({
  id: 'AS-INT-SPECIFIC-AUTHZ',
  specRef: 'RFC 7662 §4',
  level: 'SHOULD',
  mode: 'CFG',
  title: 'An ordinary client (not the configured resource-server client) cannot read token details.',
  requires: ['endpoint:introspection_endpoint', 'endpoint:token_endpoint', 'fixture:F10'],
  async run(ctx) {
    const ordinary = ctx.clients.second ?? ctx.clients.primary;
    if (ordinary.client_id === ctx.clients.introspector.client_id) return skip('needs fixtures.resourceServer.introspectionClient distinct from the ordinary clients');
    const r = await introspect(ctx, await validAccessToken(ctx), { client: ordinary });
    if (r.res.status === 200 && r.active === true) fail(`${ordinary.label} (no resource-server role) received token details`, '401/403 or no details', r.json ?? null);
    return pass(`answered ${r.res.status}`);
  },
});
