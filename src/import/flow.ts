/**
 * From recognised exchanges to the steps of a scenario: each authorization request
 * with its login pages, authorization response (RFC 6749 §4.1.2) and code exchange
 * (§4.1.3) is a `connect`; refreshes (§6), client-credentials grants (§4.4), revocations
 * (RFC 7009) and API calls (RFC 6750) are steps of their own; a refresh that answered a
 * 401 from the API, followed by the retried call, belongs to that call, as the reference
 * client does it. Where the recording shows time passing beyond a token's `expires_in`,
 * an `advanceClock` step is inserted so the mock's tokens expire as the real ones did.
 */
import { getHeader } from '../observe/wire.js';
import type { Exchange } from '../results/model.js';
import { paramsOf, tokenGrants, type TokenGrant } from '../diagnoses/traffic.js';
import { endpointKey, isAuthorizationResponse, type Recognised } from './recognise.js';

export interface AuthorizationAttempt {
  request: Exchange;
  params: URLSearchParams;
  /** Login and consent exchanges, in order. */
  pages: Exchange[];
  /** The authorization response (the redirect back to the client), if there was one. */
  response?: { url: string; params: URLSearchParams; via: Exchange };
  /** Where the browser stopped instead (an error page), if it did. */
  stoppedAt?: Exchange;
}

export type PlannedAction = 'connect' | 'refresh' | 'clientCredentials' | 'callApi' | 'revoke' | 'advanceClock';

export interface PlannedStep {
  action: PlannedAction;
  /** The recorded exchanges of this step (the authorization's pages included). */
  exchanges: Exchange[];
  authorization?: AuthorizationAttempt;
  /** The token request of the step (code exchange, refresh, client credentials), if any. */
  grant?: TokenGrant;
  /** For `advanceClock`: seconds of recorded time to let pass. */
  seconds?: number;
  /** For `callApi`: the API call whose answer the step ends with. */
  api?: Exchange;
  /** Recorded time of the step's first exchange (ms). */
  at: number;
}

export interface Plan {
  steps: PlannedStep[];
  /** Exchanges that have no scenario step (introspection, discovery, key sets). */
  unplayed: Exchange[];
}

function responseParamsOf(url: string): URLSearchParams {
  const u = new URL(url);
  const out = new URLSearchParams(u.search);
  for (const [k, v] of new URLSearchParams(u.hash.slice(1))) out.append(k, v);
  return out;
}

/** The authorization attempts of a recording, keyed by the authorize exchange. */
function authorizationAttempts(r: Recognised): Map<number, AuthorizationAttempt> {
  const out = new Map<number, AuthorizationAttempt>();
  const redirectKeys = new Set<string>();
  for (const e of r.oauth) {
    const ru = paramsOf(e).get('redirect_uri');
    if (ru) redirectKeys.add(endpointKey(ru));
  }
  let current: AuthorizationAttempt | undefined;
  for (const e of r.oauth) {
    const role = r.role.get(e.seq);
    if (role === 'authorize') {
      current = { request: e, params: paramsOf(e), pages: [] };
      out.set(e.seq, current);
    }
    if (!current || current.response) continue;
    if (role === 'login') current.pages.push(e);
    const location = getHeader(e.response.headers, 'location');
    const target = location ? safeResolve(location, e.request.url) : undefined;
    if ((role === 'authorize' || role === 'login') && target && isAuthorizationResponse(target, redirectKeys)) {
      current.response = { url: target, params: responseParamsOf(target), via: e };
    } else if (role === 'callback') {
      current.response = { url: e.request.url, params: responseParamsOf(e.request.url), via: e };
    } else if ((role === 'authorize' || role === 'login') && e.response.status >= 400) {
      current.stoppedAt = e;
    }
  }
  return out;
}

function safeResolve(location: string, base: string): string | undefined {
  try {
    return new URL(location, base).toString();
  } catch {
    return undefined;
  }
}

/** Plans the scenario's steps from a recognised recording. */
export function planSteps(r: Recognised): Plan {
  const attempts = authorizationAttempts(r);
  const grants = new Map(tokenGrants(r.oauth).map((g) => [g.exchange.seq, g]));
  const steps: PlannedStep[] = [];
  const unplayed: Exchange[] = [];
  const t0 = r.oauth.find((e) => e.at !== undefined)?.at ?? 0;
  let mockNow = 0;
  let token: { at: number; expiresIn: number | undefined } | undefined;
  const at = (e: Exchange) => (e.at ?? t0) - t0;

  /** An advanceClock before a step at recorded time `t` when the current access token expired by then. */
  const passTime = (t: number) => {
    if (!token || token.expiresIn === undefined) return;
    if ((t - token.at) / 1000 < token.expiresIn) return;
    const seconds = Math.ceil((t - mockNow) / 1000);
    if (seconds <= 0) return;
    steps.push({ action: 'advanceClock', exchanges: [], seconds, at: t });
    mockNow += seconds * 1000;
  };
  const issued = (g: TokenGrant | undefined, t: number) => {
    if (g?.ok) token = { at: t, expiresIn: g.expiresIn };
  };
  const open = () => steps[steps.length - 1];

  const list = r.oauth;
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    const role = r.role.get(e.seq);
    const t = at(e);
    const last = open();
    if (role === 'authorize') {
      const attempt = attempts.get(e.seq)!;
      steps.push({ action: 'connect', exchanges: [e], authorization: attempt, at: t });
      continue;
    }
    if (role === 'login' || role === 'callback') {
      if (last?.action === 'connect') last.exchanges.push(e);
      continue;
    }
    if (role === 'token') {
      const g = grants.get(e.seq);
      const type = g?.grantType ?? '';
      if (type === 'authorization_code') {
        if (last?.action === 'connect' && !last.grant) {
          last.exchanges.push(e);
          last.grant = g;
        } else steps.push({ action: 'connect', exchanges: [e], ...(g ? { grant: g } : {}), at: t });
        issued(g, t);
        continue;
      }
      if (type === 'refresh_token') {
        // a refresh between a 401 from the API and the retried call belongs to that call
        const next = list[i + 1];
        const answered401 = last?.action === 'callApi' && last.api?.response.status === 401;
        const retried = next && (r.role.get(next.seq) === 'api' || r.role.get(next.seq) === 'userinfo');
        if (answered401 && retried) {
          last!.exchanges.push(e);
          last!.grant = g;
          issued(g, t);
          continue;
        }
        // a refresh right before an API call, once the token expired: the reference client does that inside callApi
        if (retried && token?.expiresIn !== undefined && (t - token.at) / 1000 >= token.expiresIn) {
          passTime(t);
          steps.push({ action: 'callApi', exchanges: [e], grant: g!, at: t });
          issued(g, t);
          continue;
        }
        passTime(t);
        steps.push({ action: 'refresh', exchanges: [e], ...(g ? { grant: g } : {}), at: t });
        issued(g, t);
        continue;
      }
      if (type === 'client_credentials') {
        steps.push({ action: 'clientCredentials', exchanges: [e], ...(g ? { grant: g } : {}), at: t });
        issued(g, t);
        continue;
      }
      unplayed.push(e);
      continue;
    }
    if (role === 'api' || role === 'userinfo') {
      const retry = last?.action === 'callApi' && last.grant && last.exchanges[last.exchanges.length - 1]?.seq === last.grant.exchange.seq;
      if (retry) {
        last!.exchanges.push(e);
        last!.api = e;
        continue;
      }
      passTime(t);
      steps.push({ action: 'callApi', exchanges: [e], api: e, at: t });
      continue;
    }
    if (role === 'revocation') {
      steps.push({ action: 'revoke', exchanges: [e], at: t });
      continue;
    }
    unplayed.push(e);
  }
  return { steps, unplayed };
}
