// oidc-provider as a test authorization server, configured by one JSON value
// in OIDC_PROVIDER_CONFIG (see oidc-provider-container.ts for its shape).
// Binds 127.0.0.1 only. Login is a plain HTML form (no devInteractions) so a
// scripted user agent can sign in with form posts; consent is automatic.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_PROVIDER_CONFIG ?? '{}');
const port = Number(config.port ?? 3000);
const issuer = `http://127.0.0.1:${port}`;
const users = new Map((config.users ?? []).map((u) => [u.username, u]));

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'harness-rs256', alg: 'RS256', use: 'sig' };

// When a refresh token is issued (oidc-provider's issueRefreshToken hook, by the profile's
// refresh switches): always, never, with an offline scope, or with an offline parameter
// such as Google's access_type=offline; `oncePerUser`: only while no earlier grant of the
// user holds one, unless the request forces consent (prompt=consent).
const refresh = { policy: 'always', offlineScope: 'offline_access', offlineParam: null, oncePerUser: false, forceConsentParam: null, ...config.refresh };
const issuedTo = new Map(); // "account client" -> grant ids that earned a refresh token
const offlineCodes = new Set(); // codes whose authorization request carried the offline parameter
const forcedCodes = new Set(); // codes whose authorization request forced consent
const pairOf = (accountId, clientId) => `${accountId} ${clientId}`;
const extraParams = [refresh.offlineParam?.name, refresh.forceConsentParam?.name].filter((n) => n && n !== 'prompt');

const provider = new Provider(issuer, {
  clients: config.clients ?? [],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  scopes: config.scopes ?? ['openid', 'offline_access', 'profile', 'email', 'api:read'],
  claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
  extraParams,
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: { enabled: config.introspection ?? true },
    revocation: { enabled: config.revocation ?? true },
  },
  ...(config.routes ? { routes: config.routes } : {}),
  ...(config.pkceRequired !== undefined ? { pkce: { required: () => Boolean(config.pkceRequired) } } : {}),
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, sub) => {
    const user = users.get(sub);
    return user && { accountId: sub, claims: () => ({ sub, ...user.claims }) };
  },
  issueRefreshToken: async (_ctx, client, code) => {
    if (!client.grantTypeAllowed('refresh_token') || refresh.policy === 'never') return false;
    let earns = refresh.policy === 'always' || (refresh.policy === 'offline-scope' ? code.scopes.has(refresh.offlineScope) : offlineCodes.has(code.jti));
    const forced = forcedCodes.has(code.jti);
    offlineCodes.delete(code.jti);
    forcedCodes.delete(code.jti);
    const pair = pairOf(code.accountId, client.clientId);
    if (earns && refresh.oncePerUser && issuedTo.get(pair)?.size && !forced) earns = false;
    if (earns) issuedTo.set(pair, new Set([...(issuedTo.get(pair) ?? []), code.grantId]));
    return earns;
  },
  // Rotation on every use (rotating-refresh), and for public clients unless the profile never rotates.
  rotateRefreshToken: (ctx) => Boolean(config.rotateRefreshTokens) || (config.rotatePublicClients !== false && ctx.oidc.client.clientAuthMethod === 'none'),
  ttl: config.ttl ?? {},
});

// The authorization request's parameters are known when its code is saved: remember the
// codes asked for offline access (and those that forced consent) for issueRefreshToken.
provider.on('authorization_code.saved', (code) => {
  const params = Provider.ctx?.oidc?.params ?? {};
  const has = (p) => p && String(params[p.name] ?? '').split(' ').includes(p.value);
  if (refresh.policy === 'offline-param' && has(refresh.offlineParam)) offlineCodes.add(code.jti);
  if (has(refresh.forceConsentParam)) forcedCodes.add(code.jti);
});
const forgetGrant = (grantId) => {
  for (const grants of issuedTo.values()) grants.delete(grantId);
};
provider.on('grant.revoked', (_ctx, grantId) => forgetGrant(grantId));

// A user's grants, for "revoke this app's access" at their account (POST /account/revoke-grants).
const grantsOf = new Map(); // accountId -> grant ids
provider.on('grant.saved', (grant) => grantsOf.set(grant.accountId, new Set([...(grantsOf.get(grant.accountId) ?? []), grant.jti])));

/** Revokes every grant of `accountId` with its tokens and codes, as oidc-provider's revocation does for one grant. */
async function revokeGrantsOf(accountId) {
  const ids = [...(grantsOf.get(accountId) ?? [])];
  grantsOf.delete(accountId);
  for (const id of ids) {
    await Promise.all([provider.AccessToken, provider.RefreshToken, provider.AuthorizationCode].map((model) => model.adapter.revokeByGrantId(id)));
    await provider.Grant.adapter.destroy(id);
    forgetGrant(id);
  }
  return ids.length;
}

provider.on('server_error', (_ctx, err) => console.error('server_error', err));

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, clientId, error) {
  return `<!doctype html><html><head><title>Sign in</title></head><body>
<h1>Sign in to ${escapeHtml(clientId)}</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Username <input name="login" autocomplete="username" autofocus></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button></form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Cancel</button></form>
</body></html>`;
}

async function readBody(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 65536) throw Object.assign(new Error('body too large'), { status: 413 });
  }
  return body;
}

const readForm = async (req) => new URLSearchParams(await readBody(req));

// the headers a login page should carry (as the in-process fixture's pages do): no framing, no referrer
const PAGE_HEADERS = { 'content-security-policy': "default-src 'self'; frame-ancestors 'none'", 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' };

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...(type.startsWith('text/html') ? PAGE_HEADERS : {}) });
  res.end(body);
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, 'text/plain', 'interaction does not match its cookie\n');
  const { prompt, params } = details;

  if (action === '/abort' && req.method === 'POST') {
    const result = { error: 'access_denied', error_description: 'End-User aborted interaction' };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  if (prompt.name === 'login') {
    if (action === '/login' && req.method === 'POST') {
      const form = await readForm(req);
      const user = users.get(form.get('login') ?? '');
      if (!user || user.password !== form.get('password')) {
        return send(res, 401, 'text/html; charset=utf-8', loginPage(uid, params.client_id, 'Invalid username or password.'));
      }
      return provider.interactionFinished(req, res, { login: { accountId: user.username } }, { mergeWithLastSubmission: false });
    }
    return send(res, 200, 'text/html; charset=utf-8', loginPage(uid, params.client_id));
  }
  if (prompt.name === 'consent') {
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = prompt.details;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  return send(res, 400, 'text/plain', `unsupported prompt ${prompt.name}\n`);
}

// The business API the platform's tokens are for (the harness's `callApi` resources, as
// docs/behaviours.md §9–§10 describe them), next to the server: Bearer tokens are looked up
// in oidc-provider's own store (expiry, revocation, the grant behind them, their scopes,
// RFC 6750 §3 challenges); the web service takes the users' login and password (Basic).
const api = { readScope: null, writeScope: null, records: 5, ...config.api };
const ACCOUNTS = Array.from({ length: api.records }, (_, i) => ({ Id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, Name: `Account ${i + 1}` }));

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function bearerChallenge(res, status, error, description, scope) {
  const attrs = [`realm="${issuer}"`, ...(error ? [`error="${error}"`, `error_description="${description}"`] : []), ...(scope ? [`scope="${scope}"`] : [])];
  const body = error ? { error, error_description: description } : { error: 'unauthorized', message: 'no access token was sent' };
  return sendJson(res, status, body, { 'www-authenticate': `Bearer ${attrs.join(', ')}` });
}

/** The Bearer token's record in oidc-provider's store, if it is still valid (with its grant). */
async function validToken(value) {
  const token = (await provider.AccessToken.find(value)) ?? (await provider.ClientCredentials.find(value));
  if (!token || token.isExpired) return undefined;
  if (token.grantId && !(await provider.Grant.find(token.grantId))) return undefined;
  return token;
}

async function resource(req, res, url) {
  const path = url.pathname.replace(/\/+$/, '');
  const header = req.headers.authorization;
  if (path === '/api/ws/basic/Account') {
    const challenge = (message) => sendJson(res, 401, { error: 'unauthorized', message }, { 'www-authenticate': `Basic realm="${issuer}/api/ws", charset="UTF-8"` });
    if (!header || !/^basic /i.test(header)) return challenge('no Authorization header was sent');
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = users.get(decoded.slice(0, colon));
    if (colon < 0 || !user || user.password !== decoded.slice(colon + 1)) return challenge('wrong login or password');
    return sendJson(res, 200, { value: ACCOUNTS });
  }
  const write = req.method !== 'GET' && req.method !== 'HEAD';
  const m = header ? /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header) : null;
  if (!header) return bearerChallenge(res, 401);
  if (!m) return bearerChallenge(res, 400, 'invalid_request', 'malformed Authorization header');
  const token = await validToken(m[1]);
  if (!token) return bearerChallenge(res, 401, 'invalid_token', 'The access token is invalid, expired or revoked');
  const scope = write ? api.writeScope : api.readScope;
  if (scope && !String(token.scope ?? '').split(' ').includes(scope)) return bearerChallenge(res, 403, 'insufficient_scope', `This call needs the '${scope}' scope`, scope);
  const select = (cols) => (cols ? ACCOUNTS.map((r) => Object.fromEntries(cols.split(',').map((c) => c.trim()).filter((c) => c in r).map((c) => [c, r[c]]))) : ACCOUNTS);
  if (path === '/api/0/odata/Account' && !write) return sendJson(res, 200, { '@odata.context': `${issuer}/api/0/odata/$metadata#Account`, value: select(url.searchParams.get('$select')) });
  if (path === '/api/0/ServiceModel/EntityDataService.svc/AccountCollection' && !write) {
    const verbose = (req.headers.accept ?? '').includes('odata=verbose');
    const rows = select(url.searchParams.get('$select'));
    return sendJson(res, 200, verbose ? { d: { results: rows } } : { value: rows }, { 'content-type': `application/json;odata=${verbose ? 'verbose' : 'minimalmetadata'}` });
  }
  if (path === '/api/0/DataService/json/SyncReply/SelectQuery' && req.method === 'POST') {
    let query;
    try {
      query = JSON.parse((await readBody(req)) || '{}');
    } catch {
      return sendJson(res, 400, { success: false, errorInfo: { message: 'the select query body is not JSON' } });
    }
    return sendJson(res, 200, { rows: select(Object.keys(query?.columns?.items ?? {}).join(',') || null), success: true });
  }
  const rest = /^\/api\/0\/rest\/([A-Za-z0-9_]+)\/([A-Za-z0-9_]+)$/.exec(path);
  if (rest && req.method === 'POST') return sendJson(res, 200, { [`${rest[2]}Result`]: { service: rest[1], ok: true, count: ACCOUNTS.length } });
  return sendJson(res, 404, { error: 'not_found', message: `no API resource at ${req.method} ${url.pathname}` });
}

/** The user's own account page action "remove access": Basic with the user's login and password. */
async function accountRevoke(req, res) {
  const header = req.headers.authorization ?? '';
  const decoded = /^basic /i.test(header) ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const user = users.get(decoded.slice(0, colon));
  if (colon < 0 || !user || user.password !== decoded.slice(colon + 1)) return sendJson(res, 401, { error: 'unauthorized' }, { 'www-authenticate': `Basic realm="${issuer}/account"` });
  return sendJson(res, 200, { revoked: await revokeGrantsOf(user.username) });
}

const callback = provider.callback();
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', issuer);
  if (url.pathname === '/account/revoke-grants' && req.method === 'POST') {
    return accountRevoke(req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, 'text/plain', `${err.message}\n`);
    });
  }
  if (url.pathname.startsWith('/api/')) {
    return resource(req, res, url).catch((err) => {
      if (!res.headersSent) send(res, err.status ?? 500, 'text/plain', `${err.message}\n`);
    });
  }
  const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(url.pathname);
  if (!match) return callback(req, res);
  interaction(req, res, match[1], match[2]).catch((err) => {
    if (!res.headersSent) send(res, err.status ?? err.statusCode ?? 400, 'text/plain', `${err.message}\n`);
  });
});

server.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening, issuer ${issuer}`));
// PID 1 in the container: exit on the stop signal instead of waiting to be killed.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
