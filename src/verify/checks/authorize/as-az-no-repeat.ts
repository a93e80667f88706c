import { defineCheck, fail, pass } from '../../check.js';
import { attemptAuthorization } from '../../flows/attempt.js';
import { describeVerdict, verdictOf } from './outcome.js';

/** RFC 6749 §3.1, §4.1.2.1: request parameters MUST NOT be repeated; a repeat is `invalid_request`. */
export default defineCheck({
  id: 'AS-AZ-NO-REPEAT',
  specRef: 'RFC 6749 §3.1, §4.1.2.1',
  level: 'MUST',
  derived: true,
  mode: 'UA',
  title: 'An authorization request with a repeated parameter (state twice) is refused; no code is issued.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const v = verdictOf(await attemptAuthorization(ctx, { state: null, extra: [['state', 'a'], ['state', 'b']] }));
    if (v.kind === 'code') fail('state=a&state=b still produced a code', 'error (invalid_request) or an error page', describeVerdict(v));
    return pass(describeVerdict(v));
  },
});
