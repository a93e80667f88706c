import { defineCheck, fail, pass, skip } from '../../check.js';
import { cacheDirectives } from '../../../http/headers.js';
import { registerClient } from './registration.js';

/** RFC 6749 §5.1 applied to credentials (RFC 7591 §3.2.1): responses with a secret are not cacheable. */
export default defineCheck({
  id: 'AS-DCR-NO-STORE',
  specRef: 'RFC 6749 §5.1 (applied to credentials); RFC 7591 §3.2.1 example',
  level: 'MUST',
  mode: 'A',
  title: 'A registration response carrying client_secret has Cache-Control: no-store.',
  requires: ['endpoint:registration_endpoint', 'fixture:F11'],
  async run(ctx) {
    const { res, body } = await registerClient(ctx);
    if (body?.client_secret === undefined) return skip('no client_secret was issued');
    const cc = res.headers.get('cache-control');
    if (!cacheDirectives(cc).has('no-store')) fail('the registration response with a client_secret lacks Cache-Control: no-store', 'no-store', cc);
    return pass();
  },
});
