import { defineCheck, fail, pass } from '../../check.js';
import { emptyArrays } from './documents.js';

/** RFC 8414 §3.2: claims with zero elements MUST be omitted. */
export default defineCheck({
  id: 'AS-MD-ZERO-ELEMENTS',
  specRef: 'RFC 8414 §3.2',
  level: 'MUST',
  mode: 'A',
  title: 'Metadata omits members that would be empty arrays.',
  requires: [],
  async run(ctx) {
    const empty = emptyArrays(ctx.metadata);
    if (empty.length) fail(`metadata has empty arrays: ${empty.join(', ')}`, 'omitted', empty);
    return pass();
  },
});
