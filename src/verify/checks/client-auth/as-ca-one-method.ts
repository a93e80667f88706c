import { defineCheck, fail, pass } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { basicAuthorization } from '../../../http/form.js';

/**
 * RFC 6749 §2.3 / §5.2 (`invalid_request`: "utilizes more than one mechanism for
 * authenticating the client"): a request with two mechanisms is refused.
 */
export default defineCheck({
  id: 'AS-CA-ONE-METHOD',
  specRef: 'RFC 6749 §2.3, §5.2 (invalid_request)',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'A token request carrying both Basic and body client credentials is refused, not resolved by preferring one.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials'],
  async run(ctx) {
    const c = ctx.clients.primary;
    if (c.authMethod === 'post') {
      // registered for body credentials: the valid ones in the body, a wrong Basic header beside them
      ctx.step('body credentials + Basic with a wrong secret');
      const wrong = await clientCredentials(ctx, { auth: 'post', headers: { authorization: basicAuthorization(c.client_id, 'WRONG-secret-value') } });
      if (wrong.ok) {
        fail(
          'valid body credentials plus a Basic header with a wrong secret produced a token: the server silently preferred one mechanism',
          { status: 400, error: 'invalid_request' },
          { status: wrong.res.status, access_token: 'issued' },
        );
      }
      return pass();
    }
    ctx.step('Basic + wrong body secret');
    const wrong = await clientCredentials(ctx, { auth: 'basic', extra: [['client_secret', 'WRONG-secret-value']] });
    if (wrong.ok) {
      fail(
        'valid Basic credentials plus a wrong client_secret in the body produced a token: the server silently preferred one mechanism',
        { status: 400, error: 'invalid_request' },
        { status: wrong.res.status, access_token: 'issued' },
      );
    }
    ctx.step('Basic + same body secret');
    const same = await clientCredentials(ctx, { auth: 'basic', extra: [['client_secret', c.client_secret!]] });
    if (same.ok) return pass('Basic plus the same secret in the body was accepted (should be invalid_request)');
    return pass();
  },
});
