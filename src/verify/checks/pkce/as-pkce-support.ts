import { defineCheck, fail, pass } from '../../check.js';
import { obtainCode, obtainCodeAsRequirement, redeemCode } from '../../flows/code-grant.js';
import { createVerifier } from '../../flows/pkce.js';
import { expectToken } from '../expect.js';

/** RFC 9700 §2.1.1; RFC 8252 §6: PKCE is supported, i.e. actually enforced. */
export default defineCheck({
  id: 'AS-PKCE-SUPPORT',
  specRef: 'RFC 9700 §2.1.1; RFC 8252 §6',
  level: 'MUST',
  mode: 'UA',
  title: 'PKCE works: the right verifier redeems the code, a wrong one does not.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    ctx.step('right verifier');
    const a = await obtainCodeAsRequirement(ctx, { pkce: 'S256' }, 'an authorization request with a code_challenge');
    expectToken(await redeemCode(ctx, a), 'redemption with the matching code_verifier');
    ctx.step('wrong verifier');
    const b = await obtainCode(ctx, { pkce: 'S256' });
    const r = await redeemCode(ctx, b, { verifier: createVerifier() });
    if (r.ok) fail('a code bound to a challenge was redeemed with a wrong code_verifier: PKCE is ignored', 'invalid_grant', 'token issued');
    return pass();
  },
});
