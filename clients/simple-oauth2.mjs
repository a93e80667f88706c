/**
 * simple-oauth2 5 driven by the oauth-harness command protocol, configured the way its
 * README shows (https://github.com/lelylan/simple-oauth2#readme):
 *
 * - `new AuthorizationCode({ client: { id, secret }, auth: { tokenHost, tokenPath,
 *   authorizePath, revokePath }, options: { authorizationMethod: 'header'|'body',
 *   scopeSeparator } })`; `authorizeURL({ redirect_uri, scope, state })`;
 *   `getToken({ code, redirect_uri, scope })`. The README passes a `state` but never
 *   checks it, and has no PKCE: neither does this adapter.
 * - Token requests are always POST (no GET, no credentials in the query string:
 *   `client_secret_query` uses authorizationMethod 'body').
 * - Refresh: `accessToken.expired()` then `accessToken.refresh()`, as in the README.
 * - Revocation: `accessToken.revoke(...)`, and `revokeAll()` on disconnect.
 */
import { randomBytes } from 'node:crypto';
import { AuthorizationCode, ClientCredentials } from 'simple-oauth2';
import { apiRequest, authorizationParams, clearState, env, loadState, run, saveState, scopes, storedToken, UNSUPPORTED } from './_harness.mjs';

const token = new URL(env('TOKEN_ENDPOINT'));
const authorizeUrl = new URL(env('AUTHORIZATION_ENDPOINT'));
const revokeUrl = env('REVOCATION_ENDPOINT') ? new URL(env('REVOCATION_ENDPOINT')) : undefined;
const config = {
  client: { id: env('CLIENT_ID'), secret: env('CLIENT_SECRET') },
  auth: { tokenHost: token.origin, tokenPath: token.pathname, authorizeHost: authorizeUrl.origin, authorizePath: authorizeUrl.pathname, ...(revokeUrl ? { revokePath: revokeUrl.pathname } : {}) },
  options: { authorizationMethod: env('CLIENT_AUTH') === 'client_secret_basic' ? 'header' : 'body', scopeSeparator: env('SCOPE_DELIMITER', ' ') || ' ' },
};
const codeClient = () => new AuthorizationCode(config);
// The client credentials grant takes only the token endpoint (its config schema refuses the others).
const ccClient = () => new ClientCredentials({ client: config.client, auth: { tokenHost: config.auth.tokenHost, tokenPath: config.auth.tokenPath }, options: config.options });
const save = (accessToken) => saveState({ token: accessToken.toJSON() });
const scopeParam = () => (scopes().length ? { scope: scopes() } : {});

await run({
  async authorize() {
    const state = randomBytes(24).toString('base64url');
    saveState({ state });
    console.log(codeClient().authorizeURL({ redirect_uri: env('REDIRECT_URI'), ...scopeParam(), state, ...authorizationParams() }));
  },
  async callback() {
    const code = new URL(env('CALLBACK_URL')).searchParams.get('code');
    if (!code) throw new Error(`no code in the callback: ${new URL(env('CALLBACK_URL')).searchParams.get('error') ?? 'unknown error'}`);
    save(await codeClient().getToken({ code, redirect_uri: env('REDIRECT_URI'), ...scopeParam() }));
  },
  async 'client-credentials'() {
    save(await ccClient().getToken(scopeParam()));
  },
  async refresh() {
    save(await codeClient().createToken(storedToken()).refresh());
  },
  async 'call-api'() {
    const { method, url, headers, body, auth } = apiRequest();
    const h = new Headers(headers);
    if (auth !== 'none') {
      let accessToken = codeClient().createToken(storedToken());
      if (accessToken.expired() && accessToken.token.refresh_token) {
        accessToken = await accessToken.refresh();
        save(accessToken);
      }
      h.set('authorization', `Bearer ${accessToken.token.access_token}`);
    }
    const response = await fetch(url, { method, headers: h, body });
    console.log(response.status);
    return response.ok ? 0 : 1;
  },
  async revoke() {
    if (!revokeUrl) return UNSUPPORTED;
    const accessToken = codeClient().createToken(storedToken());
    await accessToken.revoke(env('REVOKE', 'refresh') === 'refresh' && accessToken.token.refresh_token ? 'refresh_token' : 'access_token');
  },
  async disconnect() {
    const stored = loadState().token;
    if (stored && revokeUrl) await codeClient().createToken(stored).revokeAll();
    clearState();
  },
});
