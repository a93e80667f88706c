import { defineCheck, fail, inconclusive, pass } from '../../check.js';
import { tokenRequest } from '../../flows/token.js';
import { grantTypesSupported } from '../../metadata.js';

const NOT_OFFERED = ['unsupported_grant_type', 'unauthorized_client'];

/**
 * RFC 9700 §2.4: the resource owner password credentials grant MUST NOT be used. Offered
 * means listed in the metadata, or a token issued for the test user's real credentials
 * (F9), or `invalid_grant` for made-up ones (the server checked the password). A refusal
 * without a token is not an offer, whatever its error code (codes are AS-TOK-* rows).
 */
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
    const user = ctx.config.fixtures.user;
    ctx.step(user ? 'password grant with the test user' : 'password grant with made-up credentials');
    const r = await tokenRequest(ctx, { params: [['grant_type', 'password'], ['username', user?.username ?? 'x'], ['password', user?.password ?? 'y']] });
    const answer = `HTTP ${r.res.status}${r.error ? ` error=${r.error}` : ' without a JSON error'}`;
    if (r.ok || r.accessToken) fail(`grant_type=password issued a token (${answer})`, NOT_OFFERED, { status: r.res.status, access_token: 'present' });
    if (r.error !== undefined && NOT_OFFERED.includes(r.error)) return pass();
    if (!user) {
      if (r.error === 'invalid_grant') fail('grant_type=password was processed: made-up user credentials were checked (invalid_grant)', NOT_OFFERED, { status: r.res.status, error: r.error });
      return inconclusive(`grant_type=password was refused (${answer}) without saying that the grant is unsupported; without a test user (fixtures.user) the harness cannot tell whether real credentials would get a token`);
    }
    return pass(`refused for the test user's real credentials (${answer}; RFC 6749 §5.2 names unsupported_grant_type)`);
  },
});
