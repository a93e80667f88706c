import { defineCheck, fail, pass } from '../../check.js';
import { attemptAuthorization } from '../../flows/attempt.js';
import { describeVerdict, verdictOf } from './outcome.js';

/** RFC 6749 §3.1: parameters sent without a value are treated as omitted. */
export default defineCheck({
  id: 'AS-AZ-EMPTY-PARAM',
  specRef: 'RFC 6749 §3.1',
  level: 'MUST',
  mode: 'UA',
  title: 'Empty authorization parameters are treated as omitted: scope= behaves like no scope, state= is not echoed.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    ctx.step('scope omitted');
    const omitted = verdictOf(await attemptAuthorization(ctx, { scope: null }));
    ctx.step('scope= (empty)');
    const empty = verdictOf(await attemptAuthorization(ctx, { scope: null, extra: [['scope', '']] }));
    const same = omitted.kind === empty.kind && (omitted.kind !== 'error' || omitted.error === (empty as { error: string }).error);
    if (!same) fail('scope= (empty) and an omitted scope gave different results', describeVerdict(omitted), describeVerdict(empty));
    ctx.step('state= (empty)');
    const o = await attemptAuthorization(ctx, { state: null, extra: [['state', '']] });
    if (o.response?.get('code') && o.response.all('state').length > 0) {
      fail('an empty state parameter was treated as present and echoed', 'no state in the response', o.response.all('state'));
    }
    return pass(`scope omitted and empty both gave ${describeVerdict(omitted)}`);
  },
});
