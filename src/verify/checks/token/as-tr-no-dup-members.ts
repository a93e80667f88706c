import { defineCheck, fail, pass } from '../../check.js';
import { findDuplicateMembers } from '../../../http/json.js';
import { sampleTokenResponse } from './sample.js';

/** RFC 6749 §3.2: response parameters MUST NOT be included more than once. */
export default defineCheck({
  id: 'AS-TR-NO-DUP-MEMBERS',
  specRef: 'RFC 6749 §3.2',
  level: 'MUST',
  mode: 'A',
  title: 'A token response has no duplicate JSON member names.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const { res } = await sampleTokenResponse(ctx);
    const dups = findDuplicateMembers(res.text);
    if (dups.length) fail(`token response repeats member(s) ${dups.join(', ')}`, [], dups);
    return pass();
  },
});
