import { defineCheck, fail, pass, skip } from '../../check.js';

/** RFC 8414 §2: `token_endpoint_auth_signing_alg_values_supported` MUST NOT contain `none`. */
export default defineCheck({
  id: 'AS-MD-AUTH-SIGNING-NONE',
  specRef: 'RFC 8414 §2',
  level: 'MUST',
  mode: 'A',
  title: 'token_endpoint_auth_signing_alg_values_supported does not list "none".',
  requires: [],
  async run(ctx) {
    const v = ctx.metadata.token_endpoint_auth_signing_alg_values_supported;
    if (v === undefined) return skip('token_endpoint_auth_signing_alg_values_supported is not published');
    if (Array.isArray(v) && v.includes('none')) fail('the list contains "none"', 'no "none"', v);
    return pass();
  },
});
