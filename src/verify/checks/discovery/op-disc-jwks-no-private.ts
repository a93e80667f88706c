import { defineCheck, fail, pass, skip } from '../../check.js';
import { metaString } from '../../metadata.js';
import { requireOpenidDocument } from '../metadata/documents.js';
import { fetchJwks, PRIVATE_MEMBERS } from '../metadata/jwks.js';

/** OIDC Discovery §3: the JWK Set MUST NOT contain private or symmetric key material. */
export default defineCheck({
  id: 'OP-DISC-JWKS-NO-PRIVATE',
  specRef: 'OIDC Discovery §3',
  level: 'MUST',
  mode: 'A',
  title: 'The published JWK Set contains no private or symmetric key material.',
  requires: ['openid'],
  async run(ctx) {
    const url = metaString(await requireOpenidDocument(ctx), 'jwks_uri');
    if (!url) return skip('no jwks_uri (see OP-DISC-REQUIRED)');
    for (const key of await fetchJwks(ctx, url)) {
      const leaked = PRIVATE_MEMBERS.filter((m) => m in key);
      if (leaked.length) fail(`key ${String(key.kid ?? '(no kid)')} carries ${leaked.join(', ')}`, 'public members only', leaked);
    }
    return pass();
  },
});
