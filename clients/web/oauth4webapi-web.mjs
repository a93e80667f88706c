/**
 * A small web client for the web driver (and an example of one): a node:http server
 * that logs users in with the authorization code flow (oauth4webapi, PKCE + state), keeps
 * each user's tokens in a server-side session behind a cookie, and calls the API.
 *
 * Pages: GET / (ready), GET /login, GET /callback, GET /call-api, POST /refresh,
 * POST /revoke, POST /disconnect. Configuration: the OAUTH_HARNESS_* variables
 * (clients/README.md) and OAUTH_HARNESS_PORT.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import * as oauth from 'oauth4webapi';

const env = (n, d = '') => process.env[`OAUTH_HARNESS_${n}`] ?? d;
const as = { issuer: env('ISSUER'), authorization_endpoint: env('AUTHORIZATION_ENDPOINT'), token_endpoint: env('TOKEN_ENDPOINT'), ...(env('REVOCATION_ENDPOINT') ? { revocation_endpoint: env('REVOCATION_ENDPOINT') } : {}) };
const client = { client_id: env('CLIENT_ID') };
const clientAuth = env('CLIENT_AUTH') === 'client_secret_basic' ? oauth.ClientSecretBasic(env('CLIENT_SECRET')) : oauth.ClientSecretPost(env('CLIENT_SECRET'));
const insecure = { [oauth.allowInsecureRequests]: true };
const sessions = new Map();

function session(req, res) {
  const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (sid && sessions.has(sid)) return sessions.get(sid);
  const id = randomBytes(16).toString('hex');
  const s = {};
  sessions.set(id, s);
  res.setHeader('set-cookie', `sid=${id}; HttpOnly; Path=/; SameSite=Lax`);
  return s;
}

const store = (s, t, previous) => {
  s.tokens = { ...t, refresh_token: t.refresh_token ?? previous?.refresh_token, expires_at: t.expires_in !== undefined ? Date.now() + t.expires_in * 1000 : null };
};

async function refresh(s) {
  const r = await oauth.refreshTokenGrantRequest(as, client, clientAuth, s.tokens.refresh_token, insecure);
  store(s, await oauth.processRefreshTokenResponse(as, client, r), s.tokens);
}

const pages = {
  'GET /': (_s, res) => res.end('ok'),
  async 'GET /login'(s, res) {
    s.verifier = oauth.generateRandomCodeVerifier();
    s.state = oauth.generateRandomState();
    const url = new URL(as.authorization_endpoint);
    const params = { client_id: client.client_id, redirect_uri: env('REDIRECT_URI'), response_type: 'code', state: s.state, code_challenge: await oauth.calculatePKCECodeChallenge(s.verifier), code_challenge_method: 'S256', ...Object.fromEntries(new URLSearchParams(env('AUTHORIZATION_PARAMS'))) };
    if (env('SCOPE')) params.scope = env('SCOPE');
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    res.writeHead(302, { location: url.href }).end();
  },
  async 'GET /callback'(s, res, url) {
    const params = oauth.validateAuthResponse(as, client, url, s.state ?? oauth.expectNoState);
    const r = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, env('REDIRECT_URI'), s.verifier, insecure);
    store(s, await oauth.processAuthorizationCodeResponse(as, client, r));
    res.writeHead(302, { location: '/' }).end();
  },
  async 'GET /call-api'(s, res) {
    if (!s.tokens) return res.writeHead(409).end('not connected');
    if (s.tokens.expires_at !== null && s.tokens.expires_at <= Date.now() && s.tokens.refresh_token) await refresh(s);
    let r = await oauth.protectedResourceRequest(s.tokens.access_token, 'GET', new URL(env('API_URL')), new Headers({ accept: 'application/json' }), null, insecure);
    if (r.status === 401 && s.tokens.refresh_token) {
      await refresh(s);
      r = await oauth.protectedResourceRequest(s.tokens.access_token, 'GET', new URL(env('API_URL')), new Headers({ accept: 'application/json' }), null, insecure);
    }
    res.writeHead(r.ok ? 200 : 502).end(String(r.status));
  },
  async 'POST /refresh'(s, res) {
    if (!s.tokens?.refresh_token) return res.writeHead(409).end('no refresh token');
    await refresh(s);
    res.end('refreshed');
  },
  async 'POST /revoke'(s, res) {
    if (!s.tokens || !as.revocation_endpoint) return res.writeHead(409).end('nothing to revoke');
    const kind = s.tokens.refresh_token ? 'refresh_token' : 'access_token';
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, clientAuth, s.tokens[kind], { additionalParameters: { token_type_hint: kind }, ...insecure }));
    res.end('revoked');
  },
  async 'POST /disconnect'(s, res) {
    if (s.tokens && as.revocation_endpoint) await pages['POST /revoke'](s, { end() {}, writeHead() { return this; } });
    delete s.tokens;
    res.end('disconnected');
  },
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const page = pages[`${req.method} ${url.pathname}`];
  if (!page) return res.writeHead(404).end('not found');
  try {
    await page(session(req, res), res, url);
  } catch (e) {
    if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
    res.end(`${e.name}: ${e.message}`);
  }
});
server.listen(Number(env('PORT')), '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
