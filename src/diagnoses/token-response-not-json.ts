/**
 * A token response that is not JSON (RFC 6749 §5.1 requires application/json): GitHub
 * answers form-encoded unless the request says `Accept: application/json`; Facebook's old
 * Graph API answered text/plain. An HTML page is a wrong URL instead (`endpoint-url-wrong`).
 */
import { getHeader, responseFields } from '../observe/wire.js';
import type { Diagnosis } from './diagnosis.js';
import { describe, isHtml, isJson, kindOf } from './traffic.js';

export const tokenResponseNotJson: Diagnosis = {
  id: 'token-response-not-json',
  level: 'warning',
  title: 'The token response is not JSON',
  specRef: 'RFC 6749 §5.1',
  fix: [
    'Send Accept: application/json on token requests (GitHub then answers JSON).',
    'Or make the integration parse application/x-www-form-urlencoded token responses as well.',
  ],
  detect({ exchanges }) {
    const found = exchanges.filter((e) => {
      if (kindOf(e) !== 'token' || e.response.status < 200 || e.response.status >= 300) return false;
      if (isJson(e.response) || isHtml(e.response)) return false;
      const f = responseFields(e.response);
      return f !== undefined && (typeof f.access_token === 'string' || typeof f.error === 'string');
    });
    const e = found[found.length - 1];
    if (!e) return undefined;
    const type = getHeader(e.response.headers, 'content-type') ?? 'no content type';
    const accept = getHeader(e.request.headers, 'accept');
    return {
      cause: `${describe(e)} answered with ${type}, not application/json${accept ? ` (the request said Accept: ${accept})` : ' (the request sent no Accept header)'}; a client that only reads JSON cannot get the token.`,
      evidence: found.map((x) => x.seq),
    };
  },
};
