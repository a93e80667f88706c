import { defineCheck, fail, pass } from '../../check.js';
import { obtainCodeAsRequirement } from '../../flows/code-grant.js';
import { s256 } from '../../flows/pkce.js';
import { randomToken } from '../../flows/random.js';
import { clientCredentials, tokenRequest } from '../../flows/token.js';
import { grantTypesSupported, metaString, metaStrings } from '../../metadata.js';

const POST_ENDPOINTS = ['revocation_endpoint', 'introspection_endpoint', 'token_endpoint'];
const GET_ENDPOINTS = ['userinfo_endpoint', 'jwks_uri', 'authorization_endpoint', 'end_session_endpoint'];

/** RFC 8414 §2: advertised grant types, PKCE methods and endpoints actually work. */
export default defineCheck({
  id: 'AS-MD-CONSISTENT',
  specRef: 'RFC 8414 §2',
  level: 'SHOULD',
  derived: true,
  mode: 'UA',
  title: 'Advertised grant types are accepted, advertised PKCE methods work, advertised endpoints exist.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const md = ctx.metadata;
    const notes: string[] = [];
    for (const g of grantTypesSupported(md)) {
      if (g === 'implicit' || g === 'password' || g === 'authorization_code') continue;
      ctx.step(`grant ${g}`);
      if (g === 'client_credentials') {
        const r = await clientCredentials(ctx);
        if (!r.ok) fail(`client_credentials is advertised but failed (HTTP ${r.res.status} ${r.error ?? ''})`, 200, r.res.status);
        continue;
      }
      const params: Array<[string, string]> = [['grant_type', g]];
      if (g === 'refresh_token') params.push(['refresh_token', randomToken()]);
      const r = await tokenRequest(ctx, { params });
      if (r.error === 'unsupported_grant_type') fail(`grant type ${g} is advertised but answered unsupported_grant_type`, 'supported', g);
    }
    if (ctx.ua && ctx.clients.primary.redirect_uri) {
      for (const m of metaStrings(md, 'code_challenge_methods_supported') ?? []) {
        if (m !== 'S256' && m !== 'plain') continue;
        ctx.step(`PKCE ${m}`);
        const verifier = randomToken(32);
        await obtainCodeAsRequirement(ctx, { pkce: { challenge: m === 'plain' ? verifier : s256(verifier), method: m, verifier } }, `code_challenge_method ${m} is advertised but the authorization request with it was refused`);
      }
    } else notes.push('PKCE methods not exercised (no login driver)');
    for (const name of [...POST_ENDPOINTS, ...GET_ENDPOINTS, 'registration_endpoint']) {
      const url = metaString(md, name);
      if (!url) continue;
      ctx.step(`${name} exists`);
      const method = POST_ENDPOINTS.includes(name) ? 'POST' : name === 'registration_endpoint' ? 'POST' : 'GET';
      const res = await ctx.http.send({ url, method, endpoint: name, ...(method === 'POST' ? (name === 'registration_endpoint' ? { json: {} } : { form: [] }) : {}) });
      if (res.status === 404) fail(`${name} ${url} is advertised but answers 404`, 'not 404', 404);
    }
    return pass(notes.length ? notes.join('; ') : undefined);
  },
});
