import { defineCheck, fail, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { revoke } from '../../flows/grants.js';
import { expectInvalidClientBasic } from '../expect.js';
import { refreshTokenAlive } from '../code/token-alive.js';

/** RFC 7009 §2.1; RFC 6749 §5.2: the revocation endpoint authenticates clients first. */
export default defineCheck({
  id: 'AS-REV-CLIENT-AUTH',
  specRef: 'RFC 7009 §2.1; RFC 6749 §5.2',
  level: 'MUST',
  derived: true,
  mode: 'UA',
  title: 'Revocation with a wrong client secret gets 401 invalid_client and leaves the token valid.',
  requires: ['endpoint:revocation_endpoint', 'user-agent'],
  async run(ctx) {
    const t = await obtainRefreshable(ctx);
    const wrong = { ...ctx.clients.primary, client_secret: 'WRONG-secret-value' };
    expectInvalidClientBasic(await revoke(ctx, t.refreshToken, { client: wrong, auth: 'basic' }), 'revocation with a wrong secret');
    if (!(await refreshTokenAlive(ctx, t.refreshToken))?.alive) fail('an unauthenticated revocation request revoked the token', 'still valid', 'revoked');
    return pass();
  },
});
