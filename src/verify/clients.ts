/**
 * Test clients resolved from the configuration, labelled with their fixture ids so that
 * messages can say which client a request used.
 */
import type { VerifyConfig } from './config.js';

export interface TestClient {
  /** `F1 primary client`, `F2 second client`, … */
  label: string;
  client_id: string;
  /** Absent for public clients. */
  client_secret?: string;
  /** The redirect URI used in authorization requests. */
  redirect_uri?: string;
  /** All registered redirect URIs the harness knows of. */
  redirect_uris: string[];
  /** For public clients: the server requires PKCE. */
  pkceRequired?: boolean;
  /** The token endpoint authentication it is registered for, when the configuration says. */
  authMethod?: 'basic' | 'post';
}

export interface Clients {
  primary: TestClient;
  second?: TestClient;
  public?: TestClient;
  special?: TestClient;
  multiRedirect?: TestClient;
  native?: TestClient;
  pkceOptional?: TestClient;
  noClientCredentials?: TestClient;
  /** Caller of the introspection endpoint: F10's introspection client, else F1. */
  introspector: TestClient;
}

type ClientInput = {
  client_id: string;
  client_secret?: string | undefined;
  redirect_uri?: string | undefined;
  pkceRequired?: boolean;
  token_endpoint_auth_method?: 'client_secret_basic' | 'client_secret_post' | undefined;
};

function client(label: string, c: ClientInput, fallbackRedirect?: string): TestClient {
  const redirect = c.redirect_uri ?? fallbackRedirect;
  return {
    label,
    client_id: c.client_id,
    ...(c.client_secret !== undefined ? { client_secret: c.client_secret } : {}),
    ...(redirect !== undefined ? { redirect_uri: redirect } : {}),
    redirect_uris: redirect !== undefined ? [redirect] : [],
    ...(c.pkceRequired !== undefined ? { pkceRequired: c.pkceRequired } : {}),
    ...(c.token_endpoint_auth_method ? { authMethod: c.token_endpoint_auth_method === 'client_secret_post' ? ('post' as const) : ('basic' as const) } : {}),
  };
}

/** Build the client set from the config. */
export function resolveClients(config: VerifyConfig): Clients {
  const f = config.fixtures;
  const primary = client('F1 primary client', config.client);
  const r = primary.redirect_uri;
  const multi = f.multiRedirectClient
    ? {
        ...client('F5 two-redirect-URI client', { ...f.multiRedirectClient, redirect_uri: f.multiRedirectClient.redirect_uris[0] }),
        redirect_uris: f.multiRedirectClient.redirect_uris,
      }
    : undefined;
  const introspection = f.resourceServer?.introspectionClient;
  return {
    primary,
    ...(f.secondClient ? { second: client('F2 second client', f.secondClient, r) } : {}),
    ...(f.publicClient ? { public: client('F3 public client', f.publicClient) } : {}),
    ...(f.specialCharsClient ? { special: client('F4 special-character client', f.specialCharsClient) } : {}),
    ...(multi ? { multiRedirect: multi } : {}),
    ...(f.nativeClient ? { native: client('F6 native loopback client', f.nativeClient) } : {}),
    ...(f.pkceOptionalClient ? { pkceOptional: client('F7 PKCE-optional client', f.pkceOptionalClient, r) } : {}),
    ...(f.noClientCredentialsClient ? { noClientCredentials: client('F8 client without client_credentials', f.noClientCredentialsClient) } : {}),
    introspector: introspection ? client('F10 introspection client', introspection) : primary,
  };
}

/** Every configured secret value (for redaction). */
export function clientSecrets(config: VerifyConfig): string[] {
  const f = config.fixtures;
  return [
    config.client.client_secret,
    f.secondClient?.client_secret,
    f.specialCharsClient?.client_secret,
    f.multiRedirectClient?.client_secret,
    f.pkceOptionalClient?.client_secret,
    f.noClientCredentialsClient?.client_secret,
    f.resourceServer?.introspectionClient?.client_secret,
    f.user?.password,
    f.registration?.initialAccessToken,
  ].filter((s): s is string => typeof s === 'string' && s.length > 0);
}
