import { defineCheck, pass } from '../../check.js';
import { runAuthorization } from '../../flows/authorize.js';
import { obtainCode, redeemCode } from '../../flows/code-grant.js';
import { createVerifier } from '../../flows/pkce.js';
import { expectError } from '../expect.js';

/** RFC 9700 §2.1.1, §4.8.2: a code_verifier without a prior code_challenge is refused (downgrade). */
export default defineCheck({
  id: 'AS-PKCE-DOWNGRADE',
  specRef: 'RFC 9700 §2.1.1, §4.8.2',
  level: 'MUST',
  mode: 'UA+CFG',
  title: 'A token request with code_verifier for a code obtained without code_challenge is refused.',
  requires: ['endpoint:token_endpoint', 'user-agent', 'fixture:F7'],
  async run(ctx) {
    const client = ctx.clients.pkceOptional!;
    const probe = await runAuthorization(ctx, { client, pkce: 'none' });
    if (!probe.response?.get('code')) return pass(`PKCE is mandatory for ${client.label} (no code without a challenge)`);
    const grant = await obtainCode(ctx, { client, pkce: 'none' });
    const r = await redeemCode(ctx, grant, { verifier: createVerifier() });
    expectError(r, ['invalid_grant', 'invalid_request'], 'redemption with a code_verifier although no code_challenge was sent', [400]);
    return pass();
  },
});
