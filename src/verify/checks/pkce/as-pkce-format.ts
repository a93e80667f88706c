import { randomBytes } from 'node:crypto';
import { defineCheck, fail, pass } from '../../check.js';
import { runAuthorization } from '../../flows/authorize.js';
import { redeemCode } from '../../flows/code-grant.js';
import { s256 } from '../../flows/pkce.js';

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

function verifierOf(length: number, extra = ''): string {
  const bytes = randomBytes(length);
  return (extra + [...bytes].map((b) => UNRESERVED[b % UNRESERVED.length]).join('')).slice(0, length);
}

/** RFC 7636 §4.1, §4.2 (ABNF): verifiers and challenges are 43–128 unreserved characters. */
export default defineCheck({
  id: 'AS-PKCE-FORMAT',
  specRef: 'RFC 7636 §4.1, §4.2 (ABNF)',
  level: 'SHOULD',
  derived: true,
  mode: 'UA',
  title: 'Malformed challenges and verifiers (too short, too long, forbidden characters) are rejected.',
  requires: ['endpoint:token_endpoint', 'user-agent'],
  async run(ctx) {
    ctx.step('10-character challenge');
    const short = await runAuthorization(ctx, { pkce: { challenge: verifierOf(10), method: 'S256' } });
    if (short.response?.get('code')) fail('a 10-character code_challenge was accepted', 'invalid_request', 'a code');
    for (const [what, verifier] of [
      ['42-character verifier', verifierOf(42)],
      ['129-character verifier', verifierOf(129)],
      ['verifier with "+" and "!"', verifierOf(43, '+!')],
    ] as const) {
      ctx.step(what);
      const run = await runAuthorization(ctx, { pkce: { challenge: s256(verifier), method: 'S256', verifier } });
      const code = run.response?.get('code');
      if (!code) continue;
      const r = await redeemCode(ctx, { ...run, code, response: run.response! });
      if (r.ok) fail(`a ${what} was accepted at the token endpoint`, '400', 200);
    }
    return pass();
  },
});
