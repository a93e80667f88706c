import { defineCheck, fail, pass, skip } from '../../check.js';
import { attemptAuthorization } from '../../flows/attempt.js';
import { bogus } from '../../flows/random.js';

const DEFINED = new Set([
  'invalid_request', 'unauthorized_client', 'access_denied', 'unsupported_response_type', 'invalid_scope', 'server_error', 'temporarily_unavailable',
  // registered extensions: OpenID Connect Core §3.1.2.6, RFC 8707, RFC 9396, RFC 9101, RFC 9126
  'interaction_required', 'login_required', 'account_selection_required', 'consent_required', 'invalid_request_uri', 'invalid_request_object',
  'request_not_supported', 'request_uri_not_supported', 'registration_not_supported', 'invalid_target', 'invalid_authorization_details',
]);
const NQSCHAR = /^[\x20-\x21\x23-\x5B\x5D-\x7E]*$/;

/** RFC 6749 §4.1.2.1: error redirects use defined or registered codes, within the allowed characters. */
export default defineCheck({
  id: 'AS-AZ-ERROR-CODES',
  specRef: 'RFC 6749 §4.1.2.1',
  level: 'MUST',
  mode: 'UA',
  title: 'Authorization error redirects use defined or registered error codes and allowed characters.',
  requires: ['endpoint:authorization_endpoint', 'user-agent'],
  async run(ctx) {
    const attempts = [
      { what: 'response_type=bogus', o: { responseType: 'bogus' } },
      { what: 'no response_type', o: { responseType: null } },
      { what: 'unknown scope', o: { scope: bogus('bogus-scope') } },
      { what: 'consent denied', o: { decision: 'deny' as const } },
    ];
    let seen = 0;
    for (const a of attempts) {
      ctx.step(a.what);
      const o = await attemptAuthorization(ctx, a.o);
      const error = o.response?.get('error');
      if (error === undefined) continue;
      seen += 1;
      if (!DEFINED.has(error)) fail(`${a.what}: error=${error} is not a defined or registered code`, [...DEFINED].slice(0, 7), error);
      const desc = o.response!.get('error_description');
      if (!NQSCHAR.test(error) || (desc !== undefined && !NQSCHAR.test(desc))) fail(`${a.what}: error or error_description uses forbidden characters`, 'NQSCHAR', { error, desc });
    }
    return seen ? pass(`${seen} error redirects checked`) : skip('no error redirect could be provoked');
  },
});
