/**
 * The mock provider: one authorization server plus resource server, written against a
 * minimal request/response pair, served identically through msw (in-process), a
 * node:http server on loopback, and direct calls in tests.
 *
 * @see ../transports/msw.ts and ../transports/node-http.ts for the thin adapters.
 */
import { createClock, type Clock } from './clock.js';
import type { ProviderContext } from './context.js';
import { authorize } from './endpoints/authorize.js';
import { decision } from './endpoints/decision.js';
import { metadata } from './endpoints/discovery.js';
import { introspection } from './endpoints/introspection.js';
import { revocation } from './endpoints/revocation.js';
import { token } from './endpoints/token.js';
import { ExchangeRing, type RecordedExchange } from './exchange-ring.js';

export type { RecordedExchange } from './exchange-ring.js';
import { json, type ProviderRequest, type ProviderResponse } from './http.js';
import { createSigningKeys } from './keys.js';
import { errorPage } from './pages.js';
import { api, userinfo } from './resource/api.js';
import { lazyResourceData } from './resource/data.js';
import { pairKey, ProviderStore } from './store.js';
import type { RegisteredClient, Switches, User } from './switches.js';

type Handler = (ctx: ProviderContext, req: ProviderRequest) => ProviderResponse | Promise<ProviderResponse>;


export interface ProviderOptions {
  /** Profile name, for reports. */
  profile: string;
  issuer: string;
  /** Validated switches (`parseSwitches`, or a compiled profile's): the core never loads zod. */
  switches: Switches;
  clients: RegisteredClient[];
  users: User[];
  clock?: Clock;
  seed?: number;
  /** Keep the last N exchanges (0 = record nothing). Default 10,000. */
  record?: number;
}

export interface MockProvider {
  readonly issuer: string;
  readonly profile: string;
  readonly context: ProviderContext;
  /**
   * Answers one request, at once when the endpoint needs no wait (await it either
   * way). Never throws or rejects: an internal fault becomes a 500.
   */
  handle(req: ProviderRequest): ProviderResponse | Promise<ProviderResponse>;
  /** The exchanges recorded so far (oldest first): a new array on each read. */
  readonly exchanges: RecordedExchange[];
  /** The `seq` of the newest recorded exchange (0 when none): cheaper than `exchanges`. */
  readonly lastSeq: number;
  /** Called after each recorded exchange. */
  onExchange(listener: (e: RecordedExchange) => void): () => void;
  /** Replaces the switches at runtime with validated ones (`mergeSwitches(p.context.switches, overrides)`). */
  setSwitches(next: Switches): void;
  /** Revokes every grant of a user (optionally for one client): "remove app access" at the provider. */
  revokeGrants(username: string, clientId?: string): number;
  /** Forgets all state and recorded exchanges. */
  reset(): void;
}

/** A fault inside an endpoint, as a 500 `server_error` (RFC 6749 §5.2 error fields). */
function fault(err: unknown): ProviderResponse {
  return json(500, { error: 'server_error', error_description: `mock provider fault: ${(err as Error).message}`.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?') });
}

/** A document endpoint (discovery, JWKS): GET and HEAD only, else 405 with `Allow` (RFC 9110 §15.5.6). */
function readOnly(handler: Handler): Handler {
  return (ctx, req) =>
    req.method === 'GET' || req.method === 'HEAD'
      ? handler(ctx, req)
      : json(405, { error: 'invalid_request', error_description: `${req.path} accepts GET and HEAD only` }, { allow: 'GET, HEAD' });
}

/** Creates a provider from validated switches. */
export function createProvider(options: ProviderOptions): MockProvider {
  const clock = options.clock ?? createClock();
  const switches = options.switches;
  const ctx: ProviderContext = {
    issuer: options.issuer.replace(/\/+$/, ''),
    profile: options.profile,
    switches,
    clients: new Map(options.clients.map((c) => [c.client_id, c])),
    users: new Map(options.users.map((u) => [u.username, u])),
    store: new ProviderStore(() => clock.now()),
    clock,
    keys: createSigningKeys(),
    data: lazyResourceData(options.seed ?? 1, () => ctx.switches.api.records),
  };
  const routes = new Map<string, [string, Handler]>();
  const buildRoutes = () => {
    const p = ctx.switches.paths;
    routes.clear();
    routes.set(p.authorize, ['authorize', authorize]);
    routes.set(`${p.authorize}/decision`, ['decision', decision]);
    routes.set(p.token, ['token', token]);
    if (ctx.switches.revocation.enabled) routes.set(p.revocation, ['revocation', revocation]);
    if (ctx.switches.introspection.enabled) routes.set(p.introspection, ['introspection', introspection]);
    if (ctx.switches.discovery.kind === 'oidc') routes.set(p.userinfo, ['userinfo', userinfo]);
    routes.set(p.jwks, ['jwks', readOnly(async (c) => json(200, await c.keys.jwks()))]);
    if (ctx.switches.discovery.enabled) {
      const doc: Handler = readOnly((c) => json(200, metadata(c)));
      routes.set('/.well-known/oauth-authorization-server', ['discovery', doc]);
      if (ctx.switches.discovery.kind === 'oidc') routes.set('/.well-known/openid-configuration', ['discovery', doc]);
    }
  };
  buildRoutes();

  const limit = options.record ?? 10_000;
  const exchanges = new ExchangeRing(limit);
  const listeners = new Set<(e: RecordedExchange) => void>();
  let seq = 0;

  const route = (path: string): [string, Handler] | undefined => {
    const hit = routes.get(path) ?? routes.get(path.replace(/\/+$/, ''));
    if (hit) return hit;
    if (path === '/api' || path.startsWith('/api/')) return ['api', api];
    return undefined;
  };

  return {
    issuer: ctx.issuer,
    profile: options.profile,
    context: ctx,
    get exchanges() {
      return exchanges.list();
    },
    get lastSeq() {
      return exchanges.lastSeq();
    },
    handle(req) {
      const hit = route(req.path);
      const finish = (res: ProviderResponse): ProviderResponse => {
        if (limit > 0) {
          exchanges.record(++seq, clock.now(), hit?.[0] ?? 'unknown', req, res);
          if (listeners.size > 0) {
            const e = exchanges.newest()!;
            for (const l of listeners) l(e);
          }
        }
        return res;
      };
      let out: ProviderResponse | Promise<ProviderResponse>;
      try {
        out = hit ? hit[1](ctx, req) : errorPage(404, 'Not Found', `Nothing is served at ${req.path}.`);
      } catch (err) {
        return finish(fault(err));
      }
      // Most answers are ready at once (only signing and a few endpoints wait): no promise for those.
      return out instanceof Promise ? out.then(finish, (err: unknown) => finish(fault(err))) : finish(out);
    },
    onExchange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setSwitches(next) {
      ctx.switches = next;
      buildRoutes();
    },
    revokeGrants(username, clientId) {
      let n = 0;
      for (const g of ctx.store.grants.values()) {
        if (g.username === username && (!clientId || g.clientId === clientId) && !g.revoked) {
          ctx.store.revokeGrant(g.id, 'provider');
          n++;
        }
      }
      // The user's grants swept after their refresh tokens expired still mark "refresh token issued".
      for (const id of clientId ? [clientId] : ctx.clients.keys()) ctx.store.refreshIssuedTo.delete(pairKey(id, username));
      return n;
    },
    reset() {
      ctx.store.clear();
      exchanges.clear();
      seq = 0;
    },
  };
}
