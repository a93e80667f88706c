import { defineCheck, fail, pass } from '../../check.js';
import { isJsonObject } from '../../../http/json.js';
import { register } from '../../flows/registration.js';

/** RFC 7591 §3.2.2: registration errors are 400 JSON with a defined error code. */
export default defineCheck({
  id: 'AS-DCR-ERRORS',
  specRef: 'RFC 7591 §3.2.2',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'Invalid redirect URIs (not a URI, or with a fragment) get 400 invalid_redirect_uri or invalid_client_metadata.',
  requires: ['endpoint:registration_endpoint', 'fixture:F11'],
  async run(ctx) {
    for (const uri of ['not a uri', 'https://client.example/cb#fragment']) {
      ctx.step(uri);
      const res = await register(ctx, { redirect_uris: [uri], client_name: 'oauth-harness probe' });
      const error = isJsonObject(res.json) ? res.json.error : undefined;
      if (res.status !== 400 || (error !== 'invalid_redirect_uri' && error !== 'invalid_client_metadata')) {
        fail(`redirect_uris ["${uri}"] answered ${res.status}${error ? ` ${String(error)}` : ''}`, { status: 400, error: ['invalid_redirect_uri', 'invalid_client_metadata'] }, { status: res.status, error: error ?? null });
      }
    }
    return pass();
  },
});
