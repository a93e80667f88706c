import { defineCheck, fail, pass, skip } from '../../check.js';
import { requireOpenidDocument } from '../metadata/documents.js';

/** OIDC Discovery §3: `token_endpoint_auth_signing_alg_values_supported` excludes `none`. */
export default defineCheck({
  id: 'OP-DISC-AUTH-SIGNING-NONE',
  specRef: 'OIDC Discovery §3',
  level: 'MUST',
  mode: 'A',
  title: 'The OpenID configuration does not list "none" for token endpoint authentication signing.',
  requires: ['openid'],
  async run(ctx) {
    const v = (await requireOpenidDocument(ctx)).token_endpoint_auth_signing_alg_values_supported;
    if (v === undefined) return skip('token_endpoint_auth_signing_alg_values_supported is not published');
    if (Array.isArray(v) && v.includes('none')) fail('the list contains "none"', 'no "none"', v);
    return pass();
  },
});
