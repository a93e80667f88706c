import { defineCheck, fail, pass } from '../../check.js';
import { basicAuthorizationUnencoded } from '../../http/form.js';
import { clientCredentials, tokenRequest } from '../../flows/token.js';

/**
 * RFC 6749 §2.3.1 + App. B: the Basic user-id and password are form-urlencoded client
 * id and secret; the server must decode them. Only visible with special characters (F4).
 */
export default defineCheck({
  id: 'AS-CA-BASIC-FORMDECODE',
  specRef: 'RFC 6749 §2.3.1 + App. B',
  level: 'MUST',
  derived: true,
  mode: 'CFG',
  title: 'Basic credentials are form-urlencoded-decoded, so ids and secrets with space, +, /, :, =, % work.',
  requires: ['endpoint:token_endpoint', 'grant:client_credentials', 'fixture:F4'],
  async run(ctx) {
    const client = ctx.clients.special!;
    ctx.step('encoded');
    const encoded = await clientCredentials(ctx, { client, auth: 'basic' });
    ctx.step('unencoded (diagnostic)');
    const raw = await tokenRequest(ctx, {
      client,
      auth: 'omit',
      headers: { authorization: basicAuthorizationUnencoded(client.client_id, client.client_secret!) },
      params: [['grant_type', 'client_credentials']],
    });
    if (!encoded.ok) {
      fail(
        `Basic credentials of ${client.label}, form-encoded as RFC 6749 §2.3.1 requires, were refused (HTTP ${encoded.res.status}${encoded.error ? ` ${encoded.error}` : ''})` +
          (raw.ok ? '; the un-encoded form was accepted: the server does not form-decode Basic credentials' : ''),
        { status: 200 },
        { status: encoded.res.status, error: encoded.error, unencodedAccepted: raw.ok },
      );
    }
    return pass(raw.ok ? 'the un-encoded form was accepted too (lenient)' : undefined);
  },
});
