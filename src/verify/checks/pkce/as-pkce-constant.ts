import { defineCheck, fail, pass } from '../../check.js';
import { runAuthorization } from '../../flows/authorize.js';
import { obtainCode } from '../../flows/code-grant.js';
import { createVerifier, s256 } from '../../flows/pkce.js';

/** RFC 9700 §2.1.1: servers are encouraged to detect constant challenges reused across transactions. */
export default defineCheck({
  id: 'AS-PKCE-CONSTANT',
  specRef: 'RFC 9700 §2.1.1',
  level: 'INFO',
  mode: 'UA',
  title: 'A code_challenge reused in a second transaction is detected.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const v = createVerifier();
    const pkce = { challenge: s256(v), method: 'S256', verifier: v };
    ctx.step('first use');
    await obtainCode(ctx, { pkce });
    ctx.step('second use of the same challenge');
    const run = await runAuthorization(ctx, { pkce });
    if (run.response?.get('code')) fail('the same code_challenge was accepted in a second transaction', 'refused or flagged', 'a code');
    return pass();
  },
});
