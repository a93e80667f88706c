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

const provider = new Provider(issuer, {
  clients: config.clients ?? [],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  scopes: config.scopes ?? ['openid', 'offline_access', 'profile', 'email', 'api:read'],
  claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    revocation: { enabled: true },
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, sub) => {
    const user = users.get(sub);
    return user && { accountId: sub, claims: () => ({ sub, ...user.claims }) };
  },
  // Every client allowed the refresh_token grant gets one, offline_access or not.
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  rotateRefreshToken: Boolean(config.rotateRefreshTokens),
  ttl: config.ttl ?? {},
});

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

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 65536) throw Object.assign(new Error('form too large'), { status: 413 });
  }
  return new URLSearchParams(body);
}

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

const callback = provider.callback();
const server = createServer((req, res) => {
  const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(new URL(req.url ?? '/', issuer).pathname);
  if (!match) return callback(req, res);
  interaction(req, res, match[1], match[2]).catch((err) => {
    if (!res.headersSent) send(res, err.status ?? err.statusCode ?? 400, 'text/plain', `${err.message}\n`);
  });
});

server.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening, issuer ${issuer}`));
// PID 1 in the container: exit on the stop signal instead of waiting to be killed.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
