import { defineCheck, pass } from '../../check.js';
import { revoke } from '../../flows/grants.js';
import { expectError } from '../expect.js';

/** RFC 7009 §2.1; RFC 6749 §5.2: `token` is REQUIRED; its absence is `invalid_request`. */
export default defineCheck({
  id: 'AS-REV-MISSING-TOKEN',
  specRef: 'RFC 7009 §2.1; RFC 6749 §5.2',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'A revocation request without token gets 400 invalid_request.',
  requires: ['endpoint:revocation_endpoint'],
  async run(ctx) {
    expectError(await revoke(ctx, undefined), ['invalid_request'], 'revocation without token', [400]);
    return pass();
  },
});
