import { defineCheck, fail, pass, skip } from '../../check.js';
import { metaString } from '../../metadata.js';
import { httpsProblem } from '../metadata/documents.js';

/** RFC 7009 §2: the published revocation endpoint is https. */
export default defineCheck({
  id: 'AS-REV-HTTPS',
  specRef: 'RFC 7009 §2',
  level: 'MUST',
  mode: 'A',
  title: 'The published revocation endpoint uses https.',
  requires: ['endpoint:revocation_endpoint'],
  async run(ctx) {
    const urls = [ctx.discovery.oauth.json, ctx.discovery.openid.json].map((d) => (d ? metaString(d, 'revocation_endpoint') : undefined)).filter((u): u is string => !!u);
    for (const u of urls) {
      const bad = httpsProblem(ctx, u);
      if (bad) fail(`revocation_endpoint: ${bad}`, 'https', u);
    }
    if (urls.every((u) => ctx.isLocalHttp(u))) return skip('revocation_endpoint is plain http on loopback (a local test deployment)');
    return pass();
  },
});
