import { defineCheck, fail, pass } from '../../check.js';
import { revoke } from '../../flows/grants.js';
import { randomToken } from '../../flows/random.js';
import { bruteForceSignal } from '../client-auth/brute-force.js';

/** RFC 7009 §5: the revocation endpoint has token-endpoint-grade DoS countermeasures (heuristic). */
export default defineCheck({
  id: 'AS-REV-DOS',
  specRef: 'RFC 7009 §5',
  level: 'MUST',
  mode: 'H',
  title: 'Repeated failing revocation requests are throttled.',
  requires: ['endpoint:revocation_endpoint'],
  async run(ctx) {
    const signal = await bruteForceSignal(ctx, (n) =>
      revoke(ctx, randomToken(), { client: { ...ctx.clients.primary, client_secret: `WRONG-${n}` }, auth: 'basic' }).then((r) => r.res),
    );
    if (signal) return pass(signal);
    fail('50 failing revocation requests showed no throttling signal', 'a 429, Retry-After, lockout or rising latency', 'all answered alike');
  },
});
