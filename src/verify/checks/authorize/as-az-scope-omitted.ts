import { defineCheck, fail, pass } from '../../check.js';
import { attemptAuthorization } from '../../flows/attempt.js';
import { describeVerdict, verdictOf } from './outcome.js';

/** RFC 6749 §3.3: without scope, apply a documented default or fail with `invalid_scope`. */
export default defineCheck({
  id: 'AS-AZ-SCOPE-OMITTED',
  specRef: 'RFC 6749 §3.3',
  level: 'MUST',
  mode: 'UA',
  title: 'An authorization request without scope yields a code (default scope) or error=invalid_scope.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const v = verdictOf(await attemptAuthorization(ctx, { scope: null }));
    if (v.kind === 'code') return pass('a default scope was applied');
    if (v.kind === 'error' && v.error === 'invalid_scope') return pass('invalid_scope');
    fail(`an authorization request without scope got ${describeVerdict(v)}, neither a code (default scope) nor invalid_scope`, 'a code or error=invalid_scope', describeVerdict(v));
  },
});
