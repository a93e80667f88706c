import { defineCheck, fail, pass } from '../../check.js';
import { runAuthorization } from '../../flows/authorize.js';
import { createVerifier } from '../../flows/pkce.js';
import { describeRun } from '../../flows/authorize.js';

/** RFC 7636 §4.4.1: an unsupported transformation yields authorization error `invalid_request`. */
export default defineCheck({
  id: 'AS-PKCE-UNSUPPORTED-METHOD',
  specRef: 'RFC 7636 §4.4.1',
  level: 'MUST',
  mode: 'UA',
  title: 'code_challenge_method=S512 is answered with an invalid_request redirect carrying state.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const run = await runAuthorization(ctx, { pkce: { challenge: createVerifier(), method: 'S512' } });
    const error = run.response?.get('error');
    if (error !== 'invalid_request') fail('code_challenge_method=S512 did not get error=invalid_request', 'invalid_request', error ?? describeRun(run));
    if (run.request.state !== undefined && run.response!.get('state') !== run.request.state) fail('the error redirect lacks state', run.request.state, run.response!.get('state') ?? null);
    return pass();
  },
});
