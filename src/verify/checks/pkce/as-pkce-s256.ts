import { defineCheck, pass } from '../../check.js';
import { obtainCodeAsRequirement } from '../../flows/code-grant.js';

/** RFC 7636 §4.2: S256 is mandatory to implement on the server. */
export default defineCheck({
  id: 'AS-PKCE-S256',
  specRef: 'RFC 7636 §4.2',
  level: 'MUST',
  mode: 'UA',
  title: 'code_challenge_method=S256 is accepted.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    await obtainCodeAsRequirement(ctx, { pkce: 'S256' }, 'an authorization request with code_challenge_method=S256');
    return pass();
  },
});
