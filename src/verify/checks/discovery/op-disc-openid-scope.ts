import { defineCheck, fail, pass } from '../../check.js';
import { obtainTokens } from '../../flows/code-grant.js';
import { requireOpenidDocument } from '../metadata/documents.js';
import { scopeWithOpenid } from './op-disc-issuer.js';

/** OIDC Discovery §3: the OP supports the `openid` scope. */
export default defineCheck({
  id: 'OP-DISC-OPENID-SCOPE',
  specRef: 'OIDC Discovery §3',
  level: 'MUST',
  mode: 'UA',
  title: 'An authorization with scope=openid yields an ID Token.',
  requires: ['openid', 'user-agent', 'endpoint:authorization_endpoint', 'endpoint:token_endpoint'],
  async run(ctx) {
    const md = await requireOpenidDocument(ctx);
    const t = await obtainTokens(ctx, { scope: scopeWithOpenid(ctx.config.scopes.default) });
    if (typeof t.token.body?.id_token !== 'string') fail('the token response to a scope=openid authorization has no id_token', 'id_token', null);
    const listed = Array.isArray(md.scopes_supported) ? md.scopes_supported.includes('openid') : undefined;
    return pass(listed === false ? 'scopes_supported does not list openid (it SHOULD)' : undefined);
  },
});
