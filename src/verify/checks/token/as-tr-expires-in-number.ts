import { defineCheck, fail, pass, skip } from '../../check.js';
import { sampleTokenResponse } from './sample.js';

/** RFC 6749 §5.1, App. A.14: `expires_in` is a JSON number (non-negative integer), not a string. */
export default defineCheck({
  id: 'AS-TR-EXPIRES-IN-NUMBER',
  specRef: 'RFC 6749 §5.1, App. A.14',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'expires_in, when present, is a non-negative JSON integer, not a string.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const r = await sampleTokenResponse(ctx);
    const v = r.body?.expires_in;
    if (v === undefined) return skip('the token response has no expires_in');
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(`"expires_in" is ${JSON.stringify(v)}`, 'non-negative JSON integer', v);
    return pass();
  },
});
