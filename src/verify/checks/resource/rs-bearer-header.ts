import { defineCheck, pass } from '../../check.js';
import { callResource } from '../../flows/resource.js';
import { expectStatus } from '../expect.js';
import { rsToken } from './rs-token.js';

/** RFC 6750 §2.1: resource servers MUST accept `Authorization: Bearer`. */
export default defineCheck({
  id: 'RS-BEARER-HEADER',
  specRef: 'RFC 6750 §2.1',
  level: 'MUST',
  mode: 'A',
  title: 'The resource server accepts a valid token in Authorization: Bearer.',
  requires: ['fixture:F10', 'endpoint:token_endpoint'],
  async run(ctx) {
    const res = await callResource(ctx, await rsToken(ctx));
    expectStatus(res, [200, 201, 202, 204], 'GET with Authorization: Bearer');
    return pass();
  },
});
