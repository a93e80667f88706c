/**
 * Why a successful login came back without a refresh token (docs/behaviours.md §7), decided
 * from the traffic only: the token response (expiry or not), the authorization request
 * (offline access asked or not), earlier logins of the same client (a refresh token
 * issued once), and the provider's metadata when the client fetched it.
 */
import { decideMissingRefresh, offlineAsk, OFFLINE_PARAMS, OFFLINE_SCOPES, type MissingRefreshCase } from '../observe/offline-access.js';
import type { Exchange } from '../results/model.js';
import { authorizationRequests, kindOf, metadataOf, paramsOf, stringList, tokenGrants, type TokenGrant } from './traffic.js';

export { OFFLINE_PARAMS, OFFLINE_SCOPES, type MissingRefreshCase };

export interface MissingRefresh {
  grant: TokenGrant;
  case: MissingRefreshCase;
  /** The authorization request that led to this grant. */
  authorization: { exchange: Exchange; params: URLSearchParams } | undefined;
  askedOffline: string | undefined;
  /** needs-offline: what to ask for. */
  ask: string | undefined;
  /** How we know `ask` (metadata, the declared provider family, an earlier login). */
  askSource: string | undefined;
  /** issued-once: the earlier grant that carried a refresh token. */
  earlier: TokenGrant | undefined;
  /** no-refresh-support: the metadata's grant_types_supported lacks refresh_token. */
  metadataSaysNoRefresh: boolean;
}

function revokedBetween(all: Exchange[], token: string, from: number, to: number): boolean {
  return all.some((e) => e.seq > from && e.seq < to && kindOf(e) === 'revocation' && e.response.status === 200 && paramsOf(e).get('token') === token);
}

/** Every successful authorization-code login without a refresh token, with its case (`family`: the declared provider family). */
export function missingRefreshTokens(all: Exchange[], family?: string): MissingRefresh[] {
  const grants = tokenGrants(all).filter((g) => g.ok && g.grantType === 'authorization_code');
  const auths = authorizationRequests(all);
  const meta = metadataOf(all);
  const out: MissingRefresh[] = [];
  const authorizationOf = (g: TokenGrant) => [...auths].reverse().find((a) => a.exchange.seq < g.exchange.seq);
  for (const g of grants) {
    if (typeof g.body.refresh_token === 'string' && g.body.refresh_token) continue;
    const seq = g.exchange.seq;
    const authorization = authorizationOf(g);
    const askedOffline = authorization ? offlineAsk(authorization.params) : undefined;
    const clientId = g.params.get('client_id') ?? authorization?.params.get('client_id');
    const sameClient = (x: TokenGrant) => clientId === undefined || (x.params.get('client_id') ?? authorizationOf(x)?.params.get('client_id') ?? clientId) === clientId;
    const withRefresh = grants.filter((x) => x.exchange.seq < seq && typeof x.body.refresh_token === 'string' && sameClient(x));
    const earlier = [...withRefresh].reverse().find((x) => !revokedBetween(all, x.body.refresh_token as string, x.exchange.seq, seq));
    // an earlier login of the client that asked for offline access and got a refresh token shows how this provider is asked
    const offlineLogin = [...withRefresh].reverse().map((x) => ({ x, ask: authorizationOf(x) ? offlineAsk(authorizationOf(x)!.params) : undefined })).find((o) => o.ask);
    const d = decideMissingRefresh({
      expiresIn: g.expiresIn,
      grantTypesSupported: stringList(meta?.grant_types_supported),
      scopesSupported: stringList(meta?.scopes_supported),
      askedOffline,
      hadRefreshBefore: earlier !== undefined,
      earlierOfflineLogin: offlineLogin ? { ask: offlineLogin.ask!.replace(/^the parameter /, 'the authorization parameter '), seq: authorizationOf(offlineLogin.x)!.exchange.seq } : undefined,
      family,
    });
    out.push({ grant: g, case: d.case, authorization, askedOffline, ask: d.ask, askSource: d.askSource, earlier: d.case === 'issued-once' ? earlier : undefined, metadataSaysNoRefresh: d.metadataSaysNoRefresh });
  }
  return out;
}

/** `has expires_in 3599 s (about 1 hour)`, or for a family whose tokens expire unannounced (Salesforce), that. */
export function expiryText(g: TokenGrant): string {
  return g.expiresIn === undefined ? 'has no expires_in (the declared provider family expires its tokens all the same, after a session timeout)' : `has expires_in ${lifetime(g.expiresIn)}`;
}

/** `3599 s (about 1 hour)`. */
export function lifetime(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const human = seconds >= 86400 ? unit(Math.round(seconds / 8640) / 10, 'day') : seconds >= 3500 ? unit(Math.round(seconds / 360) / 10, 'hour') : unit(Math.round(seconds / 60), 'minute');
  return seconds >= 60 ? `${seconds} s (about ${human})` : `${seconds} s`;
}
