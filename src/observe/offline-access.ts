/**
 * Why a login came back without a refresh token (docs/behaviours.md §7), decided in one
 * place for the reference client's warning and for the diagnoses, so the two never
 * contradict each other on the same traffic. The evidence is what the traffic shows (the
 * response's expiry, the authorization request, the metadata, earlier logins of the
 * client) and a provider family declared by the scenario, the profile or `serve`, never
 * the provider's host name.
 */

export type MissingRefreshCase = 'never-expires' | 'no-refresh-support' | 'needs-offline' | 'issued-once';

/** Scopes by which providers are asked for offline access. */
export const OFFLINE_SCOPES = ['offline_access', 'offline.access', 'refresh_token', 'offline', 'wl.offline_access'];
/** Authorization parameters by which providers are asked for offline access. */
export const OFFLINE_PARAMS: [string, string][] = [
  ['access_type', 'offline'],
  ['token_access_type', 'offline'],
  ['duration', 'permanent'],
];

/** A provider family a scenario or `serve` may declare, and how that family is asked for a refresh token (docs/provider-quirks.md §2). */
export const PROVIDER_FAMILIES = {
  google: { name: 'Google', offline: 'the authorization parameter access_type=offline' },
  dropbox: { name: 'Dropbox', offline: 'the authorization parameter token_access_type=offline' },
  reddit: { name: 'Reddit', offline: 'the authorization parameter duration=permanent' },
  x: { name: 'X (Twitter)', offline: 'the scope offline.access' },
  // Salesforce sends no expires_in, yet its tokens expire with the session timeout (docs/provider-quirks.md §1.6)
  salesforce: { name: 'Salesforce', offline: 'the scope refresh_token', expiresSilently: true },
  microsoft: { name: 'Microsoft Entra ID', offline: 'the scope offline_access' },
  okta: { name: 'Okta', offline: 'the scope offline_access' },
  auth0: { name: 'Auth0', offline: 'the scope offline_access' },
  atlassian: { name: 'Atlassian', offline: 'the scope offline_access' },
  xero: { name: 'Xero', offline: 'the scope offline_access' },
  keycloak: { name: 'Keycloak', offline: 'the scope offline_access' },
  docusign: { name: 'Docusign', offline: undefined },
  facebook: { name: 'Facebook', offline: undefined },
  github: { name: 'GitHub', offline: undefined },
} as const satisfies Record<string, { name: string; offline: string | undefined; expiresSilently?: boolean }>;
export type ProviderFamily = keyof typeof PROVIDER_FAMILIES;
export const PROVIDER_FAMILY_IDS = Object.keys(PROVIDER_FAMILIES) as [ProviderFamily, ...ProviderFamily[]];

/** Whether the declared family's tokens expire although its responses carry no `expires_in` (Salesforce). */
export function expiresSilently(family: string | undefined): boolean {
  const f = family && Object.hasOwn(PROVIDER_FAMILIES, family) ? (PROVIDER_FAMILIES[family as ProviderFamily] as { expiresSilently?: boolean }) : undefined;
  return f?.expiresSilently === true;
}

/** How an authorization request asked for offline access (`the scope offline_access`, `the parameter access_type=offline`), if it did. */
export function offlineAsk(params: URLSearchParams): string | undefined {
  const scope = (params.get('scope') ?? '').split(/[\s,]+/).find((s) => OFFLINE_SCOPES.includes(s));
  if (scope) return `the scope ${scope}`;
  const p = OFFLINE_PARAMS.find(([k, v]) => params.get(k) === v);
  return p ? `the parameter ${p[0]}=${p[1]}` : undefined;
}

export interface MissingRefreshEvidence {
  /** The token response's `expires_in` (undefined: none). */
  expiresIn: number | undefined;
  /** The provider's metadata, when the client fetched it. */
  grantTypesSupported?: string[] | undefined;
  scopesSupported?: string[] | undefined;
  /** How this login asked for offline access, if it did. */
  askedOffline: string | undefined;
  /** An earlier grant of this client and user still holds a refresh token. */
  hadRefreshBefore: boolean;
  /** An earlier login of this client asked for offline access this way and got a refresh token (exchange `seq`). */
  earlierOfflineLogin?: { ask: string; seq: number } | undefined;
  /** The declared provider family. */
  family?: string | undefined;
}

export interface MissingRefreshDecision {
  case: MissingRefreshCase;
  /** needs-offline: what to ask for, and how we know. */
  ask?: string;
  askSource?: string;
  /** no-refresh-support: the metadata's grant_types_supported lacks refresh_token. */
  metadataSaysNoRefresh: boolean;
}

/** The case of docs/behaviours.md §7 a login without a refresh token is, and for needs-offline what to ask for. */
export function decideMissingRefresh(e: MissingRefreshEvidence): MissingRefreshDecision {
  if (e.expiresIn === undefined && !expiresSilently(e.family)) return { case: 'never-expires', metadataSaysNoRefresh: false };
  if (e.hadRefreshBefore && e.askedOffline) return { case: 'issued-once', metadataSaysNoRefresh: false };
  const metadataSaysNoRefresh = e.grantTypesSupported !== undefined && !e.grantTypesSupported.includes('refresh_token');
  if (!e.askedOffline && !metadataSaysNoRefresh) {
    const offered = e.scopesSupported?.find((s) => OFFLINE_SCOPES.includes(s));
    if (offered) return { case: 'needs-offline', ask: `the scope ${offered}`, askSource: "the provider's metadata lists it in scopes_supported", metadataSaysNoRefresh };
    const family = e.family && Object.hasOwn(PROVIDER_FAMILIES, e.family) ? PROVIDER_FAMILIES[e.family as ProviderFamily] : undefined;
    if (family?.offline) return { case: 'needs-offline', ask: family.offline, askSource: `the provider family declared for this provider (${e.family}); ${family.name} documents it as the way to get a refresh token`, metadataSaysNoRefresh };
    if (e.earlierOfflineLogin) return { case: 'needs-offline', ask: e.earlierOfflineLogin.ask, askSource: `an earlier login of this client (exchange #${e.earlierOfflineLogin.seq}) asked with it and got a refresh token`, metadataSaysNoRefresh };
  }
  return { case: 'no-refresh-support', metadataSaysNoRefresh };
}
