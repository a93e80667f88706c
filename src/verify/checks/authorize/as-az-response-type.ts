import { defineCheck, fail, pass } from '../../check.js';
import { attemptAuthorization } from '../../flows/attempt.js';
import { describeVerdict, verdictOf } from './outcome.js';

/** RFC 6749 §3.1.1, §4.1.2.1: missing response_type → invalid_request; unknown → unsupported_response_type. */
export default defineCheck({
  id: 'AS-AZ-RESPONSE-TYPE',
  specRef: 'RFC 6749 §3.1.1, §4.1.2.1',
  level: 'MUST',
  mode: 'UA',
  title: 'A missing response_type gets invalid_request and an unknown one unsupported_response_type.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const cases = [
      { what: 'no response_type', responseType: null, error: 'invalid_request' },
      { what: 'response_type=bogus', responseType: 'bogus', error: 'unsupported_response_type' },
    ] as const;
    for (const c of cases) {
      ctx.step(c.what);
      const v = verdictOf(await attemptAuthorization(ctx, { responseType: c.responseType }));
      if (v.kind === 'code') fail(`${c.what}: a code was issued`, `error=${c.error}`, 'a code');
      if (v.kind === 'error' && v.error !== c.error) fail(`${c.what}: wrong error code`, c.error, v.error);
      if (v.kind === 'other' && /redirect/.test(v.summary)) fail(`${c.what}: redirected without an error`, `error=${c.error}`, describeVerdict(v));
    }
    return pass();
  },
});
