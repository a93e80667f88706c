import { defineCheck, fail, pass } from '../../check.js';
import { runAuthorization } from '../../flows/authorize.js';
import { createVerifier } from '../../flows/pkce.js';
import { metaStrings } from '../../metadata.js';

/** RFC 7636 §7.2; RFC 9700 §2.1.1: plain exists for legacy only; accepting it is flagged. */
export default defineCheck({
  id: 'AS-PKCE-PLAIN-ACCEPTED',
  specRef: 'RFC 7636 §7.2; RFC 9700 §2.1.1',
  level: 'INFO',
  mode: 'UA',
  title: 'The legacy plain PKCE method is not accepted.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    if (metaStrings(ctx.metadata, 'code_challenge_methods_supported')?.includes('plain')) {
      fail('code_challenge_methods_supported lists plain', 'S256 only', 'plain');
    }
    const v = createVerifier();
    const run = await runAuthorization(ctx, { pkce: { challenge: v, method: 'plain', verifier: v } });
    if (run.response?.get('code')) fail('an authorization with code_challenge_method=plain was accepted', 'refused', 'a code');
    return pass();
  },
});
