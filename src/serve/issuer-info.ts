/** What `serve` tells about an issuer: URLs, client credentials, users (printed on start and by the admin API). */
import type { MockProvider } from '../../mocks/provider/provider.js';

export interface IssuerInfo {
  profile: string;
  issuer: string;
  discovery: string;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint: string | null;
  client_id: string;
  client_secret: string | null;
  redirect_uris: string[];
  /** Every registered client (the fields above repeat the first one's). */
  clients: { client_id: string; client_secret: string | null; redirect_uris: string[]; scopes: string[] }[];
  users: { username: string; password: string }[];
}

export function issuerInfo(p: MockProvider): IssuerInfo {
  const c = [...p.context.clients.values()][0]!;
  const sw = p.context.switches;
  return {
    profile: p.profile,
    issuer: p.issuer,
    discovery: `${p.issuer}/.well-known/${sw.discovery.kind === 'oidc' ? 'openid-configuration' : 'oauth-authorization-server'}`,
    authorization_endpoint: `${p.issuer}${sw.paths.authorize}`,
    token_endpoint: `${p.issuer}${sw.paths.token}`,
    revocation_endpoint: sw.revocation.enabled ? `${p.issuer}${sw.paths.revocation}` : null,
    client_id: c.client_id,
    client_secret: c.client_secret,
    redirect_uris: c.redirect_uris,
    clients: [...p.context.clients.values()].map((x) => ({ client_id: x.client_id, client_secret: x.client_secret, redirect_uris: x.redirect_uris, scopes: x.scopes })),
    users: [...p.context.users.values()].map((u) => ({ username: u.username, password: u.password })),
  };
}
