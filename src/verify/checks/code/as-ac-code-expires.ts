import { defineCheck, pass } from '../../check.js';
import { expectError } from '../expect.js';
import { redeemAfterExpiry } from './expired-code.js';

/** RFC 6749 §4.1.2, §10.5: codes expire shortly after issuance. */
export default defineCheck({
  id: 'AS-AC-CODE-EXPIRES',
  specRef: 'RFC 6749 §4.1.2, §10.5',
  level: 'MUST',
  mode: 'UA+T',
  title: 'An authorization code redeemed after its lifetime is refused with invalid_grant.',
  requires: ['endpoint:token_endpoint', 'user-agent', 'lifetime:code'],
  async run(ctx) {
    const { result, waitedSeconds } = await redeemAfterExpiry(ctx);
    expectError(result, ['invalid_grant'], `redemption ${waitedSeconds} s after issuance`, [400]);
    return pass();
  },
});
