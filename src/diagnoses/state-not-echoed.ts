/**
 * The provider sent the browser back without the `state` the authorization request
 * carried (RFC 6749 §4.1.2: REQUIRED in the response when present in the request). A
 * client that checks state (as it must, RFC 6749 §10.12) refuses the callback, and
 * `state-mismatch` would blame a forged callback: the traffic shows it is the provider.
 */
import type { Exchange } from '../results/model.js';
import type { Diagnosis } from './diagnosis.js';
import { authorizationRequests, describe, kindOf, locationParams } from './traffic.js';

export interface StateDropped {
  authorization: Exchange;
  redirect: Exchange;
  sent: string;
}

/** Redirects back to the client (with a code or an error) that lack the state their authorization request sent. */
export function statesDropped(all: Exchange[]): StateDropped[] {
  const auths = authorizationRequests(all);
  const out: StateDropped[] = [];
  for (const e of all) {
    const k = kindOf(e);
    if (k !== 'authorize' && k !== 'decision' && e.from !== 'user-agent') continue;
    const loc = locationParams(e);
    if (!loc || (!loc.params.has('code') && !loc.params.has('error'))) continue;
    const auth = [...auths].reverse().find((a) => a.exchange.seq <= e.seq);
    const sent = auth?.params.get('state');
    if (auth && sent && !loc.params.has('state')) out.push({ authorization: auth.exchange, redirect: e, sent });
  }
  return out;
}

export const stateNotEchoed: Diagnosis = {
  id: 'state-not-echoed',
  level: 'error',
  title: 'The provider sent the browser back without the state the client sent',
  specRef: 'RFC 6749 §4.1.2',
  fix: [
    'Report it to the provider: state must come back unchanged in the authorization response.',
    "Keep refusing callbacks without state in general; if this provider cannot be fixed, protect the login with PKCE (S256: RFC 9700 §2.1 accepts it instead of state) and accept a missing state from this provider only.",
  ],
  detect({ exchanges }) {
    const found = statesDropped(exchanges);
    const f = found[found.length - 1];
    if (!f) return undefined;
    return {
      cause: `The authorization request (exchange #${f.authorization.seq}) sent state, but the provider's redirect back to the client (${describe(f.redirect)}) carried none. A client that checks state cannot tell this callback from a forged one and refuses it; the callback was not forged, the provider dropped the parameter.`,
      evidence: found.flatMap((x) => [x.authorization.seq, x.redirect.seq]),
    };
  },
};
