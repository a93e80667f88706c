import { defineCheck, fail, pass } from '../../check.js';
import { register } from '../../flows/registration.js';

/** RFC 6749 §3.1.2.2, §10.6: public clients MUST register redirect URIs. */
export default defineCheck({
  id: 'AS-AZ-REDIR-REG-PUBLIC',
  specRef: 'RFC 6749 §3.1.2.2, §10.6',
  level: 'MUST',
  mode: 'CFG',
  title: 'Dynamic registration refuses a public authorization-code client without redirect URIs.',
  requires: ['endpoint:registration_endpoint', 'fixture:F11'],
  async run(ctx) {
    const res = await register(ctx, { token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'], client_name: 'oauth-harness public probe' });
    if (res.status >= 200 && res.status < 300) fail('a public code client without redirect_uris was registered', 'an error (invalid_redirect_uri)', res.status);
    return pass();
  },
});
