/**
 * Client verdicts: what the client under test did, judged only from the exchange the
 * mock provider recorded, never from the client's own report. Where it put its
 * credentials, whether it used `state` and PKCE (S256), whether the redirect URI matched
 * and was repeated at the token endpoint, whether it refreshed, retried after 401,
 * revoked on disconnect, kept the rotated refresh token, and gave up on `invalid_grant`.
 */
import type { MockProvider } from '../../mocks/provider/provider.js';
import type { ExpectationResult, Exchange } from '../results/model.js';
import type { VerdictRequirements } from '../scenario/driver-schema.js';
import { bearerTokenIssued, retriedAfter401 } from './verdicts/api.js';
import { pkceS256, redirectUriRegistered, redirectUriRepeated, state, stateChecked } from './verdicts/authorization.js';
import { credentialsPlacement, tokenRequestMethod } from './verdicts/credentials.js';
import { gaveUpOnInvalidGrant, refreshed, refreshScopeWithinGrant, refreshTokenKept, rotatedRefreshTokenUsed } from './verdicts/refresh.js';
import { revokedOnDisconnect } from './verdicts/revocation.js';
import { readTraffic } from './verdicts/traffic.js';
import type { ClientVerdict, VerdictContext, VerdictDefinition } from './verdicts/verdict.js';

export type { ClientVerdict, VerdictContext, VerdictOutcome } from './verdicts/verdict.js';

/**
 * Every verdict, in report order. Where one client bug fails two verdicts, the one that
 * names the cause comes first (a lost refresh token before the refresh it made fail).
 */
export const VERDICTS: VerdictDefinition[] = [
  credentialsPlacement,
  tokenRequestMethod,
  state,
  stateChecked,
  pkceS256,
  redirectUriRegistered,
  redirectUriRepeated,
  rotatedRefreshTokenUsed,
  refreshTokenKept,
  refreshScopeWithinGrant,
  refreshed,
  retriedAfter401,
  revokedOnDisconnect,
  gaveUpOnInvalidGrant,
  bearerTokenIssued,
];

/** Judges the client `ctx.client.client_id` on recorded exchanges (raw, oldest first). */
export function clientVerdicts(exchanges: Exchange[], ctx: VerdictContext): ClientVerdict[] {
  const traffic = readTraffic(exchanges, ctx.client.client_id);
  return VERDICTS.map((v) => ({ id: v.id, title: v.title, specRef: v.specRef, evidence: [], ...v.judge(traffic, ctx) }));
}

const PLACEMENT = { client_secret_basic: 'basic', client_secret_post: 'body', client_secret_query: 'query' } as const;

/** The verdict context for a client registered at a mock provider (the first one by default). */
export function verdictContextOf(provider: MockProvider, clientId?: string, steps?: VerdictContext['steps']): VerdictContext {
  const clients = [...provider.context.clients.values()];
  const reg = (clientId ? clients.find((c) => c.client_id === clientId) : undefined) ?? clients[0]!;
  const sw = provider.context.switches;
  const methods = reg.auth_methods.length ? reg.auth_methods.filter((m) => sw.clientAuth.methods.includes(m)) : sw.clientAuth.methods;
  return {
    client: { client_id: clientId ?? reg.client_id, redirect_uris: [...reg.redirect_uris], confidential: reg.client_secret !== null },
    provider: { authMethods: methods.map((m) => PLACEMENT[m]), tokenMethods: [...sw.tokenEndpoint.methods], revocation: sw.revocation.enabled },
    ...(steps ? { steps } : {}),
  };
}

/** The scenario's `verdicts:` requirements as expectation results. */
export function verdictExpectations(required: VerdictRequirements, verdicts: ClientVerdict[]): ExpectationResult[] {
  // in the scenario's order: the matrix names the first that failed, so a scenario lists the root cause first
  return Object.entries(required).map(([id, want]) => {
    const accepted = Array.isArray(want) ? want : [want!];
    const v = verdicts.find((x) => x.id === id);
    const passed = v !== undefined && accepted.includes(v.outcome);
    return {
      path: `verdicts.${id}`,
      passed,
      message: v ? `${v.title}: ${v.outcome} (${v.detail})` : `no verdict ${id}`,
      expected: accepted.join(' or '),
      actual: v?.outcome,
    };
  });
}
