import { defineCheck, fail, pass } from '../../check.js';
import { register } from '../../flows/registration.js';

/** RFC 9700 §2.6: no plain-http redirect URIs, except loopback redirects of native apps. */
export default defineCheck({
  id: 'AS-AZ-REDIR-HTTP',
  specRef: 'RFC 9700 §2.6',
  level: 'MUST',
  mode: 'CFG',
  title: 'Dynamic registration refuses an http redirect URI on a non-loopback host.',
  requires: ['endpoint:registration_endpoint', 'fixture:F11'],
  async run(ctx) {
    const res = await register(ctx, { redirect_uris: ['http://client.example/cb'], client_name: 'oauth-harness http redirect probe' });
    if (res.status >= 200 && res.status < 300) fail('a client with redirect URI http://client.example/cb was registered', '400 invalid_redirect_uri', res.status);
    return pass();
  },
});
