import { defineCheck, fail, pass } from '../../check.js';
import { runAuthorization } from '../../flows/authorize.js';
import { obtainCodeAsRequirement, redeemCode } from '../../flows/code-grant.js';
import { createVerifier } from '../../flows/pkce.js';
import { expectToken } from '../expect.js';

/** RFC 7636 §4.2, §4.6: plain MAY be supported; if it is, the comparison is exact. */
export default defineCheck({
  id: 'AS-PKCE-PLAIN',
  specRef: 'RFC 7636 §4.2, §4.6',
  level: 'MAY',
  mode: 'UA',
  title: 'code_challenge_method=plain: refused with invalid_request, or compared exactly.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const v = createVerifier();
    const first = await runAuthorization(ctx, { pkce: { challenge: v, method: 'plain', verifier: v } });
    const error = first.response?.get('error');
    if (!first.response?.get('code')) {
      if (error === 'invalid_request') return pass('plain is not supported');
      fail('plain was neither supported nor refused with invalid_request', 'a code or error=invalid_request', error ?? 'no redirect');
    }
    ctx.step('wrong plain verifier');
    const wrong = await redeemCode(ctx, { ...first, code: first.response!.get('code')!, response: first.response! }, { verifier: createVerifier() });
    if (wrong.ok) fail('with plain, a different verifier was accepted', 'invalid_grant', 'token issued');
    ctx.step('right plain verifier');
    const v2 = createVerifier();
    const second = await obtainCodeAsRequirement(ctx, { pkce: { challenge: v2, method: 'plain', verifier: v2 } }, 'a second authorization request with code_challenge_method=plain');
    expectToken(await redeemCode(ctx, second), 'redemption with the plain verifier');
    return pass('plain is supported and compared exactly');
  },
});
