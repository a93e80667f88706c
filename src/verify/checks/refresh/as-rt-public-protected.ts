import { defineCheck, fail, pass } from '../../check.js';
import { obtainRefreshable } from '../../flows/code-grant.js';
import { refresh } from '../../flows/grants.js';

const SENDER_CONSTRAINT_ERRORS = ['invalid_dpop_proof', 'use_dpop_nonce'];

/** RFC 9700 §2.2.2, §4.14.2: public clients' refresh tokens are sender-constrained or rotated. */
export default defineCheck({
  id: 'AS-RT-PUBLIC-PROTECTED',
  specRef: 'RFC 9700 §2.2.2, §4.14.2',
  level: 'MUST',
  mode: 'UA+CFG',
  title: "A public client's refresh token is rotated on use, or only works with a DPoP/mTLS binding.",
  requires: ['endpoint:token_endpoint', 'user-agent', 'fixture:F3'],
  async run(ctx) {
    const client = ctx.clients.public!;
    const t = await obtainRefreshable(ctx, { client });
    const r = await refresh(ctx, t.refreshToken, { client });
    if (!r.ok && SENDER_CONSTRAINT_ERRORS.includes(r.error ?? '')) return pass(`sender-constrained (${r.error})`);
    if (r.ok && r.refreshToken && r.refreshToken !== t.refreshToken) return pass('rotated');
    fail(`${client.label}'s refresh token is neither rotated nor sender-constrained`, 'a new refresh_token, or a DPoP/mTLS requirement', r.ok ? 'same or no refresh_token' : `${r.res.status} ${r.error ?? ''}`);
  },
});
