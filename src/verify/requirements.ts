/**
 * Evaluate a check's preconditions against the run: an unmet one becomes the skip reason.
 */
import type { Requirement } from './check.js';
import type { RunState } from './context.js';
import { metaString, metaStrings } from './metadata.js';

/** The fixtures F2–F11 (see `docs/requirements.md`): what each is, its `verify.yaml` key, and whether the run has it. */
export const FIXTURES: Record<string, { name: string; key: string; present: (s: RunState) => boolean }> = {
  F2: { name: 'second confidential client', key: 'fixtures.secondClient', present: (s) => !!s.clients.second },
  F3: { name: 'public PKCE client', key: 'fixtures.publicClient', present: (s) => !!s.clients.public },
  F4: { name: 'client with special characters in id/secret', key: 'fixtures.specialCharsClient', present: (s) => !!s.clients.special },
  F5: { name: 'client with two redirect URIs', key: 'fixtures.multiRedirectClient', present: (s) => !!s.clients.multiRedirect },
  F6: { name: 'native loopback client', key: 'fixtures.nativeClient', present: (s) => !!s.clients.native },
  F7: { name: 'PKCE-optional client', key: 'fixtures.pkceOptionalClient', present: (s) => !!s.clients.pkceOptional },
  F8: { name: 'client not allowed client_credentials', key: 'fixtures.noClientCredentialsClient', present: (s) => !!s.clients.noClientCredentials },
  F9: { name: 'test user and login driver', key: 'fixtures.user + login', present: (s) => !!s.ua },
  F10: { name: 'resource server', key: 'fixtures.resourceServer', present: (s) => !!s.config.fixtures.resourceServer },
  F11: { name: 'dynamic client registration', key: 'fixtures.registration', present: (s) => !!s.config.fixtures.registration },
};

/** Reason the requirement is not met, or undefined when it is. */
export function unmetReason(req: Requirement, state: RunState): string | undefined {
  const md = state.discovery.metadata;
  if (req.startsWith('endpoint:')) {
    const name = req.slice('endpoint:'.length);
    return metaString(md, name) ? undefined : `the server does not advertise ${name}`;
  }
  if (req.startsWith('fixture:')) {
    const f = FIXTURES[req.slice('fixture:'.length)]!;
    return f.present(state) ? undefined : `fixture ${req.slice(8)} (${f.name}) is not configured (${f.key})`;
  }
  switch (req) {
    case 'user-agent':
      if (!state.ua) return 'no login driver configured (login)';
      return state.clients.primary.redirect_uri ? undefined : 'the primary client has no redirect_uri';
    case 'redirect-uri':
      return state.clients.primary.redirect_uri ? undefined : 'the primary client has no redirect_uri (client.redirect_uri)';
    case 'lifetime:code':
      return state.config.lifetimes.code ? undefined : 'no short authorization code lifetime configured (lifetimes.code)';
    case 'lifetime:accessToken':
      return state.config.lifetimes.accessToken ? undefined : 'no short access token lifetime configured (lifetimes.accessToken)';
    case 'grant:client_credentials': {
      const grants = metaStrings(md, 'grant_types_supported');
      if (!grants || grants.includes('client_credentials') || state.preflight?.clientCredentials) return undefined;
      const answer = state.preflight?.clientCredentialsAnswer;
      return `the server does not advertise the client_credentials grant${answer ? `, and ${state.clients.primary.label} got ${answer} asking for it` : ''}`;
    }
    case 'openid':
      return state.discovery.openid.json ? undefined : 'the server publishes no OpenID Connect configuration (not an OpenID Provider)';
    default:
      return `unknown requirement ${String(req)}`;
  }
}

/**
 * Why the requirement is configured but unusable in this run (a fixture client whose
 * credentials the preflight saw refused), or undefined. What the harness cannot establish
 * is "not tested", never the server's failure.
 */
export function refusedReason(req: Requirement, state: RunState): string | undefined {
  return req.startsWith('fixture:') ? state.preflight?.refusedFixtures?.[req.slice('fixture:'.length)] : undefined;
}
