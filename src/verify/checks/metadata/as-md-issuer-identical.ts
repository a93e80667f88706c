import { defineCheck, fail, pass } from '../../check.js';
import { requireOauthDocument } from './documents.js';

/** RFC 8414 §3.3: `issuer` is identical to the issuer the URL was built from (no normalisation). */
export default defineCheck({
  id: 'AS-MD-ISSUER-IDENTICAL',
  specRef: 'RFC 8414 §3.3, §4',
  level: 'MUST',
  mode: 'A',
  title: 'The metadata issuer is identical, code point for code point, to the configured issuer.',
  requires: [],
  async run(ctx) {
    const md = await requireOauthDocument(ctx);
    if (md.issuer !== ctx.issuer) fail('"issuer" differs from the issuer used for discovery', ctx.issuer, md.issuer ?? null);
    return pass();
  },
});
