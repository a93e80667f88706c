/**
 * The protected resource (RFC 6750) of the broken AS: `/api/resource` needs scope `api`
 * and audience `https://api.example`.
 */
import { json, type Req, type Res, send } from './http.js';
import { type AsState, RS_AUDIENCE } from './state.js';

function challenge(state: AsState, attrs: string): Record<string, string> {
  if (state.has('rs-bad-challenge')) return { 'www-authenticate': `Bearer realm=broken as, error="invalid_token"` };
  return { 'www-authenticate': `Bearer realm="broken-as"${attrs ? `, ${attrs}` : ''}` };
}

export function resourceEndpoint(state: AsState, req: Req, res: Res): void {
  const header = req.headers.authorization;
  const query = req.url.searchParams.get('access_token') ?? undefined;
  const form = req.method === 'POST' && (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(req.body).get('access_token') ?? undefined : undefined;
  if (form !== undefined && state.has('rs-body-500')) return send(res, 500, 'internal error');
  let fromHeader: string | undefined;
  if (header && !state.has('rs-requires-query')) {
    const m = /^(\S+)\s+(\S+)$/.exec(header);
    if (m && (state.has('rs-scheme-case-sensitive') ? m[1] === 'Bearer' : m[1]!.toLowerCase() === 'bearer')) fromHeader = m[2];
  }
  const fromQuery = state.has('rs-accepts-query') || state.has('rs-requires-query') ? query : undefined;
  const methods = [fromHeader, fromQuery, form].filter((v) => v !== undefined);
  if ((fromHeader !== undefined || header !== undefined) && query !== undefined && !state.has('rs-two-methods-ok')) {
    return json(res, 400, { error: 'invalid_request' }, challenge(state, 'error="invalid_request", error_description="token sent more than once"'));
  }
  const token = methods[0];
  if (token === undefined) {
    if (state.has('rs-no-token-403')) return json(res, 403, { error: 'forbidden' });
    return json(res, 401, { error: 'unauthorized' }, challenge(state, ''));
  }
  const rec = state.find(token);
  const alive = rec && rec.kind === 'access' && (state.isActive(rec) || (state.has('rs-no-expiry-check') && !rec.revoked && rec.revokeAt === undefined));
  const audOk = rec && (rec.aud === RS_AUDIENCE || state.has('rs-ignores-audience'));
  if (!alive || !audOk) {
    if (state.has('rs-invalid-token-no-challenge')) return json(res, 401, { error: 'invalid_token' });
    return json(res, 401, { error: 'invalid_token' }, challenge(state, 'error="invalid_token"'));
  }
  if (!rec.scope.includes('api')) {
    if (state.has('rs-insufficient-scope-401')) return json(res, 401, { error: 'invalid_token' }, challenge(state, 'error="invalid_token"'));
    return json(res, 403, { error: 'insufficient_scope' }, challenge(state, 'error="insufficient_scope", scope="api"'));
  }
  const cache = state.has('rs-public-cache')
    ? 'public, max-age=60'
    : fromQuery !== undefined && state.has('rs-no-cache-private')
      ? 'max-age=60'
      : 'no-store, private';
  json(res, 200, { ok: true, client_id: rec.clientId }, { 'cache-control': cache });
}
