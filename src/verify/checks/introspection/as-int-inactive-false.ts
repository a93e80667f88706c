import { defineCheck, fail, pass } from '../../check.js';
import { introspect } from '../../flows/grants.js';
import { randomToken } from '../../flows/random.js';
import { metaString } from '../../metadata.js';
import { expiredTokenCase } from '../expiry.js';
import { revokeUntilInactive, validAccessToken } from './valid-token.js';

/** RFC 7662 §2.2, §2.3: unknown, revoked or expired tokens get 200 `{"active": false}`. */
export default defineCheck({
  id: 'AS-INT-INACTIVE-FALSE',
  specRef: 'RFC 7662 §2.2, §2.3',
  level: 'MUST',
  mode: 'UA+T',
  title: 'Unknown, revoked and expired tokens are reported as 200 {"active": false}, not as HTTP errors.',
  requires: ['endpoint:introspection_endpoint', 'endpoint:token_endpoint'],
  async run(ctx) {
    const notes: string[] = [];
    const expectInactive = async (what: string, token: string): Promise<void> => {
      ctx.step(what);
      const r = await introspect(ctx, token);
      if (r.res.status !== 200 || r.active !== false) fail(`introspection of ${what} answered ${r.res.status} active=${JSON.stringify(r.active)}`, { status: 200, active: false }, { status: r.res.status, active: r.active ?? null });
    };
    await expectInactive('an unknown token', randomToken());
    if (metaString(ctx.metadata, 'revocation_endpoint')) {
      await expectInactive('a revoked token', await revokeUntilInactive(ctx, await validAccessToken(ctx)));
    } else notes.push('revoked case skipped (no revocation endpoint)');
    const expired = await expiredTokenCase(ctx);
    if (expired.token) await expectInactive('an expired token', expired.token);
    else notes.push(expired.note ?? 'expired case not tested');
    return pass(notes.length ? notes.join('; ') : undefined);
  },
});
