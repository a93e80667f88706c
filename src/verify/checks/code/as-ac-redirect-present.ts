import { defineCheck, pass } from '../../check.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import { expectError } from '../expect.js';

/** RFC 6749 §4.1.3: if redirect_uri was in the authorization request, it is REQUIRED at the token endpoint. */
export default defineCheck({
  id: 'AS-AC-REDIRECT-PRESENT',
  specRef: 'RFC 6749 §4.1.3',
  level: 'MUST',
  mode: 'UA',
  title: 'A code requested with redirect_uri cannot be redeemed without redirect_uri.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const grant = await obtainCode(ctx);
    const r = await redeemCode(ctx, grant, { redirectUri: null });
    const pkce = grant.request.challenge ? ' (the code was bound with PKCE; OAuth 2.1 drafts relax this rule then)' : '';
    expectError(r, ['invalid_grant', 'invalid_request'], `redemption without redirect_uri${pkce}`, [400]);
    return pass();
  },
});
