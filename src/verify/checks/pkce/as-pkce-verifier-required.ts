import { defineCheck, pass } from '../../check.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import { expectError } from '../expect.js';

/** RFC 7636 §4.5; RFC 9700 §2.1.1: after a code_challenge, the token request must carry the verifier. */
export default defineCheck({
  id: 'AS-PKCE-VERIFIER-REQUIRED',
  specRef: 'RFC 7636 §4.5; RFC 9700 §2.1.1',
  level: 'MUST',
  mode: 'UA',
  title: 'A code requested with a code_challenge cannot be redeemed without code_verifier.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const grant = await obtainCode(ctx, { pkce: 'S256' });
    expectError(await redeemCode(ctx, grant, { verifier: null }), ['invalid_grant', 'invalid_request'], 'redemption without code_verifier', [400]);
    return pass();
  },
});
