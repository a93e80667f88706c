import { defineCheck, fail, pass } from '../../check.js';
import { eventually, introspect, revocationWindowMs, revoke } from '../../flows/grants.js';
import { randomToken } from '../../flows/random.js';
import { metaString } from '../../metadata.js';
import { validAccessToken } from './valid-token.js';

/** RFC 7662 §2.2: no further information about inactive tokens. */
export default defineCheck({
  id: 'AS-INT-INACTIVE-MINIMAL',
  specRef: 'RFC 7662 §2.2',
  level: 'SHOULD',
  mode: 'A',
  title: 'An inactive-token response contains only "active": false.',
  requires: ['endpoint:introspection_endpoint'],
  async run(ctx) {
    const tokens: Array<[string, string]> = [['an unknown token', randomToken()]];
    if (metaString(ctx.metadata, 'revocation_endpoint') && metaString(ctx.metadata, 'token_endpoint')) {
      const t = await validAccessToken(ctx).catch(() => undefined);
      if (t) {
        const obtainedAt = Date.now();
        await revoke(ctx, t, { hint: 'access_token' });
        await eventually(ctx, async () => (await introspect(ctx, t)).active === false, revocationWindowMs(ctx, obtainedAt));
        tokens.push(['a revoked token', t]);
      }
    }
    for (const [what, token] of tokens) {
      ctx.step(what);
      const r = await introspect(ctx, token);
      if (r.active !== false || !r.json) continue;
      const extra = Object.keys(r.json).filter((k) => k !== 'active');
      if (extra.length) fail(`the inactive response for ${what} reveals ${extra.join(', ')}`, ['active'], Object.keys(r.json));
    }
    return pass();
  },
});
