import { defineCheck, pass } from '../../check.js';
import { refresh } from '../../flows/grants.js';
import { randomToken } from '../../flows/random.js';
import { expectError } from '../expect.js';

/** RFC 6749 §6: invalid refresh tokens are `invalid_grant`. */
export default defineCheck({
  id: 'AS-RT-VALIDATE',
  specRef: 'RFC 6749 §6',
  level: 'MUST',
  mode: 'A',
  title: 'A made-up refresh token is refused with invalid_grant.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    expectError(await refresh(ctx, randomToken()), ['invalid_grant'], 'refresh with a random token', [400]);
    return pass();
  },
});
