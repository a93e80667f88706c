import { defineCheck, fail, pass, skip } from '../../check.js';
import { endpointSchemes } from './documents.js';

const NAMES = ['authorization_endpoint', 'token_endpoint', 'revocation_endpoint', 'introspection_endpoint', 'registration_endpoint'];

/** RFC 6749 §3.1, §3.2; RFC 7009 §2; RFC 8414 §2: endpoints that carry credentials are https. */
export default defineCheck({
  id: 'AS-MD-ENDPOINTS-HTTPS',
  specRef: 'RFC 6749 §3.1, §3.2; RFC 7009 §2; RFC 8414 §2',
  level: 'MUST',
  mode: 'A',
  title: 'Every advertised authorization, token, revocation, introspection and registration endpoint is https.',
  requires: [],
  async run(ctx) {
    const { problems, allLocal } = endpointSchemes(ctx, ctx.metadata, NAMES);
    if (problems.length) fail(problems.join('; '), 'https', problems);
    if (allLocal) return skip('all endpoints are plain http on loopback (a local test deployment)');
    return pass();
  },
});
