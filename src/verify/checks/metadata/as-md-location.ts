import { defineCheck, fail, pass } from '../../check.js';
import { fetchMetadataDocument } from '../../discovery.js';
import { fetchDocument, httpsProblem } from './documents.js';

/** RFC 8414 §3, §3.1: metadata at the issuer-derived well-known URL (inserted form), over HTTPS, for GET. */
export default defineCheck({
  id: 'AS-MD-LOCATION',
  specRef: 'RFC 8414 §3, §3.1',
  level: 'MUST',
  mode: 'A',
  title: 'Metadata is served at /.well-known/oauth-authorization-server (inserted before the issuer path) for GET.',
  requires: [],
  async run(ctx) {
    const doc = await fetchDocument(ctx, 'oauth');
    const bad = httpsProblem(ctx, doc.url);
    if (bad) fail(`metadata URL ${bad}`, 'https', doc.url);
    if (doc.status !== 200) fail(`GET ${doc.url} answered ${doc.error ?? `HTTP ${doc.status}`}`, 200, doc.status);
    let note: string | undefined;
    const path = new URL(ctx.issuer).pathname.replace(/\/$/, '');
    if (path) {
      const appended = await fetchMetadataDocument(ctx.http, `${ctx.issuer.replace(/\/$/, '')}/.well-known/oauth-authorization-server`);
      note = `the non-standard appended form ${appended.status === 200 ? 'also answers' : 'does not answer'}`;
    }
    return pass(note);
  },
});
