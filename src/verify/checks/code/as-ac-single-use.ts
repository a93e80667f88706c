import { defineCheck, pass } from '../../check.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import { expectError, requireToken } from '../expect.js';

/** RFC 6749 §4.1.2, §10.5: a code is redeemed once; further use is denied. */
export default defineCheck({
  id: 'AS-AC-SINGLE-USE',
  specRef: 'RFC 6749 §4.1.2, §10.5; RFC 6819 §5.1.5.4',
  level: 'MUST',
  mode: 'UA',
  title: 'An authorization code can be redeemed only once.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const grant = await obtainCode(ctx);
    ctx.step('first redemption');
    requireToken(await redeemCode(ctx, grant), 'first redemption');
    ctx.step('second redemption');
    expectError(await redeemCode(ctx, grant), ['invalid_grant'], 'second redemption of the same code', [400]);
    return pass();
  },
});
