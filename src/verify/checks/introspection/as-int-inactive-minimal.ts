import { defineCheck, fail, pass } from '../../check.js';
import { introspect } from '../../flows/grants.js';
import { randomToken } from '../../flows/random.js';
import { metaString } from '../../metadata.js';
import { revokeUntilInactive, validAccessToken } from './valid-token.js';

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
      if (t) tokens.push(['a revoked token', await revokeUntilInactive(ctx, t)]);
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
