import { defineCheck, fail, pass } from '../../check.js';
import { obtainCode } from '../../flows/code-grant.js';

const STATE = 'a b+c/=%&~';

/** RFC 6749 §4.1.2: code and state, once each, in the query; state returned byte for byte. */
export default defineCheck({
  id: 'AS-AZ-CODE-RESPONSE',
  specRef: 'RFC 6749 §4.1.2, §3.1',
  level: 'MUST',
  mode: 'UA',
  title: 'On approval the redirect carries exactly one code and the exact state, in the query component.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const grant = await obtainCode(ctx, { state: STATE });
    const { query, fragment } = grant.response;
    if (query.getAll('code').length !== 1) fail('the query does not carry exactly one code', 1, query.getAll('code').length);
    if (fragment.has('code') || fragment.has('state')) fail('response parameters appear in the fragment', 'query only', [...fragment.keys()]);
    const states = query.getAll('state');
    if (states.length !== 1 || states[0] !== STATE) fail('state was not returned exactly once and byte for byte', STATE, states);
    return pass();
  },
});
