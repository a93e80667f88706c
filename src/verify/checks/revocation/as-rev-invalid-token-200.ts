import { defineCheck, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { revoke } from '../../flows/grants.js';
import { randomToken } from '../../flows/random.js';
import { expectStatus } from '../expect.js';

/** RFC 7009 §2.2: invalid, unknown or already-revoked tokens get 200. */
export default defineCheck({
  id: 'AS-REV-INVALID-TOKEN-200',
  specRef: 'RFC 7009 §2.2',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'Revoking an unknown or already-revoked token answers 200.',
  requires: ['endpoint:revocation_endpoint'],
  async run(ctx) {
    ctx.step('unknown token');
    expectStatus((await revoke(ctx, randomToken())).res, 200, 'revocation of an unknown token');
    if (!ctx.ua || !ctx.clients.primary.redirect_uri) return pass('double revocation not tried (no login driver)');
    const t = await obtainRefreshable(ctx);
    ctx.step('revoke twice');
    expectStatus((await revoke(ctx, t.refreshToken)).res, 200, 'first revocation');
    expectStatus((await revoke(ctx, t.refreshToken)).res, 200, 'second revocation of the same token');
    return pass();
  },
});
