import { defineCheck, fail, pass, skip } from '../../check.js';
import { metaString } from '../../metadata.js';
import { fetchDocument, httpsProblem } from '../metadata/documents.js';

/** Whether RFC 8414 metadata says the server is an OpenID Provider. */
function looksLikeOp(md: Record<string, unknown>): boolean {
  return (
    metaString(md, 'userinfo_endpoint') !== undefined ||
    md.id_token_signing_alg_values_supported !== undefined ||
    (Array.isArray(md.scopes_supported) && md.scopes_supported.includes('openid'))
  );
}

/** OIDC Discovery §4, §4.1: the configuration is at the appended well-known path, application/json, for GET. */
export default defineCheck({
  id: 'OP-DISC-LOCATION',
  specRef: 'OIDC Discovery §4, §4.1',
  level: 'MUST',
  mode: 'A',
  title: 'An OpenID Provider serves /.well-known/openid-configuration (appended to the issuer) as application/json.',
  requires: [],
  async run(ctx) {
    const doc = await fetchDocument(ctx, 'openid');
    if (doc.status !== 200) {
      if (ctx.discovery.oauth.json && looksLikeOp(ctx.discovery.oauth.json)) {
        fail(`the metadata describes an OpenID Provider but GET ${doc.url} answered ${doc.error ?? `HTTP ${doc.status}`}`, 200, doc.status);
      }
      return skip('no OpenID Connect configuration (not an OpenID Provider)');
    }
    const bad = httpsProblem(ctx, doc.url);
    if (bad) fail(`configuration URL ${bad}`, 'https', doc.url);
    if (doc.contentType !== 'application/json') fail(`Content-Type is ${doc.contentType ?? 'missing'}`, 'application/json', doc.contentType ?? null);
    if (!doc.json) fail('the configuration is not a JSON object', 'JSON object', 'other');
    return pass();
  },
});
