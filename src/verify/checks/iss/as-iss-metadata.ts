import { defineCheck, fail, pass, skip } from '../../check.js';
import { obtainCode } from '../../flows/code-grant.js';
import { issAdvertised, NOT_SUPPORTED } from './support.js';

/** RFC 9207 §2.3, §3: `iss` is sent iff `authorization_response_iss_parameter_supported` is true. */
export default defineCheck({
  id: 'AS-ISS-METADATA',
  specRef: 'RFC 9207 §2.3, §3',
  level: 'MUST',
  mode: 'UA',
  title: 'authorization_response_iss_parameter_supported is true exactly when iss is returned.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const iss = (await obtainCode(ctx)).response.get('iss');
    const flag = issAdvertised(ctx);
    if (flag && iss === undefined) fail('the flag is advertised but the response has no iss', 'iss present', null);
    if (!flag && iss !== undefined) fail('iss is returned but authorization_response_iss_parameter_supported is not true', true, ctx.metadata.authorization_response_iss_parameter_supported ?? null);
    return flag ? pass() : skip(NOT_SUPPORTED);
  },
});
