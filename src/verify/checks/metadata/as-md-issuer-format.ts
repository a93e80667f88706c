import { defineCheck, fail, pass } from '../../check.js';
import { httpsProblem } from './documents.js';

/** RFC 8414 §2: `issuer` is an https URL with no query and no fragment. */
export default defineCheck({
  id: 'AS-MD-ISSUER-FORMAT',
  specRef: 'RFC 8414 §2',
  level: 'MUST',
  mode: 'A',
  title: 'The issuer is an https URL without query or fragment.',
  requires: [],
  async run(ctx) {
    const issuer = ctx.metadata.issuer;
    if (typeof issuer !== 'string' || !URL.canParse(issuer)) fail('"issuer" is not a URL', 'https URL', issuer ?? null);
    const bad = httpsProblem(ctx, issuer);
    if (bad) fail(`"issuer": ${bad}`, 'https', issuer);
    if (issuer.includes('?') || issuer.includes('#')) fail('"issuer" has a query or fragment component', 'no query, no fragment', issuer);
    return pass(ctx.isLocalHttp(issuer) ? 'plain http accepted on loopback (local test deployment)' : undefined);
  },
});
