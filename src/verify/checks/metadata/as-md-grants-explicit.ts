import { defineCheck, fail, pass } from '../../check.js';

/** RFC 8414 §2: omitting grant_types_supported implies the default, which includes implicit. */
export default defineCheck({
  id: 'AS-MD-GRANTS-EXPLICIT',
  specRef: 'RFC 8414 §2',
  level: 'INFO',
  mode: 'A',
  title: 'grant_types_supported is published (its default would advertise the implicit grant).',
  requires: [],
  async run(ctx) {
    if (ctx.metadata.grant_types_supported === undefined) {
      fail('grant_types_supported is omitted: its default ["authorization_code", "implicit"] advertises the implicit grant', 'explicit list', null);
    }
    return pass();
  },
});
