import { defineCheck, fail, pass } from '../../check.js';
import { sampleTokenResponse } from './sample.js';

/** RFC 6749 §5.1: token responses carry `Pragma: no-cache` (dropped by OAuth 2.1 drafts). */
export default defineCheck({
  id: 'AS-TR-PRAGMA',
  specRef: 'RFC 6749 §5.1',
  level: 'MUST',
  mode: 'A',
  title: 'Token responses carry Pragma: no-cache.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const { res } = await sampleTokenResponse(ctx);
    const p = res.headers.get('pragma');
    if (!(p ?? '').toLowerCase().split(',').map((s) => s.trim()).includes('no-cache')) fail('token response lacks Pragma: no-cache', 'no-cache', p);
    return pass();
  },
});
