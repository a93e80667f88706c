import { defineCheck, fail, pass } from '../../check.js';
import { expectError } from '../expect.js';
import { redeemAfterExpiry } from './expired-code.js';

/** RFC 6749 §4.1.2: a maximum code lifetime of 10 minutes is RECOMMENDED. */
export default defineCheck({
  id: 'AS-AC-CODE-10MIN',
  specRef: 'RFC 6749 §4.1.2',
  level: 'SHOULD',
  mode: 'UA+T',
  title: 'Authorization codes live at most 10 minutes (checked with the configured lifetime).',
  requires: ['endpoint:token_endpoint', 'user-agent', 'lifetime:code'],
  async run(ctx) {
    const lifetime = ctx.config.lifetimes.code!;
    if (lifetime > 600) fail(`the configured code lifetime is ${lifetime} s`, '≤ 600 s', lifetime);
    const { result, waitedSeconds } = await redeemAfterExpiry(ctx);
    expectError(result, ['invalid_grant'], `redemption ${waitedSeconds} s after issuance`, [400]);
    return pass();
  },
});
