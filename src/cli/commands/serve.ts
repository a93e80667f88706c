/**
 * `oauth-harness serve --profile NAME… [--port N]`: the mock provider as a standalone
 * HTTP server on 127.0.0.1, one issuer per profile at `http://127.0.0.1:PORT/<profile>`.
 */
import { createClock } from '../../../mocks/provider/clock.js';
import { buildProvider, listProfiles } from '../../../mocks/profiles.js';
import type { MockProvider } from '../../../mocks/provider/provider.js';
import { startNodeHttpServer } from '../../../mocks/transports/node-http.js';
import { HarnessError } from '../../errors/harness-error.js';
import { parseSeed } from './run.js';
import { mountAdminApi } from '../../serve/admin-api.js';

export interface ServeOptions {
  profile: string[];
  port: string;
  host: string;
  json?: boolean;
  seed: string;
  redirectUri?: string[];
}

/** What `serve` prints on start (as text, or as JSON with `--json`). */
export interface ServeInfo {
  origin: string;
  admin: string;
  issuers: { profile: string; issuer: string; discovery: string; authorization_endpoint: string; token_endpoint: string; client_id: string; client_secret: string | null; redirect_uris: string[]; users: { username: string; password: string }[] }[];
}

export async function serveCommand(o: ServeOptions): Promise<{ close: () => Promise<void>; info: ServeInfo }> {
  const names = o.profile.length ? o.profile : ['rfc-strict'];
  const known = listProfiles();
  for (const n of names) if (!known.includes(n)) throw new HarnessError('PROFILE_UNKNOWN', `--profile: unknown profile "${n}"; built-in profiles: ${known.join(', ')}`);
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new HarnessError('USAGE', `--port: expected a port number, got "${o.port}"`);
  const seed = parseSeed(o.seed);
  let server;
  try {
    server = await startNodeHttpServer({ port, host: o.host });
  } catch (e) {
    throw new HarnessError('USAGE', `cannot listen on ${o.host}:${port}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const clock = createClock(Date.now(), true);
  const providers: MockProvider[] = names.map((profile) => {
    const p = buildProvider({ profile, issuer: `${server.origin}/${profile}`, seed, clock, record: 5000 });
    if (o.redirectUri?.length) for (const c of p.context.clients.values()) c.redirect_uris.push(...o.redirectUri);
    server.mount(p);
    return p;
  });
  mountAdminApi(server, providers, clock);
  const info: ServeInfo = {
    origin: server.origin,
    admin: `${server.origin}/_admin`,
    issuers: providers.map((p) => {
      const c = [...p.context.clients.values()][0]!;
      const paths = p.context.switches.paths;
      return {
        profile: p.profile,
        issuer: p.issuer,
        discovery: `${p.issuer}/.well-known/${p.context.switches.discovery.kind === 'oidc' ? 'openid-configuration' : 'oauth-authorization-server'}`,
        authorization_endpoint: `${p.issuer}${paths.authorize}`,
        token_endpoint: `${p.issuer}${paths.token}`,
        client_id: c.client_id,
        client_secret: c.client_secret,
        redirect_uris: c.redirect_uris,
        users: [...p.context.users.values()].map((u) => ({ username: u.username, password: u.password })),
      };
    }),
  };
  return { close: () => server.close(), info };
}

/** Prints the start-up banner. Client secrets are printed here on purpose: they are the mock's test credentials. */
export function printServeInfo(info: ServeInfo, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(info)}\n`);
    return;
  }
  const lines = [`oauth-harness serve: listening on ${info.origin} (admin API: ${info.admin})`];
  for (const i of info.issuers) {
    lines.push('', `  ${i.profile}`, `    issuer:        ${i.issuer}`, `    discovery:     ${i.discovery}`, `    authorize:     ${i.authorization_endpoint}`, `    token:         ${i.token_endpoint}`, `    client_id:     ${i.client_id}`, `    client_secret: ${i.client_secret ?? '(public client)'}`, `    redirect_uris: ${i.redirect_uris.join(' ')}`, `    users:         ${i.users.map((u) => `${u.username} / ${u.password}`).join(', ')}`);
  }
  lines.push('', 'Press Ctrl+C to stop.');
  process.stdout.write(`${lines.join('\n')}\n`);
}
