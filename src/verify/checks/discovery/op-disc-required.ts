import { defineCheck, fail, pass } from '../../check.js';
import { metaString, metaStrings } from '../../metadata.js';
import { requireOpenidDocument } from '../metadata/documents.js';

/** OIDC Discovery §3: REQUIRED members, with their types. */
export default defineCheck({
  id: 'OP-DISC-REQUIRED',
  specRef: 'OIDC Discovery §3',
  level: 'MUST',
  mode: 'A',
  title: 'The OpenID configuration has every REQUIRED member with the right type.',
  requires: ['openid'],
  async run(ctx) {
    const md = await requireOpenidDocument(ctx);
    const strings = ['issuer', 'authorization_endpoint', 'jwks_uri'];
    const implicitOnly = (metaStrings(md, 'response_types_supported') ?? []).every((t) => !t.split(' ').includes('code'));
    if (!implicitOnly) strings.push('token_endpoint');
    const arrays = ['response_types_supported', 'subject_types_supported', 'id_token_signing_alg_values_supported'];
    const missing = [...strings.filter((k) => !metaString(md, k)), ...arrays.filter((k) => !metaStrings(md, k))];
    if (missing.length) fail(`missing or mistyped: ${missing.join(', ')}`, 'present', missing);
    return pass();
  },
});
