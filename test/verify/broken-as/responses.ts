/**
 * OAuth JSON responses of the broken AS: errors (RFC 6749 §5.2) and token responses
 * (§5.1), with the quirks that break their format.
 */
import type { AsState } from './state.js';
import { formPairs, json, type Req, type Res, send } from './http.js';

/** Parse a form body (or query) into params: repeats reported, empty values dropped. */
export function readParams(state: AsState, text: string): { params: Map<string, string>; repeated: string[] } {
  const pairs = formPairs(text, state.has('form-plus-not-space'));
  const params = new Map<string, string>();
  const repeated: string[] = [];
  for (const [k, v] of pairs) {
    if (v === '' && !state.has('empty-param-not-absent')) continue;
    if (params.has(k)) repeated.push(k);
    params.set(k, v);
  }
  return { params, repeated };
}

export function noStore(state: AsState): Record<string, string> {
  return {
    ...(state.has('no-cache-control') ? {} : { 'cache-control': 'no-store' }),
    ...(state.has('no-pragma') ? {} : { pragma: 'no-cache' }),
  };
}

/** An error response of the token, revocation or introspection endpoint. */
export function oauthError(
  state: AsState,
  res: Res,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): void {
  const desc = state.has('error-description-quotes') ? `the "${description}"` : description;
  const code = state.has('error-status-200') ? 200 : status;
  if (state.has('error-form-encoded')) {
    send(res, code, new URLSearchParams({ error, error_description: desc }).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      ...noStore(state),
      ...headers,
    });
    return;
  }
  json(res, code, { error, error_description: desc }, { ...noStore(state), ...headers });
}

/** WWW-Authenticate for a failed Basic authentication. */
export function basicChallenge(): Record<string, string> {
  return { 'www-authenticate': 'Basic realm="broken-as", charset="UTF-8"' };
}

/** A successful token response. */
export function tokenResponse(state: AsState, res: Res, body: Record<string, unknown>): void {
  const out: Record<string, unknown> = { ...body };
  if (state.has('access-token-empty')) out.access_token = '';
  if (state.has('no-token-type')) delete out.token_type;
  if (state.has('no-expires-in')) delete out.expires_in;
  else if (state.has('long-lived-tokens')) out.expires_in = 86_400;
  if (state.has('expires-in-string') && out.expires_in !== undefined) out.expires_in = String(out.expires_in);
  if (state.has('token-form-encoded')) {
    const pairs = Object.entries(out).map(([k, v]) => [k, String(v)] as [string, string]);
    send(res, 200, new URLSearchParams(pairs).toString(), { 'content-type': 'application/x-www-form-urlencoded', ...noStore(state) });
    return;
  }
  let text = JSON.stringify(out);
  if (state.has('duplicate-json-member')) text = text.replace(/^\{/, '{"token_type":"Bearer",');
  json(res, 200, text, noStore(state));
}

/** Is the request a CORS preflight? */
export function isPreflight(req: Req): boolean {
  return req.method === 'OPTIONS' && req.headers.origin !== undefined;
}
