import { defineCheck, pass } from '../../check.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import { createVerifier } from '../../flows/pkce.js';
import { expectError } from '../expect.js';

/** RFC 7636 §4.4, §4.6: a verifier that does not match the challenge yields `invalid_grant`. */
export default defineCheck({
  id: 'AS-PKCE-MISMATCH',
  specRef: 'RFC 7636 §4.4, §4.6',
  level: 'MUST',
  mode: 'UA',
  title: 'A well-formed but wrong code_verifier gets invalid_grant.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const grant = await obtainCode(ctx, { pkce: 'S256' });
    expectError(await redeemCode(ctx, grant, { verifier: createVerifier() }), ['invalid_grant'], 'redemption with a wrong code_verifier', [400]);
    return pass();
  },
});
