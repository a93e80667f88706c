import { defineCheck, fail, pass } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { bruteForceSignal } from './brute-force.js';

/**
 * RFC 6749 §2.3.1; RFC 6819 §5.1.4.2.3: protect password-based client authentication
 * against brute force. Heuristic: 50 wrong secrets, then look for throttling.
 */
export default defineCheck({
  id: 'AS-CA-BRUTE-FORCE',
  specRef: 'RFC 6749 §2.3.1; RFC 6819 §5.1.4.2.3–.4',
  level: 'MUST',
  mode: 'H',
  title: 'Repeated wrong client secrets are throttled (429, Retry-After, lockout or rising latency).',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const signal = await bruteForceSignal(ctx, (n) =>
      clientCredentials(ctx, { client: { ...ctx.clients.primary, client_secret: `WRONG-${n}` }, auth: 'basic' }).then((r) => r.res),
    );
    if (signal) return pass(signal);
    fail('50 wrong client secrets in quick succession showed no throttling signal', 'a 429, Retry-After, lockout or rising latency', 'all attempts answered alike');
  },
});
