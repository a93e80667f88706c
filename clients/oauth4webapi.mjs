/**
 * oauth4webapi 3 used directly, driven by the oauth-harness command protocol and
 * written like its examples (https://github.com/panva/oauth4webapi/tree/main/examples):
 *
 * - Discovery (`discoveryRequest` + `processDiscoveryResponse`) when the provider has
 *   it, else the endpoints from the environment; `allowInsecureRequests` for the
 *   plain-HTTP mock.
 * - Authorization code: PKCE (S256) always; `state` only when the server does not
 *   advertise S256, as examples/code.ts does; `validateAuthResponse`,
 *   `authorizationCodeGrantRequest`, `processAuthorizationCodeResponse`.
 * - Client authentication strategies ClientSecretBasic / ClientSecretPost; token
 *   requests are always POST (no GET: `client_secret_query` uses ClientSecretPost).
 * - Refresh, client credentials, revocation, protected resources: the matching
 *   request/process pairs. Nothing happens by itself: no automatic refresh.
 */
import * as oauth from 'oauth4webapi';
import { apiRequest, authorizationParams, clearState, env, loadState, run, saveState, scopes, storedToken, UNSUPPORTED } from './_harness.mjs';

const secret = env('CLIENT_SECRET');
const clientAuth = env('CLIENT_AUTH') === 'client_secret_basic' ? oauth.ClientSecretBasic(secret) : oauth.ClientSecretPost(secret);
const client = { client_id: env('CLIENT_ID') };
const insecure = { [oauth.allowInsecureRequests]: true };

async function server() {
  const issuer = new URL(env('ISSUER'));
  const discoveryUrl = env('DISCOVERY_URL');
  if (discoveryUrl) {
    const algorithm = discoveryUrl.includes('openid-configuration') ? 'oidc' : 'oauth2';
    return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm, ...insecure }));
  }
  const as = { issuer: issuer.href, authorization_endpoint: env('AUTHORIZATION_ENDPOINT'), token_endpoint: env('TOKEN_ENDPOINT') };
  if (env('REVOCATION_ENDPOINT')) as.revocation_endpoint = env('REVOCATION_ENDPOINT');
  return as;
}

const toStore = (t) => ({ ...t, ...(t.expires_in !== undefined ? { expires_at: Math.floor(Date.now() / 1000) + t.expires_in } : {}) });

async function revokeToken(as, token, kind) {
  const response = await oauth.revocationRequest(as, client, clientAuth, token[kind], { additionalParameters: { token_type_hint: kind }, ...insecure });
  await oauth.processRevocationResponse(response);
}

await run({
  async authorize() {
    const as = await server();
    const code_verifier = oauth.generateRandomCodeVerifier();
    const url = new URL(as.authorization_endpoint);
    url.searchParams.set('client_id', client.client_id);
    url.searchParams.set('redirect_uri', env('REDIRECT_URI'));
    url.searchParams.set('response_type', 'code');
    if (scopes().length) url.searchParams.set('scope', env('SCOPE'));
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(code_verifier));
    url.searchParams.set('code_challenge_method', 'S256');
    for (const [k, v] of Object.entries(authorizationParams())) url.searchParams.set(k, v);
    let state;
    if (as.code_challenge_methods_supported?.includes('S256') !== true) {
      state = oauth.generateRandomState();
      url.searchParams.set('state', state);
    }
    saveState({ code_verifier, state });
    console.log(url.href);
  },
  async callback() {
    const as = await server();
    const { code_verifier, state } = loadState();
    const params = oauth.validateAuthResponse(as, client, new URL(env('CALLBACK_URL')), state ?? oauth.expectNoState);
    const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, env('REDIRECT_URI'), code_verifier, insecure);
    saveState({ token: toStore(await oauth.processAuthorizationCodeResponse(as, client, response)) });
  },
  async 'client-credentials'() {
    const as = await server();
    const response = await oauth.clientCredentialsGrantRequest(as, client, clientAuth, scopes().length ? { scope: env('SCOPE') } : {}, insecure);
    saveState({ token: toStore(await oauth.processClientCredentialsResponse(as, client, response)) });
  },
  async refresh() {
    const as = await server();
    const token = storedToken();
    const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, token.refresh_token, insecure);
    const fresh = await oauth.processRefreshTokenResponse(as, client, response);
    saveState({ token: toStore({ ...fresh, refresh_token: fresh.refresh_token ?? token.refresh_token }) });
  },
  async 'call-api'() {
    const { method, url, headers, body, auth } = apiRequest();
    const response =
      auth === 'none'
        ? await fetch(url, { method, headers, body })
        : await oauth.protectedResourceRequest(storedToken().access_token, method, new URL(url), new Headers(headers), body, insecure);
    console.log(response.status);
    return response.ok ? 0 : 1;
  },
  async revoke() {
    const as = await server();
    if (!as.revocation_endpoint) return UNSUPPORTED;
    const token = storedToken();
    await revokeToken(as, token, env('REVOKE', 'refresh') === 'refresh' && token.refresh_token ? 'refresh_token' : 'access_token');
  },
  async disconnect() {
    const token = loadState().token;
    const as = await server();
    if (token && as.revocation_endpoint) await revokeToken(as, token, token.refresh_token ? 'refresh_token' : 'access_token');
    clearState();
  },
});
