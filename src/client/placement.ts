/**
 * Client authentication strategies for the reference client (RFC 6749 §2.3.1), each a
 * small oauth4webapi `ClientAuth` value, plus the GET placement (Facebook), done in
 * oauth4webapi's `customFetch` rather than by a second client.
 */
import * as oauth from 'oauth4webapi';

export type Placement = 'basic' | 'body' | 'query';

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
export function clientAuth(placement: Placement, secret: string, faults: readonly string[]): oauth.ClientAuth {
  if (faults.includes('send-credentials-twice')) return twice(secret);
  if (placement === 'basic') return faults.includes('no-basic-encoding') ? rawBasic(secret) : oauth.ClientSecretBasic(secret);
  return oauth.ClientSecretPost(secret);
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * A `customFetch` that moves a token request to a GET with every parameter in the
 * query string (the `query` placement), and otherwise passes the request through.
 */
export function placementFetch(placement: Placement, base: Fetch, tokenUrl: string): Fetch {
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
