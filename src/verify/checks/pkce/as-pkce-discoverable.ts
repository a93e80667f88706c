import { defineCheck, fail, pass } from '../../check.js';
import { metaStrings } from '../../metadata.js';

/** RFC 9700 §2.1.1; RFC 8414 §2: clients can detect PKCE support (code_challenge_methods_supported). */
export default defineCheck({
  id: 'AS-PKCE-DISCOVERABLE',
  specRef: 'RFC 9700 §2.1.1, §4.7.1; RFC 8414 §2',
  level: 'MUST',
  mode: 'A',
  title: 'Metadata publishes code_challenge_methods_supported including S256.',
  requires: [],
  async run(ctx) {
    const methods = metaStrings(ctx.metadata, 'code_challenge_methods_supported');
    if (!methods?.includes('S256')) {
      fail('code_challenge_methods_supported is absent or lacks S256; clients cannot detect PKCE support (other evidence needs a manual review)', ['S256'], methods ?? null);
    }
    return pass();
  },
});
