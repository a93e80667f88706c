import { defineCheck, fail, pass } from '../../check.js';
import { tokenAuthMethods } from '../../metadata.js';

const ASYMMETRIC = ['private_key_jwt', 'tls_client_auth', 'self_signed_tls_client_auth'];

/** RFC 9700 §2.5: asymmetric client authentication is RECOMMENDED. */
export default defineCheck({
  id: 'AS-CA-ASYMMETRIC',
  specRef: 'RFC 9700 §2.5',
  level: 'SHOULD',
  mode: 'A',
  title: 'Asymmetric client authentication (private_key_jwt or mTLS) is offered.',
  requires: [],
  async run(ctx) {
    const methods = tokenAuthMethods(ctx.metadata);
    const found = methods.filter((m) => ASYMMETRIC.includes(m));
    if (found.length) return pass(`offers ${found.join(', ')}`);
    fail('token_endpoint_auth_methods_supported lists no asymmetric method', ASYMMETRIC, methods);
  },
});
