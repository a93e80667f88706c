/**
 * `http://…` / `https://…`: a server the user runs. The harness discovers its endpoints;
 * the client, the users and the profiles it behaves like come from the caller, since no
 * server says them.
 */
import { HarnessError } from '../../errors/harness-error.js';
import { discoverTarget } from '../discovery.js';
import type { StartedTarget, StartTargetOptions } from '../started-target.js';
import { formUserAgent } from '../../user-agent/form-user-agent.js';

export async function connectUrlTarget(issuer: string, o: StartTargetOptions): Promise<StartedTarget> {
  const s = o.url;
  if (!s) throw new HarnessError('USAGE', `target ${issuer}: give the client registered there (id, secret, redirect URI) and the test users`);
  const metadata = await discoverTarget(issuer);
  const user = s.users[0];
  return {
    label: issuer,
    issuer,
    metadata,
    client: { id: s.client.id, secret: s.client.secret, redirectUri: s.client.redirectUri, redirectUris: [s.client.redirectUri], scopes: s.client.scopes ?? [] },
    users: new Map(s.users.map((u) => [u.username, u])),
    profileLike: s.profileLike ?? [],
    capabilities: { deny: true, untick: false, resources: typeof metadata.userinfo_endpoint === 'string' ? ['userinfo'] : [], providerChanges: false },
    userAgent: formUserAgent({ ...(s.loginFields?.username ? { usernameField: s.loginFields.username } : {}), ...(s.loginFields?.password ? { passwordField: s.loginFields.password } : {}) }),
    now: () => Date.now(),
    verifyConfig: () => ({
      issuer,
      client: { client_id: s.client.id, client_secret: s.client.secret, redirect_uri: s.client.redirectUri },
      ...(user ? { fixtures: { user: { username: user.username, password: user.password } } } : {}),
      ...(user ? { login: { kind: 'form' as const, fields: { [s.loginFields?.username ?? 'username']: '{{username}}', [s.loginFields?.password ?? 'password']: '{{password}}' } } } : {}),
    }),
    stop: async () => {},
  };
}
