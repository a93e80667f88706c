import { defineCheck, fail, pass } from '../../check.js';

/** RFC 8414 §2: `scopes_supported` is RECOMMENDED. */
export default defineCheck({
  id: 'AS-MD-SCOPES',
  specRef: 'RFC 8414 §2',
  level: 'SHOULD',
  mode: 'A',
  title: 'Metadata publishes scopes_supported.',
  requires: [],
  async run(ctx) {
    if (!Array.isArray(ctx.metadata.scopes_supported)) fail('scopes_supported is not published', 'present', null);
    return pass();
  },
});
