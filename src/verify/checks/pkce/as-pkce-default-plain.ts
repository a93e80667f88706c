import { defineCheck, fail, pass } from '../../check.js';
import { runAuthorization } from '../../flows/authorize.js';
import { redeemCode } from '../../flows/code-grant.js';
import { createVerifier, s256 } from '../../flows/pkce.js';

/** RFC 7636 §4.3: a code_challenge without code_challenge_method means plain. */
export default defineCheck({
  id: 'AS-PKCE-DEFAULT-PLAIN',
  specRef: 'RFC 7636 §4.3',
  level: 'MUST',
  derived: true,
  mode: 'UA',
  title: 'A challenge sent without method is treated as plain (or refused), never as S256.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    const v = createVerifier();
    const x = s256(v);
    const run = await runAuthorization(ctx, { pkce: { challenge: x } });
    const code = run.response?.get('code');
    if (!code) return pass(`no code for a method-less challenge (${run.response?.get('error') ?? 'refused'}): plain is not supported`);
    ctx.step('redeem with the S256 pre-image');
    const asS256 = await redeemCode(ctx, { ...run, code, response: run.response! }, { verifier: v });
    if (asS256.ok) fail('a method-less challenge was verified as S256', 'plain: verifier must equal the challenge', 'S256 accepted');
    ctx.step('redeem with the challenge as plain verifier');
    const run2 = await runAuthorization(ctx, { pkce: { challenge: x } });
    const code2 = run2.response?.get('code');
    if (code2) {
      const plain = await redeemCode(ctx, { ...run2, code: code2, response: run2.response! }, { verifier: x });
      if (!plain.ok) fail('a method-less challenge was not verified as plain', 'token for code_verifier=<challenge>', plain.error ?? plain.res.status);
    }
    return pass();
  },
});
