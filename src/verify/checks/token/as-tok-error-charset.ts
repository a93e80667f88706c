import { defineCheck, fail, pass } from '../../check.js';
import { isJsonObject } from '../../../http/json.js';
import { errorSamples } from './error-samples.js';

const NQSCHAR = /^[\x20-\x21\x23-\x5B\x5D-\x7E]*$/;

/** RFC 6749 §5.2, App. A.7–A.9: `error`/`error_description` use NQSCHAR; `error_uri` is a URI-reference. */
export default defineCheck({
  id: 'AS-TOK-ERROR-CHARSET',
  specRef: 'RFC 6749 §5.2, App. A.7–A.9',
  level: 'MUST',
  mode: 'A',
  title: 'error and error_description contain only printable ASCII without " and \\; error_uri is a URI.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    for (const { what, result } of await errorSamples(ctx)) {
      const body = result.res.json;
      if (!isJsonObject(body)) continue;
      for (const member of ['error', 'error_description'] as const) {
        const v = body[member];
        if (typeof v === 'string' && !NQSCHAR.test(v)) fail(`${what}: "${member}" contains characters outside %x20-21 / %x23-5B / %x5D-7E`, 'NQSCHAR only', v);
      }
      const uri = body.error_uri;
      if (uri !== undefined && (typeof uri !== 'string' || /\s/.test(uri) || !URL.canParse(uri, 'https://base.invalid/'))) {
        fail(`${what}: "error_uri" is not a URI-reference`, 'URI-reference', uri);
      }
    }
    return pass();
  },
});
