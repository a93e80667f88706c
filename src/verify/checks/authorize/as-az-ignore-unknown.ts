import { defineCheck, fail, pass } from '../../check.js';
import { attemptAuthorization } from '../../flows/attempt.js';
import { describeVerdict, verdictOf } from './outcome.js';

/** RFC 6749 §3.1: unrecognized request parameters MUST be ignored. */
export default defineCheck({
  id: 'AS-AZ-IGNORE-UNKNOWN',
  specRef: 'RFC 6749 §3.1',
  level: 'MUST',
  mode: 'UA',
  title: 'Unknown authorization request parameters are ignored: the flow still yields a code.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const v = verdictOf(await attemptAuthorization(ctx, { extra: [['foo', 'bar'], ['x_custom', '1']] }));
    if (v.kind !== 'code') fail('adding foo=bar&x_custom=1 prevented the code', 'a code', describeVerdict(v));
    return pass();
  },
});
