import { defineCheck, fail, pass } from '../../check.js';
import { mediaType } from '../../../http/headers.js';
import { isJsonObject } from '../../../http/json.js';
import { sampleTokenResponse } from './sample.js';

/** RFC 6749 §5.1: success is 200 with an `application/json` object. */
export default defineCheck({
  id: 'AS-TR-200-JSON',
  specRef: 'RFC 6749 §5.1',
  level: 'MUST',
  derived: true,
  mode: 'A',
  title: 'A successful token response is HTTP 200 with an application/json object.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    // RFC 6749 §5.1 binds the server whatever the client accepts: ask as a client without a
    // preference would (a server answering form-encoded unless asked for JSON is caught here).
    const { res } = await sampleTokenResponse(ctx, { headers: { accept: '*/*' } });
    if (res.status !== 200) fail(`token response status ${res.status}`, 200, res.status);
    const type = mediaType(res.headers.get('content-type'));
    if (type !== 'application/json') fail(`token response Content-Type is ${type ?? 'missing'}`, 'application/json', type ?? null);
    if (!isJsonObject(res.json)) fail('token response body is not a JSON object', 'JSON object', res.text.slice(0, 200));
    return pass();
  },
});
