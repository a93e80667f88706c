import { defineCheck, fail, pass, skip } from '../../check.js';
import { fetchDocument } from './documents.js';

/** RFC 8414 §3.2: the metadata response is 200 with an `application/json` object. */
export default defineCheck({
  id: 'AS-MD-RESPONSE',
  specRef: 'RFC 8414 §3.2',
  level: 'MUST',
  mode: 'A',
  title: 'The metadata response is HTTP 200 with an application/json object.',
  requires: [],
  async run(ctx) {
    const doc = await fetchDocument(ctx, 'oauth');
    if (doc.status !== 200) return skip(`no RFC 8414 document (HTTP ${doc.status}; see AS-MD-LOCATION)`);
    if (doc.contentType !== 'application/json') fail(`metadata Content-Type is ${doc.contentType ?? 'missing'}`, 'application/json', doc.contentType ?? null);
    if (!doc.json) fail('metadata body is not a JSON object', 'JSON object', 'other');
    return pass();
  },
});
