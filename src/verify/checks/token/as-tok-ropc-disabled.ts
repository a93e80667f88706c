import { defineCheck, fail, pass } from '../../check.js';
import { tokenRequest } from '../../flows/token.js';
import { grantTypesSupported } from '../../metadata.js';

/** RFC 9700 §2.4: the resource owner password credentials grant MUST NOT be used. */
export default defineCheck({
  id: 'AS-TOK-ROPC-DISABLED',
  specRef: 'RFC 9700 §2.4',
  level: 'MUST',
  mode: 'A',
  title: 'The resource owner password credentials grant is not offered.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const grants = grantTypesSupported(ctx.metadata);
    if (grants.includes('password')) fail('grant_types_supported lists password', 'no password grant', grants);
    const r = await tokenRequest(ctx, { params: [['grant_type', 'password'], ['username', 'x'], ['password', 'y']] });
    if (r.ok || (r.error !== 'unsupported_grant_type' && r.error !== 'unauthorized_client')) {
      fail(
        `grant_type=password was processed (HTTP ${r.res.status}${r.error ? ` error=${r.error}` : ''})`,
        ['unsupported_grant_type', 'unauthorized_client'],
        { status: r.res.status, error: r.error ?? null },
      );
    }
    return pass();
  },
});
