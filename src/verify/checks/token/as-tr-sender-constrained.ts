import { defineCheck, fail, pass } from '../../check.js';

/** RFC 9700 §2.2.1: access tokens SHOULD be sender-constrained (DPoP or mTLS). */
export default defineCheck({
  id: 'AS-TR-SENDER-CONSTRAINED',
  specRef: 'RFC 9700 §2.2.1',
  level: 'SHOULD',
  mode: 'A',
  title: 'Sender-constrained access tokens (DPoP or mTLS) are offered.',
  requires: [],
  async run(ctx) {
    const dpop = ctx.metadata.dpop_signing_alg_values_supported;
    const mtls = ctx.metadata.tls_client_certificate_bound_access_tokens;
    if (Array.isArray(dpop) && dpop.length) return pass('DPoP advertised');
    if (mtls === true) return pass('mTLS-bound tokens advertised');
    fail('neither dpop_signing_alg_values_supported nor tls_client_certificate_bound_access_tokens is advertised', 'DPoP or mTLS', null);
  },
});
