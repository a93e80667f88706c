import { defineCheck, fail, pass, skip } from '../../check.js';
import { endpointSchemes, requireOpenidDocument } from '../metadata/documents.js';

/** OIDC Discovery §3: authorization, token, userinfo, jwks and registration URLs use https. */
export default defineCheck({
  id: 'OP-DISC-HTTPS',
  specRef: 'OIDC Discovery §3',
  level: 'MUST',
  mode: 'A',
  title: 'The OpenID configuration URLs (authorization, token, userinfo, jwks, registration) are https.',
  requires: ['openid'],
  async run(ctx) {
    const md = await requireOpenidDocument(ctx);
    const { problems, allLocal } = endpointSchemes(ctx, md, ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'jwks_uri', 'registration_endpoint']);
    if (problems.length) fail(problems.join('; '), 'https', problems);
    if (allLocal) return skip('all URLs are plain http on loopback (a local test deployment)');
    return pass();
  },
});
