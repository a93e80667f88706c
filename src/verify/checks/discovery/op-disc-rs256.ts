import { defineCheck, fail, pass } from '../../check.js';
import { requireOpenidDocument } from '../metadata/documents.js';

/** OIDC Discovery §3: `id_token_signing_alg_values_supported` MUST include RS256. */
export default defineCheck({
  id: 'OP-DISC-RS256',
  specRef: 'OIDC Discovery §3',
  level: 'MUST',
  mode: 'A',
  title: 'RS256 is among the ID Token signing algorithms.',
  requires: ['openid'],
  async run(ctx) {
    const v = (await requireOpenidDocument(ctx)).id_token_signing_alg_values_supported;
    if (!Array.isArray(v) || !v.includes('RS256')) fail('id_token_signing_alg_values_supported lacks RS256', 'RS256', v ?? null);
    return pass();
  },
});
