import { defineCheck, pass } from '../../check.js';
import { expectStatus } from '../expect.js';
import { registerClient } from './registration.js';

/** RFC 7591 §3: POSTed application/json registration requests are accepted. */
export default defineCheck({
  id: 'AS-DCR-REQUEST',
  specRef: 'RFC 7591 §3',
  level: 'MUST',
  mode: 'A',
  title: 'A JSON registration request with a valid redirect URI is accepted with 201.',
  requires: ['endpoint:registration_endpoint', 'fixture:F11'],
  async run(ctx) {
    expectStatus((await registerClient(ctx)).res, 201, 'registration');
    return pass();
  },
});
