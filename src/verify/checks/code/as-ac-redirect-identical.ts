import { defineCheck, pass } from '../../check.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import { expectError } from '../expect.js';

/** RFC 6749 §4.1.3, §10.6: the token request redirect_uri is identical to the authorization one. */
export default defineCheck({
  id: 'AS-AC-REDIRECT-IDENTICAL',
  specRef: 'RFC 6749 §4.1.3, §10.6; RFC 6819 §5.2.4.5',
  level: 'MUST',
  mode: 'UA',
  title: 'A code cannot be redeemed with a redirect_uri that differs (trailing slash) from the authorization request.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const grant = await obtainCode(ctx);
    const r = grant.request.redirectUri!;
    const variant = r.includes('?') ? r.replace('?', '/?') : `${r}/`;
    expectError(await redeemCode(ctx, grant, { redirectUri: variant }), ['invalid_grant'], `redemption with redirect_uri ${variant}`, [400]);
    return pass();
  },
});
