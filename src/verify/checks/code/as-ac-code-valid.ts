import { defineCheck, pass } from '../../check.js';
import { randomToken } from '../../flows/random.js';
import { tokenRequest } from '../../flows/token.js';
import { expectError } from '../expect.js';

/** RFC 6749 §4.1.3, §5.2: unknown or forged codes are `invalid_grant`. */
export default defineCheck({
  id: 'AS-AC-CODE-VALID',
  specRef: 'RFC 6749 §4.1.3, §5.2',
  level: 'MUST',
  mode: 'A',
  title: 'A made-up authorization code is refused with invalid_grant.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const params: Array<[string, string]> = [['grant_type', 'authorization_code'], ['code', randomToken()]];
    if (ctx.clients.primary.redirect_uri) params.push(['redirect_uri', ctx.clients.primary.redirect_uri]);
    expectError(await tokenRequest(ctx, { params }), ['invalid_grant'], 'redemption of a random code', [400]);
    return pass();
  },
});
