import { decodeJwt } from 'jose';
import { defineCheck, fail, pass } from '../../check.js';
import { obtainTokens } from '../../flows/code-grant.js';
import { requireOpenidDocument } from '../metadata/documents.js';

/** OIDC Discovery §3, §4.3: `issuer` equals the discovery prefix and the `iss` of ID Tokens. */
export default defineCheck({
  id: 'OP-DISC-ISSUER',
  specRef: 'OIDC Discovery §3, §4.3',
  level: 'MUST',
  mode: 'A',
  title: 'The OpenID configuration issuer equals the configured issuer and the iss of issued ID Tokens.',
  requires: ['openid'],
  async run(ctx) {
    const md = await requireOpenidDocument(ctx);
    if (md.issuer !== ctx.issuer) fail('"issuer" differs from the issuer used for discovery', ctx.issuer, md.issuer ?? null);
    if (!ctx.ua || !ctx.clients.primary.redirect_uri) return pass('ID Token iss not compared (no login driver)');
    const t = await obtainTokens(ctx, { scope: scopeWithOpenid(ctx.config.scopes.default) });
    const idToken = t.token.body?.id_token;
    if (typeof idToken !== 'string') return pass('no ID Token returned to compare (see OP-DISC-OPENID-SCOPE)');
    const iss = decodeJwt(idToken).iss;
    if (iss !== md.issuer) fail('ID Token "iss" differs from the configuration issuer', md.issuer, iss ?? null);
    return pass();
  },
});

export function scopeWithOpenid(scope: string | undefined): string {
  const list = (scope ?? '').split(' ').filter(Boolean);
  return list.includes('openid') ? list.join(' ') : ['openid', ...list].join(' ');
}
