/**
 * A scripted user agent for Glewlwyd's authorization endpoint, with plain
 * HTTP instead of its JavaScript login page (login.html):
 *
 * 1. `POST /api/auth/` with the user's password sets the session cookie;
 * 2. `PUT /api/auth/grant/{client_id}` grants the scopes to the client;
 * 3. the authorization request, with Glewlwyd's `g_continue` marker (which
 *    login.html adds once the user is done), redirects to the client.
 */

/** The authorization request to make for the user. */
export interface GlewlwydAuthorizeRequest {
  /** The OIDC plugin URL, e.g. `http://127.0.0.1:4593/api/oidc`. */
  issuer: string;
  clientId: string;
  redirectUri: string;
  username: string;
  password: string;
  /** Space-separated scopes, e.g. `openid harness`. */
  scope: string;
  /** More authorization request parameters (state, nonce, code_challenge, …). */
  params?: Record<string, string>;
}

/** Signs in, grants, authorizes; returns the redirect URI the server sent the user to. */
export async function glewlwydAuthorize(request: GlewlwydAuthorizeRequest): Promise<URL> {
  const api = request.issuer.slice(0, request.issuer.lastIndexOf('/'));
  const login = await fetch(`${api}/auth/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: request.username, password: request.password }),
  });
  await login.body?.cancel();
  if (login.status !== 200) throw new Error(`glewlwyd login as "${request.username}" failed: HTTP ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

  const grant = await fetch(`${api}/auth/grant/${encodeURIComponent(request.clientId)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ scope: request.scope }),
  });
  await grant.body?.cancel();
  if (grant.status !== 200) throw new Error(`glewlwyd grant of "${request.scope}" to ${request.clientId} failed: HTTP ${grant.status}`);

  const query = new URLSearchParams({
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scope,
    ...request.params,
    g_continue: '',
  });
  const res = await fetch(`${request.issuer}/auth?${query}`, { headers: { cookie }, redirect: 'manual' });
  await res.body?.cancel();
  const location = res.headers.get('location');
  if (res.status !== 302 || !location?.startsWith(request.redirectUri)) {
    throw new Error(`glewlwyd authorization did not redirect to the client: HTTP ${res.status}, location ${location ?? 'none'}`);
  }
  return new URL(location);
}
