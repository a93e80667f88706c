/**
 * The protected resource (RFC 6750): the provider's own API is played by the mock's
 * resource API, so what carries over is whether a valid token sufficed, or which scope
 * a call needed (`insufficient_scope` with the challenge's `scope`, RFC 6750 §3.1).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
import { getHeader, oauthErrorCode } from '../observe/wire.js';
import type { Exchange } from '../results/model.js';
import type { Findings } from './inference.js';

export function inferApi(calls: Exchange[], f: Findings): void {
  for (const e of calls) {
    const write = !['GET', 'HEAD'].includes(e.request.method);
    const key = write ? 'writeScope' : 'readScope';
    if (e.response.status === 403 && oauthErrorCode(e.response) === 'insufficient_scope') {
      const scope = /scope="([^"]+)"/.exec(getHeader(e.response.headers, 'www-authenticate') ?? '')?.[1];
      f.set(['api', key], scope ?? 'a-scope-the-token-lacks', `the API answered 403 insufficient_scope (#${e.seq})${scope ? ` naming scope "${scope}"` : ''}`, scope ? undefined : 'the scope the call needed is not named in the recording');
    } else if (e.response.status < 400) {
      f.set(['api', key], null, `an API call with the token succeeded (#${e.seq}): the mock's API asks for no particular scope`);
    }
  }
}
