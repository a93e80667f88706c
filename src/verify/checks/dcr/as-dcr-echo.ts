import { defineCheck, fail, pass } from '../../check.js';
import { expectStatus } from '../expect.js';
import { registerClient } from './registration.js';

const ECHOED = ['redirect_uris', 'token_endpoint_auth_method', 'grant_types', 'response_types'];

/** RFC 7591 §3.2.1: the response returns all registered metadata, including defaults. */
export default defineCheck({
  id: 'AS-DCR-ECHO',
  specRef: 'RFC 7591 §3.2.1',
  level: 'MUST',
  mode: 'A',
  title: 'The registration response echoes redirect_uris and the effective auth method, grant and response types.',
  requires: ['endpoint:registration_endpoint', 'fixture:F11'],
  async run(ctx) {
    const { res, body } = await registerClient(ctx);
    expectStatus(res, 201, 'registration');
    const missing = ECHOED.filter((k) => body?.[k] === undefined);
    if (missing.length) fail(`the response omits ${missing.join(', ')}`, ECHOED, Object.keys(body ?? {}));
    return pass();
  },
});
