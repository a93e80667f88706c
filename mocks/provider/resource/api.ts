/**
 * The mock resource API (docs/behaviours.md §9–§10): an OData 4 collection, an OData 3
 * collection, a JSON select-query service, a REST method (all Bearer-protected), and a
 * Basic-auth web service.
 */
import type { ProviderContext } from '../context.js';
import { json, type ProviderRequest, type ProviderResponse } from '../http.js';
import type { Account } from './data.js';
import { requireBearer } from './bearer.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function pick(rows: Account[], select: string | null): Record<string, unknown>[] {
  if (!select) return rows as unknown as Record<string, unknown>[];
  const cols = select.split(',').map((c) => c.trim()) as (keyof Account)[];
  return rows.map((r) => Object.fromEntries(cols.filter((c) => c in r).map((c) => [c, r[c]])));
}

function basicChallenge(ctx: ProviderContext, description: string): ProviderResponse {
  return json(401, { error: 'unauthorized', message: description }, { 'www-authenticate': `Basic realm="${ctx.issuer}/api/ws", charset="UTF-8"` });
}

/** The Basic-auth web service: login and password on every call (docs/behaviours.md §10). */
async function basicService(ctx: ProviderContext, req: ProviderRequest): Promise<ProviderResponse> {
  const header = req.headers['authorization'];
  if (!header || !/^basic /i.test(header)) return basicChallenge(ctx, 'no Authorization header was sent');
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = ctx.users.get(decoded.slice(0, colon));
  if (colon < 0 || !user || user.password !== decoded.slice(colon + 1)) return basicChallenge(ctx, 'wrong login or password');
  return json(200, { value: (await ctx.data()).accounts });
}

/** Routes `/api/…` under the issuer. */
export async function api(ctx: ProviderContext, req: ProviderRequest): Promise<ProviderResponse> {
  const path = req.path.replace(/\/+$/, '');
  if (path === '/api/ws/basic/Account') return basicService(ctx, req);
  const write = req.method !== 'GET' && req.method !== 'HEAD';
  const bearer = requireBearer(ctx, req, write ? ctx.switches.api.writeScope : ctx.switches.api.readScope);
  if (!bearer.ok) return bearer.response;
  const { accounts } = await ctx.data();
  if (path === '/api/0/odata/Account' && !write) {
    return json(200, { '@odata.context': `${ctx.issuer}/api/0/odata/$metadata#Account`, value: pick(accounts, req.query.get('$select')) });
  }
  if (path === '/api/0/ServiceModel/EntityDataService.svc/AccountCollection' && !write) {
    const rows = pick(accounts, req.query.get('$select'));
    const verbose = (req.headers['accept'] ?? '').includes('odata=verbose');
    return json(200, verbose ? { d: { results: rows } } : { value: rows }, { 'content-type': `application/json;odata=${verbose ? 'verbose' : 'minimalmetadata'}` });
  }
  if (path === '/api/0/DataService/json/SyncReply/SelectQuery' && req.method === 'POST') {
    let query: unknown;
    try {
      query = JSON.parse(req.body || '{}');
    } catch {
      return json(400, { success: false, errorInfo: { message: 'the select query body is not JSON' } });
    }
    if (!isObject(query)) return json(400, { success: false, errorInfo: { message: 'the select query body must be a JSON object' } });
    if (query.rootSchemaName && query.rootSchemaName !== 'Account') return json(200, { rows: [], success: true });
    const items = isObject(query.columns) ? query.columns.items : undefined;
    const cols = isObject(items) ? Object.keys(items).join(',') : null;
    return json(200, { rows: pick(accounts, cols), success: true });
  }
  const rest = /^\/api\/0\/rest\/([A-Za-z0-9_]+)\/([A-Za-z0-9_]+)$/.exec(path);
  if (rest && req.method === 'POST') return json(200, { [`${rest[2]}Result`]: { service: rest[1], ok: true, count: accounts.length } });
  return json(404, { error: 'not_found', message: `no API resource at ${req.method} ${req.path}` });
}

/** The OIDC userinfo endpoint (OpenID Connect Core §5.3). */
export function userinfo(ctx: ProviderContext, req: ProviderRequest): ProviderResponse {
  const bearer = requireBearer(ctx, req, null);
  if (!bearer.ok) return bearer.response;
  const username = bearer.token.username;
  const user = username ? ctx.users.get(username) : undefined;
  if (!user) return json(403, { error: 'insufficient_scope', error_description: 'the token has no user' });
  return json(200, { sub: user.username, name: user.name ?? user.username, email: user.email, preferred_username: user.username });
}
