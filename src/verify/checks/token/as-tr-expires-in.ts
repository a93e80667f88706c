import { defineCheck, fail, pass } from '../../check.js';
import { sampleTokenResponse } from './sample.js';

/** RFC 6749 §5.1: `expires_in` is RECOMMENDED. */
export default defineCheck({
  id: 'AS-TR-EXPIRES-IN',
  specRef: 'RFC 6749 §5.1',
  level: 'SHOULD',
  mode: 'A',
  title: 'A successful token response states expires_in.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const r = await sampleTokenResponse(ctx);
    if (r.body?.expires_in === undefined) fail('"expires_in" is missing', 'present', null);
    return pass();
  },
});
