import { defineCheck, fail, pass } from '../../check.js';
import { emptyArrays, requireOpenidDocument } from '../metadata/documents.js';

/** OIDC Discovery §4.2: claims with zero elements MUST be omitted. */
export default defineCheck({
  id: 'OP-DISC-ZERO-ELEMENTS',
  specRef: 'OIDC Discovery §4.2',
  level: 'MUST',
  mode: 'A',
  title: 'The OpenID configuration omits members that would be empty arrays.',
  requires: ['openid'],
  async run(ctx) {
    const empty = emptyArrays(await requireOpenidDocument(ctx));
    if (empty.length) fail(`empty arrays: ${empty.join(', ')}`, 'omitted', empty);
    return pass();
  },
});
