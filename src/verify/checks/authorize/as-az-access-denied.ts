import { defineCheck, fail, inconclusive, pass, skip } from '../../check.js';
import { describeRun, runAuthorization } from '../../flows/authorize.js';

/** RFC 6749 §4.1.2.1: when the user denies, redirect back with `error=access_denied`. */
export default defineCheck({
  id: 'AS-AZ-ACCESS-DENIED',
  specRef: 'RFC 6749 §4.1.2.1',
  level: 'MUST',
  derived: true,
  mode: 'UA',
  title: 'Denying consent redirects back to the client with error=access_denied and the state.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    if (ctx.ua?.capabilities.deny === false) return inconclusive(`the ${ctx.ua.kind} login driver cannot refuse consent on this server`);
    const run = await runAuthorization(ctx, { decision: 'deny' });
    // the driver could not say "deny": the outcome tells nothing about the server
    if (run.result.denyUnavailable) return inconclusive(`the login driver could not refuse consent: ${run.result.denyUnavailable}`);
    if (!run.result.consentShown && !run.result.redirect) return skip(`no consent step to deny (${describeRun(run)})`);
    const error = run.response?.get('error');
    if (error !== 'access_denied') fail('denying consent did not redirect back with error=access_denied', 'access_denied', error ?? describeRun(run));
    if (run.request.state !== undefined && run.response!.get('state') !== run.request.state) fail('the access_denied redirect lacks the state', run.request.state, run.response!.get('state') ?? null);
    return pass();
  },
});
