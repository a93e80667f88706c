import { defineCheck, fail, pass } from '../../check.js';
import { cacheDirectives } from '../../../http/headers.js';
import { sampleTokenResponse } from './sample.js';

/** RFC 6749 §5.1: token responses carry `Cache-Control: no-store`. */
export default defineCheck({
  id: 'AS-TR-NO-STORE',
  specRef: 'RFC 6749 §5.1',
  level: 'MUST',
  mode: 'A',
  title: 'Token responses carry Cache-Control: no-store.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const { res } = await sampleTokenResponse(ctx);
    const cc = res.headers.get('cache-control');
    if (!cacheDirectives(cc).has('no-store')) fail('token response lacks Cache-Control: no-store', 'no-store', cc);
    return pass();
  },
});
