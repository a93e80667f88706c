import { defineCheck, pass } from '../../check.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import { expectError } from '../expect.js';

/** RFC 7636 §4.5: the method bound at authorization time is used; a token-time switch is ignored. */
export default defineCheck({
  id: 'AS-PKCE-METHOD-BOUND',
  specRef: 'RFC 7636 §4.5',
  level: 'MUST',
  mode: 'UA',
  title: 'Sending the S256 challenge as a plain verifier (with code_challenge_method=plain) fails.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const grant = await obtainCode(ctx, { pkce: 'S256' });
    const r = await redeemCode(ctx, grant, { verifier: grant.request.challenge!, extra: [['code_challenge_method', 'plain']] });
    expectError(r, ['invalid_grant'], 'redemption with code_verifier=<challenge> and code_challenge_method=plain', [400]);
    return pass();
  },
});
