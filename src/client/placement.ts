/**
 * Client authentication strategies for the reference client (RFC 6749 §2.3.1), each a
 * small oauth4webapi `ClientAuth` value, plus the GET placement (Facebook), done in
 * oauth4webapi's `customFetch` rather than by a second client.
 */
import * as oauth from 'oauth4webapi';

export type Placement = 'basic' | 'body' | 'query';
/** A placement, or `auto`: found by trial, Basic first (Go x/oauth2's default, AuthStyleAutoDetect). */
export type PlacementSetting = Placement | 'auto';

/** Basic without form-encoding id and secret first: the bug RFC 6749 §2.3.1 warns about. */
function rawBasic(secret: string): oauth.ClientAuth {
  return (_as, client, _body, headers) => {
    headers.set('authorization', `Basic ${Buffer.from(`${client.client_id}:${secret}`).toString('base64')}`);
  };
}

/** Both Basic and body at once (RFC 6749 §2.3: a client MUST NOT use more than one). */
function twice(secret: string): oauth.ClientAuth {
  const a = oauth.ClientSecretBasic(secret);
  const b = oauth.ClientSecretPost(secret);
  return async (as, client, body, headers) => {
    await a(as, client, body, headers);
    await b(as, client, body, headers);
  };
}

/** The `ClientAuth` for a placement, honouring deliberate faults. */
export function clientAuth(placement: PlacementSetting, secret: string, faults: readonly string[]): oauth.ClientAuth {
  if (faults.includes('send-credentials-twice')) return twice(secret);
  if (placement === 'basic' || placement === 'auto') return faults.includes('no-basic-encoding') ? rawBasic(secret) : oauth.ClientSecretBasic(secret);
  return oauth.ClientSecretPost(secret);
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * A `customFetch` that moves a token request to a GET with every parameter in the
 * query string (the `query` placement), and otherwise passes the request through.
 */
export function placementFetch(placement: PlacementSetting, base: Fetch, tokenUrl: string, clientId = '', secret = ''): Fetch {
  if (placement === 'auto') return autoDetectFetch(base, clientId, secret);
  if (placement !== 'query') return base;
  return (url, init) => {
    if (url !== tokenUrl || !init.body) return base(url, init);
    const target = new URL(url);
    for (const [k, v] of new URLSearchParams(String(init.body))) target.searchParams.append(k, v);
    const headers = new Headers(init.headers);
    headers.delete('content-type');
    return base(target.toString(), { ...init, method: 'GET', body: undefined, headers });
  };
}

/** The same request with the client's id and secret in the form body instead of a Basic header. */
function inBody(init: RequestInit, clientId: string, secret: string): RequestInit {
  const headers = new Headers(init.headers);
  headers.delete('authorization');
  const form = new URLSearchParams(init.body as string | URLSearchParams);
  form.set('client_id', clientId);
  form.set('client_secret', secret);
  return { ...init, headers, body: form.toString() };
}

/**
 * Go x/oauth2's AuthStyleAutoDetect: a request that carries the Basic header is sent as
 * is; when the provider answers with an error, the same request is sent again at once
 * with `client_id` and `client_secret` in the body. The placement that worked is kept
 * for this client's lifetime (Go keeps it per process, so every new process probes again).
 */
function autoDetectFetch(base: Fetch, clientId: string, secret: string): Fetch {
  let style: 'basic' | 'body' | undefined;
  return async (url, init) => {
    if (!new Headers(init.headers).has('authorization') || init.body === undefined || init.body === null) return base(url, init);
    if (style === 'body') return base(url, inBody(init, clientId, secret));
    const res = await base(url, init);
    if (style === 'basic') return res;
    if (res.status < 400) {
      style = 'basic';
      return res;
    }
    const again = await base(url, inBody(init, clientId, secret));
    if (again.status < 400) style = 'body';
    return again;
  };
}
