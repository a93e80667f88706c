import { defineCheck, fail, pass } from '../../check.js';
import { oidcDiscoveryUrl } from '../../metadata.js';

/** OIDC Discovery §4: the configuration endpoint SHOULD support CORS. */
export default defineCheck({
  id: 'OP-DISC-CORS',
  specRef: 'OIDC Discovery §4',
  level: 'SHOULD',
  mode: 'A',
  title: 'The OpenID configuration answers cross-origin requests (Access-Control-Allow-Origin).',
  requires: ['openid'],
  async run(ctx) {
    const res = await ctx.http.send({ url: oidcDiscoveryUrl(ctx.issuer), endpoint: 'metadata', headers: { origin: 'https://spa.example' } });
    const acao = res.headers.get('access-control-allow-origin');
    if (!acao) fail('no Access-Control-Allow-Origin on the configuration response', 'present', null);
    return pass();
  },
});
