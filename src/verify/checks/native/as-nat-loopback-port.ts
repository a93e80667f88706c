import { defineCheck, fail, pass } from '../../check.js';
import { obtainCodeAsRequirement } from '../../flows/code-grant.js';
import { loopbackRedirect } from './loopback.js';

/** RFC 8252 §7.3; RFC 9700 §2.1: loopback IP redirect URIs accept any port at request time. */
export default defineCheck({
  id: 'AS-NAT-LOOPBACK-PORT',
  specRef: 'RFC 8252 §7.3; RFC 9700 §2.1, §4.1.3',
  level: 'MUST',
  mode: 'UA+CFG',
  title: 'A native client registered with http://127.0.0.1/cb may use any port at request time.',
  requires: ['endpoint:authorization_endpoint', 'user-agent', 'fixture:F6'],
  async run(ctx) {
    const { registered, port, withPort } = loopbackRedirect(ctx);
    const redirectUri = withPort(registered);
    const grant = await obtainCodeAsRequirement(ctx, { client: ctx.clients.native!, redirectUri }, `an authorization request with redirect_uri ${redirectUri} (port ${port})`);
    if (grant.response.url.port !== String(port)) fail('the redirect did not use the requested port', port, grant.response.url.port);
    return pass();
  },
});
