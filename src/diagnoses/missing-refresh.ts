/**
 * Why a successful login came back without a refresh token (docs/behaviours.md §7), decided
 * from the traffic only: the token response (expiry or not), the authorization request
 * (offline access asked or not), earlier logins of the same client (a refresh token
 * issued once), and the provider's metadata when the client fetched it.
 */
import type { Exchange } from '../results/model.js';
import { authorizationRequests, kindOf, metadataOf, paramsOf, splitScopes, stringList, tokenGrants, type TokenGrant } from './traffic.js';

export type MissingRefreshCase = 'never-expires' | 'no-refresh-support' | 'needs-offline' | 'issued-once';

/** Scopes by which providers are asked for offline access. */
export const OFFLINE_SCOPES = ['offline_access', 'offline.access', 'refresh_token', 'offline', 'wl.offline_access'];
/** Authorization parameters by which providers are asked for offline access. */
export const OFFLINE_PARAMS: [string, string][] = [
  ['access_type', 'offline'],
  ['token_access_type', 'offline'],
  ['duration', 'permanent'],
];

/** What well-known providers want, recognised by the host or path of their endpoints. */
const KNOWN: { host: RegExp; ask: string }[] = [
  { host: /google/i, ask: 'the authorization parameter access_type=offline' },
  { host: /dropbox/i, ask: 'the authorization parameter token_access_type=offline' },
  { host: /reddit/i, ask: 'the authorization parameter duration=permanent' },
  { host: /twitter|(^|\.)x\.com/i, ask: 'the scope offline.access' },
  { host: /salesforce/i, ask: 'the scope refresh_token' },
  { host: /microsoftonline|login\.live/i, ask: 'the scope offline_access' },
];

export interface MissingRefresh {
  grant: TokenGrant;
  case: MissingRefreshCase;
  /** The authorization request that led to this grant. */
  authorization: { exchange: Exchange; params: URLSearchParams } | undefined;
  askedOffline: string | undefined;
  /** needs-offline: what to ask for. */
  ask: string | undefined;
  /** How we know `ask` (metadata, host). */
  askSource: string | undefined;
  /** issued-once: the earlier grant that carried a refresh token. */
  earlier: TokenGrant | undefined;
  /** no-refresh-support: the metadata's grant_types_supported lacks refresh_token. */
  metadataSaysNoRefresh: boolean;
}

function offlineAsk(params: URLSearchParams): string | undefined {
  const scope = splitScopes(params.get('scope')).find((s) => OFFLINE_SCOPES.includes(s));
  if (scope) return `the scope ${scope}`;
  const p = OFFLINE_PARAMS.find(([k, v]) => params.get(k) === v);
  return p ? `the parameter ${p[0]}=${p[1]}` : undefined;
}

function revokedBetween(all: Exchange[], token: string, from: number, to: number): boolean {
  return all.some((e) => e.seq > from && e.seq < to && kindOf(e) === 'revocation' && e.response.status === 200 && paramsOf(e).get('token') === token);
}

/** Every successful authorization-code login without a refresh token, with its case. */
export function missingRefreshTokens(all: Exchange[]): MissingRefresh[] {
  const grants = tokenGrants(all).filter((g) => g.ok && g.grantType === 'authorization_code');
  const auths = authorizationRequests(all);
  const meta = metadataOf(all);
  const grantTypes = stringList(meta?.grant_types_supported);
  const out: MissingRefresh[] = [];
  for (const g of grants) {
    if (typeof g.body.refresh_token === 'string' && g.body.refresh_token) continue;
    const seq = g.exchange.seq;
    const authorization = [...auths].reverse().find((a) => a.exchange.seq < seq);
    const askedOffline = authorization ? offlineAsk(authorization.params) : undefined;
    const clientId = g.params.get('client_id') ?? authorization?.params.get('client_id');
    const earlier = [...grants].reverse().find((x) => x.exchange.seq < seq && typeof x.body.refresh_token === 'string' && (clientId === undefined || (x.params.get('client_id') ?? clientId) === clientId) && !revokedBetween(all, x.body.refresh_token as string, x.exchange.seq, seq));
    const base = { grant: g, authorization, askedOffline, ask: undefined, askSource: undefined, earlier: undefined, metadataSaysNoRefresh: false };
    if (g.expiresIn === undefined) {
      out.push({ ...base, case: 'never-expires' });
      continue;
    }
    if (earlier && askedOffline) {
      out.push({ ...base, case: 'issued-once', earlier });
      continue;
    }
    const metadataSaysNoRefresh = grantTypes !== undefined && !grantTypes.includes('refresh_token');
    if (!askedOffline && !metadataSaysNoRefresh) {
      const offered = stringList(meta?.scopes_supported)?.find((s) => OFFLINE_SCOPES.includes(s));
      if (offered) {
        out.push({ ...base, case: 'needs-offline', ask: `the scope ${offered}`, askSource: "the provider's metadata lists it in scopes_supported" });
        continue;
      }
      const urls = [g.exchange.request.url, authorization?.exchange.request.url ?? ''].join(' ');
      const known = KNOWN.find((k) => k.host.test(urls));
      if (known) {
        out.push({ ...base, case: 'needs-offline', ask: known.ask, askSource: 'this provider documents it as the way to get a refresh token' });
        continue;
      }
    }
    out.push({ ...base, case: 'no-refresh-support', metadataSaysNoRefresh });
  }
  return out;
}

/** `3599 s (about 1 hour)`. */
export function lifetime(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const human = seconds >= 86400 ? unit(Math.round(seconds / 8640) / 10, 'day') : seconds >= 3500 ? unit(Math.round(seconds / 360) / 10, 'hour') : unit(Math.round(seconds / 60), 'minute');
  return seconds >= 60 ? `${seconds} s (about ${human})` : `${seconds} s`;
}
