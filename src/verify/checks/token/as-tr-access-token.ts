import { defineCheck, fail, pass } from '../../check.js';
import { sampleTokenResponse } from './sample.js';

/** RFC 6749 §5.1: `access_token` is REQUIRED. */
export default defineCheck({
  id: 'AS-TR-ACCESS-TOKEN',
  specRef: 'RFC 6749 §5.1',
  level: 'MUST',
  mode: 'A',
  title: 'A successful token response contains a non-empty access_token string.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const r = await sampleTokenResponse(ctx);
    const v = r.body?.access_token;
    if (typeof v !== 'string' || v === '') fail('"access_token" is missing, empty or not a string', 'non-empty string', v ?? null);
    return pass();
  },
});
