import { defineCheck, fail, pass } from '../../check.js';
import { requireOpenidDocument } from '../metadata/documents.js';

const RECOMMENDED = ['userinfo_endpoint', 'registration_endpoint', 'scopes_supported', 'claims_supported'];

/** OIDC Discovery §3: RECOMMENDED members. */
export default defineCheck({
  id: 'OP-DISC-RECOMMENDED',
  specRef: 'OIDC Discovery §3',
  level: 'SHOULD',
  mode: 'A',
  title: 'The OpenID configuration publishes userinfo_endpoint, registration_endpoint, scopes_supported and claims_supported.',
  requires: ['openid'],
  async run(ctx) {
    const md = await requireOpenidDocument(ctx);
    const missing = RECOMMENDED.filter((k) => md[k] === undefined);
    if (missing.length) fail(`not published: ${missing.join(', ')}`, RECOMMENDED, missing);
    return pass();
  },
});
