import { defineCheck, fail, pass } from '../../check.js';
import { obtainCode } from '../../flows/code-grant.js';

function decodings(code: string): string[] {
  const out = [code];
  for (const part of code.split('.')) {
    for (const enc of ['base64url', 'base64'] as const) {
      try {
        out.push(Buffer.from(part, enc).toString('utf8'));
      } catch {
        /* not decodable */
      }
    }
  }
  return out;
}

/** RFC 7636 §4.4, §7.2: a challenge carried inside the code must not be readable by others. */
export default defineCheck({
  id: 'AS-PKCE-CHALLENGE-OPAQUE',
  specRef: 'RFC 7636 §4.4, §7.2',
  level: 'MUST',
  mode: 'UA',
  title: 'The authorization code does not reveal the code_challenge or verifier in clear.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const grant = await obtainCode(ctx, { pkce: 'S256' });
    const { challenge, verifier } = grant.request;
    const leak = decodings(grant.code).find((d) => (challenge && d.includes(challenge)) || (verifier && d.includes(verifier)));
    if (leak) fail('the authorization code contains the PKCE challenge in readable form', 'opaque code', 'challenge readable');
    return pass();
  },
});
