/**
 * The client's traffic, read off recorded exchanges: its authorization requests (sent
 * through the browser), token requests, API calls and revocations, each with what the
 * provider answered. Works on any recorded traffic whose exchanges name their endpoint.
 */
import { basicParts, credentialPlacement, getHeader, oauthErrorCode, requestParams, responseFields, type Placement } from '../../observe/wire.js';
import type { Exchange } from '../../results/model.js';

interface Call {
  seq: number;
  at: number;
  step: string | undefined;
}

/**
 * A grant as the client sees it: the tokens that descend from one authorization (a code
 * exchange or a client-credentials request), followed through every refresh. Its id is
 * the sequence number of the token request that started it.
 */
export type Lineage = number;

export interface AuthorizationCall extends Call {
  params: URLSearchParams;
}

export interface TokenCall extends Call {
  method: string;
  grantType: string | null;
  params: URLSearchParams;
  placement: Placement;
  status: number;
  /** Set when the provider issued an access token. */
  issued?: { accessToken: string; refreshToken: string | undefined; expiresIn: number | undefined; scope: string | undefined };
  error: string | undefined;
  /** The grant this request belongs to: a new one for a code or client-credentials grant, the refresh token's for a refresh; undefined for a refresh token the traffic never showed being issued. */
  lineage: Lineage | undefined;
}

export interface ApiCall extends Call {
  /** The Bearer value sent, if any. */
  bearer: string | undefined;
  status: number;
  error: string | undefined;
  /** The token request that issued the Bearer value, when the traffic shows it. */
  issuedBy: TokenCall | undefined;
}

export interface RevocationCall extends Call {
  token: string | null;
  hint: string | null;
  placement: Placement;
  status: number;
}

export interface ClientTraffic {
  authorizations: AuthorizationCall[];
  /** The authorization request behind each code the provider issued. */
  codeOrigin: Map<string, AuthorizationCall>;
  tokenCalls: TokenCall[];
  apiCalls: ApiCall[];
  revocations: RevocationCall[];
  /** The grant each refresh token the client was given belongs to. */
  refreshLineage: Map<string, Lineage>;
}

const formDecode = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

/** The client id a token, revocation or authorization request names. */
export function clientIdOf(e: Exchange): string | undefined {
  const basic = basicParts(e.request);
  if (basic) return formDecode(basic.id);
  return requestParams(e.request).get('client_id') ?? undefined;
}

function locationParams(e: Exchange): URLSearchParams | undefined {
  const loc = getHeader(e.response.headers, 'location');
  if (!loc) return undefined;
  try {
    return new URL(loc, e.request.url).searchParams;
  } catch {
    return undefined;
  }
}

function num(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Reads the traffic of one client (by client id; all clients when omitted). Requests
 * that name no client are counted as the client's own.
 */
export function readTraffic(exchanges: Exchange[], clientId?: string): ClientTraffic {
  const t: ClientTraffic = { authorizations: [], codeOrigin: new Map(), tokenCalls: [], apiCalls: [], revocations: [], refreshLineage: new Map() };
  const byAccess = new Map<string, TokenCall>();
  // A request that names no client at all (no Basic header, no client_id) is the client under test's.
  const mine = (e: Exchange) => {
    const id = clientIdOf(e);
    return clientId === undefined || id === undefined || id === clientId;
  };
  const byTxn = new Map<string, AuthorizationCall>();
  const issuedElsewhere = new Set<string>();
  for (const e of exchanges) {
    const base = { seq: e.seq, at: e.at ?? 0, step: e.step };
    if (e.endpoint === 'authorize') {
      if (!mine(e)) continue;
      const call: AuthorizationCall = { ...base, params: requestParams(e.request) };
      t.authorizations.push(call);
      const txn = /name="txn" value="([^"]+)"/.exec(e.response.body ?? '')?.[1];
      if (txn) byTxn.set(txn, call);
      const code = locationParams(e)?.get('code');
      if (code) t.codeOrigin.set(code, call);
    } else if (e.endpoint === 'decision') {
      const code = locationParams(e)?.get('code');
      const txn = new URLSearchParams(e.request.body ?? '').get('txn');
      const origin = (txn && byTxn.get(txn)) || t.authorizations[t.authorizations.length - 1];
      if (code && origin) t.codeOrigin.set(code, origin);
    } else if (e.endpoint === 'token') {
      const fields = responseFields(e.response) ?? {};
      const access = typeof fields.access_token === 'string' ? fields.access_token : undefined;
      if (!mine(e)) {
        if (access) issuedElsewhere.add(access);
        continue;
      }
      const params = requestParams(e.request);
      const grantType = params.get('grant_type') ?? (params.has('refresh_token') ? 'refresh_token' : params.has('code') ? 'authorization_code' : null);
      const used = grantType === 'refresh_token' ? params.get('refresh_token') : null;
      const error = oauthErrorCode(e.response);
      const call: TokenCall = {
        ...base,
        method: e.request.method,
        grantType,
        params,
        placement: credentialPlacement(e.request),
        status: e.response.status,
        ...(e.response.status === 200 && access && error === undefined
          ? { issued: { accessToken: access, refreshToken: typeof fields.refresh_token === 'string' ? fields.refresh_token : undefined, expiresIn: num(fields.expires_in ?? fields.expires), scope: typeof fields.scope === 'string' ? fields.scope : undefined } }
          : {}),
        error,
        lineage: used !== null ? t.refreshLineage.get(used) : e.seq,
      };
      t.tokenCalls.push(call);
      if (call.issued) {
        byAccess.set(call.issued.accessToken, call);
        if (call.issued.refreshToken && call.lineage !== undefined) t.refreshLineage.set(call.issued.refreshToken, call.lineage);
      }
    } else if (e.endpoint === 'revocation') {
      if (!mine(e)) continue;
      const params = requestParams(e.request);
      t.revocations.push({ ...base, token: params.get('token'), hint: params.get('token_type_hint'), placement: credentialPlacement(e.request), status: e.response.status });
    } else if (e.endpoint === 'api' || e.endpoint === 'userinfo') {
      const auth = getHeader(e.request.headers, 'authorization') ?? '';
      const bearer = /^bearer\s+(.*)$/i.exec(auth)?.[1]?.trim();
      if (bearer && issuedElsewhere.has(bearer)) continue;
      t.apiCalls.push({ ...base, bearer, status: e.response.status, error: oauthErrorCode(e.response), issuedBy: bearer === undefined ? undefined : byAccess.get(bearer) });
    }
  }
  return t;
}
