import { defineCheck, fail, pass } from '../../check.js';
import { introspect } from '../../flows/grants.js';
import { validAccessToken } from './valid-token.js';

/** Change one character in the middle of the token (the signature, for a JWT). */
function tamper(token: string): string {
  const parts = token.split('.');
  const target = parts.length === 3 ? 2 : 0;
  const s = parts[target]!;
  const i = Math.floor(s.length / 2);
  parts[target] = `${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`;
  return parts.join('.');
}

/** RFC 7662 §4: activity is determined from expiry, revocation, signature and audience. */
export default defineCheck({
  id: 'AS-INT-STATE-CHECKS',
  specRef: 'RFC 7662 §4',
  level: 'MUST',
  mode: 'UA',
  title: 'A tampered token (one signature character changed) is reported inactive.',
  requires: ['endpoint:introspection_endpoint', 'endpoint:token_endpoint'],
  async run(ctx) {
    const token = await validAccessToken(ctx);
    const r = await introspect(ctx, tamper(token));
    if (r.active !== false) fail('a tampered token was reported active', false, r.active ?? null);
    return pass(token.split('.').length === 3 ? 'JWT signature checked' : undefined);
  },
});
