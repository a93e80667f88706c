/**
 * openid-client 6 driven by the oauth-harness command protocol, configured the way its
 * README shows (https://github.com/panva/openid-client#readme):
 *
 * - `discovery(issuer, client_id, undefined, ClientSecretBasic|ClientSecretPost(secret))`,
 *   `allowInsecureRequests` for the plain-HTTP mock; endpoints from the environment
 *   when the provider has no discovery document.
 * - Authorization Code Flow: PKCE (S256) always; `state` only when the server does not
 *   advertise PKCE support, exactly as the README's example does.
 * - The library has no GET token request and no credentials in the query string:
 *   `client_secret_query` falls back to ClientSecretPost.
 * - Refresh, client credentials, revocation, protected resources: refreshTokenGrant,
 *   clientCredentialsGrant, tokenRevocation, fetchProtectedResource. The library does
 *   not refresh by itself.
 */
import * as client from 'openid-client';
import { apiRequest, authorizationParams, clearState, env, loadState, run, saveState, scopes, storedToken, UNSUPPORTED } from './_harness.mjs';

const secret = env('CLIENT_SECRET');
const auth = env('CLIENT_AUTH') === 'client_secret_basic' ? client.ClientSecretBasic(secret) : client.ClientSecretPost(secret);

async function configuration() {
  const discoveryUrl = env('DISCOVERY_URL');
  if (discoveryUrl) {
    const algorithm = discoveryUrl.includes('openid-configuration') ? 'oidc' : 'oauth2';
    return client.discovery(new URL(env('ISSUER')), env('CLIENT_ID'), undefined, auth, { execute: [client.allowInsecureRequests], algorithm });
  }
  const metadata = { issuer: env('ISSUER'), authorization_endpoint: env('AUTHORIZATION_ENDPOINT'), token_endpoint: env('TOKEN_ENDPOINT') };
  if (env('REVOCATION_ENDPOINT')) metadata.revocation_endpoint = env('REVOCATION_ENDPOINT');
  const config = new client.Configuration(metadata, env('CLIENT_ID'), undefined, auth);
  client.allowInsecureRequests(config);
  return config;
}

const toStore = (tokens) => ({ ...tokens, ...(tokens.expires_in !== undefined ? { expires_at: Math.floor(Date.now() / 1000) + Number(tokens.expires_in) } : {}) });

await run({
  async authorize() {
    const config = await configuration();
    const code_verifier = client.randomPKCECodeVerifier();
    const parameters = { redirect_uri: env('REDIRECT_URI'), code_challenge: await client.calculatePKCECodeChallenge(code_verifier), code_challenge_method: 'S256', ...authorizationParams() };
    if (scopes().length) parameters.scope = env('SCOPE');
    let state;
    if (!config.serverMetadata().supportsPKCE()) {
      state = client.randomState();
      parameters.state = state;
    }
    saveState({ code_verifier, state });
    console.log(client.buildAuthorizationUrl(config, parameters).href);
  },
  async callback() {
    const config = await configuration();
    const { code_verifier, state } = loadState();
    const tokens = await client.authorizationCodeGrant(config, new URL(env('CALLBACK_URL')), { pkceCodeVerifier: code_verifier, expectedState: state });
    saveState({ token: toStore(tokens) });
  },
  async 'client-credentials'() {
    const config = await configuration();
    const tokens = await client.clientCredentialsGrant(config, scopes().length ? { scope: env('SCOPE') } : {});
    saveState({ token: toStore(tokens) });
  },
  async refresh() {
    const config = await configuration();
    const token = storedToken();
    const tokens = await client.refreshTokenGrant(config, token.refresh_token);
    saveState({ token: toStore({ ...tokens, refresh_token: tokens.refresh_token ?? token.refresh_token }) });
  },
  async 'call-api'() {
    const { method, url, headers, body, auth: how } = apiRequest();
    let response;
    if (how === 'none') response = await fetch(url, { method, headers, body });
    else {
      const config = await configuration();
      response = await client.fetchProtectedResource(config, storedToken().access_token, new URL(url), method, body, new Headers(headers));
    }
    console.log(response.status);
    return response.ok ? 0 : 1;
  },
  async revoke() {
    const config = await configuration();
    if (!config.serverMetadata().revocation_endpoint) return UNSUPPORTED;
    const token = storedToken();
    const kind = env('REVOKE', 'refresh') === 'refresh' && token.refresh_token ? 'refresh_token' : 'access_token';
    await client.tokenRevocation(config, token[kind], { token_type_hint: kind });
  },
  async disconnect() {
    const token = loadState().token;
    const config = await configuration();
    if (token && config.serverMetadata().revocation_endpoint) {
      const kind = token.refresh_token ? 'refresh_token' : 'access_token';
      await client.tokenRevocation(config, token[kind], { token_type_hint: kind });
    }
    clearState();
  },
});
