import { defineCheck, fail, pass } from '../../check.js';
import { expectStatus } from '../expect.js';
import { registerClient } from './registration.js';

/** RFC 7591 §3.2.1: 201 with client_id; client_secret_expires_at REQUIRED with a secret. */
export default defineCheck({
  id: 'AS-DCR-RESPONSE',
  specRef: 'RFC 7591 §3.2.1',
  level: 'MUST',
  mode: 'A',
  title: 'The registration response has client_id, and client_secret_expires_at whenever a secret is issued.',
  requires: ['endpoint:registration_endpoint', 'fixture:F11'],
  async run(ctx) {
    const { res, body } = await registerClient(ctx);
    expectStatus(res, 201, 'registration');
    if (typeof body?.client_id !== 'string') fail('"client_id" is missing or not a string', 'string', body?.client_id ?? null);
    if (body.client_secret !== undefined && !Number.isInteger(body.client_secret_expires_at)) {
      fail('a client_secret was issued without an integer client_secret_expires_at', 'integer (0 = never)', body.client_secret_expires_at ?? null);
    }
    return pass();
  },
});
