/**
 * Refresh requests whose `scope` asks for more than the grant holds (RFC 6749 §6: the
 * scope of a refresh MUST NOT include a scope not originally granted). The grant's scope
 * is read from the traffic: the `scope` of the token response that issued the refresh
 * token (or, when it has none, what that request asked for). Shared by
 * `refresh-scope-exceeds-grant` and `scope-not-registered` (which leaves these alone).
 */
import type { Exchange } from '../results/model.js';
import { errorOf, splitScopes, tokenGrants, tokenScopes, type ErrorInfo, type TokenGrant } from './traffic.js';

export interface RefreshBeyondGrant {
  refresh: TokenGrant;
  asked: string[];
  /** The grant's scope, as the traffic shows it. */
  granted: string[];
  beyond: string[];
  /** The token response that issued the refresh token used. */
  issuedBy: TokenGrant;
  /** The provider's error, when it refused the refresh. */
  error: ErrorInfo | undefined;
}

export function refreshesBeyondGrant(all: Exchange[]): RefreshBeyondGrant[] {
  const grants = tokenGrants(all);
  const out: RefreshBeyondGrant[] = [];
  for (const g of grants) {
    if (g.grantType !== 'refresh_token' || g.params.get('scope') === null) continue;
    const rt = g.params.get('refresh_token');
    const issuedBy = [...grants].reverse().find((x) => x.ok && x.exchange.seq < g.exchange.seq && x.body.refresh_token === rt);
    const granted = issuedBy ? tokenScopes(all, issuedBy) : undefined;
    if (!issuedBy || !granted) continue;
    const asked = splitScopes(g.params.get('scope'));
    const beyond = asked.filter((s) => !granted.includes(s));
    if (beyond.length) out.push({ refresh: g, asked, granted, beyond, issuedBy, error: g.ok ? undefined : errorOf(g.exchange.response) });
  }
  return out;
}
