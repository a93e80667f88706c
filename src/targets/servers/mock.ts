/**
 * `mock`: the mock provider of a profile on a node:http server on 127.0.0.1, reached over
 * real HTTP like a container. The same scenario runs here exactly as on a real server
 * (same recording, same user agent path), so a difference between this target and a
 * container is the server's, not the harness's.
 */
import { createClock } from '../../../mocks/provider/clock.js';
import { buildProvider, DEFAULT_CLIENT_ID, listProfiles, loadProfile } from '../../../mocks/profiles.js';
import type { RegisteredClient } from '../../../mocks/provider/switches.js';
import { startNodeHttpServer } from '../../../mocks/transports/node-http.js';
import { formUserAgent } from '../../user-agent/form-user-agent.js';
import { discoverTarget } from '../discovery.js';
import { chooseProfile } from '../imitation.js';
import type { StartedTarget, StartTargetOptions } from '../started-target.js';

export async function startMockTarget(o: StartTargetOptions): Promise<StartedTarget> {
  const profile = chooseProfile('mock', listProfiles(), o.profile ?? 'rfc-strict');
  const server = await startNodeHttpServer({ port: 0, host: '127.0.0.1' });
  try {
    const clock = createClock(Date.now(), true);
    const first = loadProfile(profile).clients[0]?.client_id ?? DEFAULT_CLIENT_ID;
    const clients = (o.clients ?? []).map((c) => ({ client_id: first, ...c }) as Partial<RegisteredClient>);
    const provider = buildProvider({ profile, issuer: `${server.origin}/${profile}`, switches: o.switches ?? {}, clients, seed: o.seed ?? 1, clock });
    server.mount(provider);
    const metadata = await discoverTarget(provider.issuer);
    const registered = [...provider.context.clients.values()][0]!;
    return {
      label: `mock:${profile}`,
      issuer: provider.issuer,
      metadata,
      client: {
        id: registered.client_id,
        secret: registered.client_secret ?? '',
        redirectUri: registered.redirect_uris[0] ?? 'https://client.example.test/callback',
        redirectUris: [...registered.redirect_uris],
        scopes: [...registered.scopes],
      },
      users: provider.context.users,
      profileLike: [profile],
      capabilities: { deny: true, untick: true, resources: ['odata4', 'odata3', 'select-query', 'rest', 'basic-ws', 'userinfo'], providerChanges: true },
      userAgent: formUserAgent(),
      now: () => clock.now(),
      advanceClock: (ms) => clock.advance(ms),
      revokeGrants: (user) => void provider.revokeGrants(user),
      verifyConfig: () => {
        const user = [...provider.context.users.values()][0]!;
        return {
          issuer: provider.issuer,
          client: { client_id: registered.client_id, client_secret: registered.client_secret ?? '', redirect_uri: registered.redirect_uris[0] },
          fixtures: { user: { username: user.username, password: user.password } },
          login: { kind: 'form', fields: { username: '{{username}}', password: '{{password}}' } },
        };
      },
      stop: () => server.close(),
    };
  } catch (e) {
    await server.close();
    throw e;
  }
}
