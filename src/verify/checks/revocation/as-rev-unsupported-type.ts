import { defineCheck, fail, pass } from '../../check.js';
import { obtainTokens } from '../../flows/code-grant.js';
import { revoke } from '../../flows/grants.js';

/** RFC 7009 §2.2.1: a token type the server cannot revoke gets `unsupported_token_type`. */
export default defineCheck({
  id: 'AS-REV-UNSUPPORTED-TYPE',
  specRef: 'RFC 7009 §2.2.1',
  level: 'MUST',
  derived: true,
  mode: 'UA',
  title: 'Revoking an access token answers 200, or 400 unsupported_token_type if the server cannot.',
  requires: ['endpoint:revocation_endpoint', 'user-agent'],
  async run(ctx) {
    const t = await obtainTokens(ctx);
    const r = await revoke(ctx, t.accessToken, { hint: 'access_token' });
    if (r.res.status === 200) return pass();
    if (r.res.status === 400 && r.error === 'unsupported_token_type') return pass('access tokens cannot be revoked');
    fail(`access token revocation answered ${r.res.status}${r.error ? ` ${r.error}` : ''}`, '200, or 400 unsupported_token_type', { status: r.res.status, error: r.error ?? null });
  },
});
