/**
 * `oauth-harness serve --profile NAME… [--port N]`: the mock provider as a standalone
 * HTTP server on 127.0.0.1, one issuer per profile at `http://127.0.0.1:PORT/<profile>`,
 * with the admin API at `/_admin` (src/serve/admin-api.ts).
 */
import { createClock } from '../../../mocks/provider/clock.js';
import { builtInProvider } from '../../../mocks/compiled-profiles.js';
import { listProfiles } from '../../../mocks/profile-files.js';
import { startNodeHttpServer, type NodeHttpServer } from '../../../mocks/transports/node-http.js';
import { HarnessError } from '../../errors/harness-error.js';
import type { ProviderRequest, ProviderResponse } from '../../../mocks/provider/http.js';
import { issuerInfo, type IssuerInfo } from '../../serve/issuer-info.js';
import { IssuerRegistry } from '../../serve/issuers.js';
import { parseSeed } from '../parse-seed.js';

export interface ServeOptions {
  profile: string[];
  port: string;
  host: string;
  json?: boolean;
  seed: string;
  redirectUri?: string[];
  /** How many exchanges each issuer keeps for the admin API (0 = none, for load tests). */
  record?: string;
}

/** What `serve` prints on start (as text, or as JSON with `--json`). */
export interface ServeInfo {
  origin: string;
  admin: string;
  issuers: IssuerInfo[];
}

export async function serveCommand(o: ServeOptions): Promise<{ close: () => Promise<void>; info: ServeInfo }> {
  const names = o.profile.length ? [...new Set(o.profile)] : ['rfc-strict'];
  const known = listProfiles();
  for (const n of names) if (!known.includes(n)) throw new HarnessError('PROFILE_UNKNOWN', `--profile: unknown profile "${n}"; built-in profiles: ${known.join(', ')}`);
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new HarnessError('USAGE', `--port: expected a port number, got "${o.port}"`);
  const seed = parseSeed(o.seed);
  // Every flag is checked before the server listens: a server left listening would keep the failed command alive.
  const record = o.record === undefined ? 1000 : Number(o.record);
  if (!Number.isInteger(record) || record < 0) throw new HarnessError('USAGE', `--record: expected a whole number ≥ 0, got "${o.record}"`);
  let server: NodeHttpServer;
  try {
    server = await startNodeHttpServer({ port, host: o.host });
  } catch (e) {
    throw new HarnessError('USAGE', `cannot listen on ${o.host}:${port}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const registry = new IssuerRegistry(server, createClock(Date.now(), true));
  const extraRedirectUris = o.redirectUri ?? [];
  for (const profile of names) {
    const p = await builtInProvider({ profile, issuer: `${server.origin}/${profile}`, seed, clock: registry.clock, record });
    if (extraRedirectUris.length) for (const c of p.context.clients.values()) c.redirect_uris.push(...extraRedirectUris);
    registry.mount(p);
  }
  // The admin API (and the scenario schema and verdict modules it needs) loads on its
  // first request, so start-up pays only for what answers OAuth requests.
  let admin: Promise<(req: ProviderRequest) => ProviderResponse> | undefined;
  server.mountPath('_admin', async (req) => {
    admin ??= import('../../serve/admin-api.js').then((m) => m.adminHandler(registry, { seed, extraRedirectUris }));
    return (await admin)(req);
  });
  const info: ServeInfo = { origin: server.origin, admin: `${server.origin}/_admin`, issuers: [...registry.issuers.values()].map((i) => issuerInfo(i.provider)) };
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
    lines.push(
      '',
      `  ${i.profile}`,
      `    issuer:        ${i.issuer}`,
      `    discovery:     ${i.discovery}`,
      `    authorize:     ${i.authorization_endpoint}`,
      `    token:         ${i.token_endpoint}`,
      ...(i.revocation_endpoint ? [`    revocation:    ${i.revocation_endpoint}`] : []),
      `    client_id:     ${i.client_id}`,
      `    client_secret: ${i.client_secret ?? '(public client)'}`,
      `    redirect_uris: ${i.redirect_uris.join(' ')}`,
      `    users:         ${i.users.map((u) => `${u.username} / ${u.password}`).join(', ')}`,
    );
  }
  lines.push('', 'Press Ctrl+C to stop.');
  process.stdout.write(`${lines.join('\n')}\n`);
}
