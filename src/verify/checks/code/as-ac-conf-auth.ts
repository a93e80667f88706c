import { defineCheck, pass } from '../../check.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import { expectError } from '../expect.js';

/** RFC 6749 §4.1.3: confidential clients authenticate when redeeming a code. */
export default defineCheck({
  id: 'AS-AC-CONF-AUTH',
  specRef: 'RFC 6749 §4.1.3',
  level: 'MUST',
  mode: 'UA',
  title: 'A confidential client cannot redeem its code with only its client_id.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const grant = await obtainCode(ctx);
    expectError(await redeemCode(ctx, grant, { auth: 'none' }), ['invalid_client'], 'redemption with client_id and no secret', [400, 401]);
    ctx.step('authenticated redemption afterwards (recorded, not judged)');
    const after = await redeemCode(ctx, grant);
    return pass(after.ok ? 'the code was still redeemable afterwards (unspecified, oauth-wg/oauth-v2-1#82)' : 'the failed attempt consumed the code');
  },
});
