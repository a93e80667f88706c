/**
 * Starts the standalone mock: one node:http server on loopback, one issuer per profile at
 * `http://127.0.0.1:PORT/<profile>`, and the admin API at `/_admin` (admin-api.ts). The
 * CLI's `serve` and the public `startMockServer()` both start it here.
 */
import { builtInProvider } from '../../mocks/compiled-profiles.js';
import { listProfiles } from '../../mocks/profile-files.js';
import { createClock } from '../../mocks/provider/clock.js';
import type { ProviderRequest, ProviderResponse } from '../../mocks/provider/http.js';
import { DEFAULT_MAX_BODY, startNodeHttpServer, type NodeHttpServer } from '../../mocks/transports/node-http.js';
import { HarnessError } from '../errors/harness-error.js';
import { hostName } from './admin-guard.js';
import { issuerInfo, type IssuerInfo } from './issuer-info.js';
import { IssuerRegistry } from './issuers.js';

/** What `serve` prints on start (as text, or as JSON with `--json`). */
export interface ServeInfo {
  origin: string;
  admin: string;
  issuers: IssuerInfo[];
}

export interface StartServeOptions {
  /** Built-in profiles, one issuer each (default `rfc-strict`). */
  profiles: string[];
  /** 0 for any free port. */
  port: number;
  /** Default 127.0.0.1: the mock is for this machine unless told otherwise. */
  host?: string;
  seed: number;
  /** How many exchanges each issuer keeps for the admin API (0 = none, for load tests). Default 1000. */
  record?: number;
  /** Redirect URIs registered for every client, besides the profile's. */
  redirectUris?: string[];
  /** The largest request body read, in bytes (default 1 MiB); a larger one is answered 413. */
  maxBody?: number;
  /** Host names the admin API answers besides loopback names and the bound address. */
  allowedHosts?: string[];
  /** When set, the admin API needs `Authorization: Bearer <adminToken>`. */
  adminToken?: string;
  /**
   * The origin the issuers are published under when it is not the address bound, e.g.
   * `http://localhost:8900` for a container's published port, `http://oauth-mock:8900` for
   * another container of a compose project. Its host is also one the admin API answers.
   */
  publicUrl?: string;
}

/** `--public-url`: an http(s) origin (scheme, host, optional port; no path, query, fragment or user). */
export function parsePublicUrl(value: string, flag = ''): string {
  let u: URL | undefined;
  try {
    u = new URL(value);
  } catch {
    u = undefined;
  }
  if (!u || !/^https?:$/.test(u.protocol) || u.pathname !== '/' || u.search || u.hash || u.username || u.password || /[?#]$/.test(value)) {
    throw new HarnessError('USAGE', `${flag}public-url: expected an origin such as http://localhost:8900 (scheme, host, port; no path), got "${value}"`);
  }
  return u.origin;
}

/**
 * Starts the server. Every option is checked before it listens (a server left listening
 * would keep a failed command alive); `flag` prefixes option names in errors (`--` for the CLI).
 */
export async function startServe(o: StartServeOptions, flag = ''): Promise<{ close: () => Promise<void>; info: ServeInfo }> {
  const names = o.profiles.length ? [...new Set(o.profiles)] : ['rfc-strict'];
  const known = listProfiles();
  const isFile = (n: string) => /\.ya?ml$/i.test(n);
  for (const n of names) if (!known.includes(n) && !isFile(n)) throw new HarnessError('PROFILE_UNKNOWN', `${flag}profile: unknown profile "${n}"; built-in profiles: ${known.join(', ')}, or a profile file (.yaml)`);
  // profile files (a fingerprint's, say) are read before listening; yaml and zod load only for them
  const fileProfiles = names.some(isFile) ? await import('../fingerprint/profile-file.js') : undefined;
  const files = new Map(names.filter(isFile).map((n) => [n, fileProfiles!.readProfileFile(n)] as const));
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new HarnessError('USAGE', `${flag}port: expected a port number, got "${o.port}"`);
  const record = o.record ?? 1000;
  if (!Number.isInteger(record) || record < 0) throw new HarnessError('USAGE', `${flag}record: expected a whole number ≥ 0, got "${o.record}"`);
  const maxBody = o.maxBody ?? DEFAULT_MAX_BODY;
  if (!Number.isInteger(maxBody) || maxBody < 1) throw new HarnessError('USAGE', `${flag}max-body: expected a whole number of bytes ≥ 1, got "${o.maxBody}"`);
  const allowedHosts = [...(o.allowedHosts ?? [])];
  for (const h of allowedHosts) if (!hostName(h)) throw new HarnessError('USAGE', `${flag}allowed-host: "${h}" is not a host name or address`);
  if (o.adminToken !== undefined && !/^[\x21-\x7e]{16,}$/.test(o.adminToken)) throw new HarnessError('USAGE', `${flag}admin-token: use at least 16 printable characters without spaces`);
  const publicOrigin = o.publicUrl === undefined ? undefined : parsePublicUrl(o.publicUrl, flag);
  if (publicOrigin) allowedHosts.push(new URL(publicOrigin).hostname.replace(/^\[(.*)\]$/, '$1'));
  const host = o.host ?? '127.0.0.1';
  let server: NodeHttpServer;
  try {
    server = await startNodeHttpServer({ port: o.port, host, maxBody });
  } catch (e) {
    throw new HarnessError('USAGE', `cannot listen on ${host}:${o.port}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const origin = publicOrigin ?? server.origin;
  const registry = new IssuerRegistry(server, createClock(Date.now(), true));
  const extraRedirectUris = o.redirectUris ?? [];
  for (const profile of names) {
    const file = files.get(profile);
    const p = file
      ? fileProfiles!.providerFromProfile(file, { issuer: `${origin}/${file.name}`, seed: o.seed, clock: registry.clock, record })
      : await builtInProvider({ profile, issuer: `${origin}/${profile}`, seed: o.seed, clock: registry.clock, record });
    if (extraRedirectUris.length) for (const c of p.context.clients.values()) c.redirect_uris.push(...extraRedirectUris);
    registry.mount(p);
  }
  // The admin API (and the scenario schema and verdict modules it needs) loads on its
  // first request, so start-up pays only for what answers OAuth requests.
  let admin: Promise<(req: ProviderRequest) => ProviderResponse> | undefined;
  server.mountPath('_admin', async (req) => {
    const access = { port: server.port, boundHost: host, allowedHosts, token: o.adminToken };
    admin ??= import('./admin-api.js').then((m) => m.adminHandler(registry, { seed: o.seed, extraRedirectUris, access }));
    return (await admin)(req);
  });
  const info: ServeInfo = { origin, admin: `${origin}/_admin`, issuers: [...registry.issuers.values()].map((i) => issuerInfo(i.provider)) };
  return { close: () => server.close(), info };
}
