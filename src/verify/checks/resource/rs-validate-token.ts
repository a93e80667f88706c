import { defineCheck, fail, inconclusive, pass, SetupFailure, skip } from '../../check.js';
import { revoke, untilRevoked } from '../../flows/grants.js';
import { callResource } from '../../flows/resource.js';
import { metaString } from '../../metadata.js';
import { expiredTokenCase } from '../expiry.js';
import { rsToken, rsTokenWithLifetime } from './rs-token.js';

/** RFC 6749 §7: the resource server validates the token, its expiry and revocation. */
export default defineCheck({
  id: 'RS-VALIDATE-TOKEN',
  specRef: 'RFC 6749 §7',
  level: 'MUST',
  mode: 'T',
  title: 'The resource server refuses expired and revoked access tokens.',
  requires: ['fixture:F10', 'endpoint:token_endpoint'],
  async run(ctx) {
    const done: string[] = [];
    if (metaString(ctx.metadata, 'revocation_endpoint')) {
      const token = await rsToken(ctx);
      const obtainedAt = Date.now();
      const before = await callResource(ctx, token);
      if (before.status < 200 || before.status >= 300) throw new SetupFailure(`the fresh token was refused by the resource server (${before.status})`);
      await revoke(ctx, token, { hint: 'access_token' });
      ctx.step('use a revoked token');
      const w = await untilRevoked(ctx, obtainedAt, async () => (await callResource(ctx, token)).status === 401);
      if (!w.ok) fail('a revoked access token is still accepted by the resource server', 401, 'accepted');
      done.push(w.waitedMs > 1000 ? `revoked (refused after ${Math.round(w.waitedMs / 1000)} s)` : 'revoked');
    }
    const expired = await expiredTokenCase(ctx, (c) => rsTokenWithLifetime(c));
    if (expired.token) {
      const res = await callResource(ctx, expired.token);
      if (res.status !== 401) fail(`an expired access token answered ${res.status}`, 401, res.status);
      done.push('expired');
    }
    const note = expired.note && ctx.config.lifetimes.accessToken ? `; ${expired.note}` : '';
    return done.length ? pass(`checked: ${done.join(', ')}${note}`) : expired.note && ctx.config.lifetimes.accessToken ? inconclusive(expired.note) : skip('needs a revocation endpoint or lifetimes.accessToken');
  },
});
