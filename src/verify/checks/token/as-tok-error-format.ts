import { defineCheck, fail, pass } from '../../check.js';
import { mediaType } from '../../../http/headers.js';
import { isJsonObject } from '../../../http/json.js';
import { errorSamples } from './error-samples.js';

/** RFC 6749 §5.2: errors are 400 (401 for failed header auth) with a JSON object carrying `error`. */
export default defineCheck({
  id: 'AS-TOK-ERROR-FORMAT',
  specRef: 'RFC 6749 §5.2',
  level: 'MUST',
  mode: 'A',
  title: 'Token endpoint errors are HTTP 400 (401 for client authentication) with a JSON object whose error member is a string.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    for (const { what, result, status } of await errorSamples(ctx)) {
      const { res } = result;
      const type = mediaType(res.headers.get('content-type'));
      if (res.status !== status) fail(`${what}: HTTP ${res.status}, expected ${status}`, status, res.status);
      if (type !== 'application/json') fail(`${what}: Content-Type is ${type ?? 'missing'}`, 'application/json', type ?? null);
      if (!isJsonObject(res.json)) fail(`${what}: body is not a JSON object`, 'JSON object', res.text.slice(0, 200));
      if (typeof res.json.error !== 'string') fail(`${what}: "error" member is not a string`, 'string', res.json.error ?? null);
    }
    return pass();
  },
});
