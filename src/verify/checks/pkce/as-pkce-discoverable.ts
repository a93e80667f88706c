import { defineCheck, fail, pass, skip } from '../../check.js';

/**
 * RFC 9700 §2.1.1, §4.7.1; RFC 8414 §2: clients must be able to detect PKCE support;
 * publishing `code_challenge_methods_supported` is the RECOMMENDED way. Absence is not
 * proof of a violation (other documentation may exist): the row is skipped for manual evidence.
 */
export default defineCheck({
  id: 'AS-PKCE-DISCOVERABLE',
  specRef: 'RFC 9700 §2.1.1, §4.7.1; RFC 8414 §2',
  level: 'MUST',
  mode: 'A',
  title: 'Metadata publishes code_challenge_methods_supported including S256.',
  requires: [],
  async run(ctx) {
    const methods = ctx.metadata.code_challenge_methods_supported;
    if (methods === undefined) {
      return skip('code_challenge_methods_supported is not published (RECOMMENDED); how clients detect PKCE support needs manual evidence');
    }
    if (!Array.isArray(methods) || !methods.includes('S256')) {
      fail('code_challenge_methods_supported does not list S256: clients conclude PKCE (S256) is unsupported', ['S256'], methods);
    }
    return pass();
  },
});
