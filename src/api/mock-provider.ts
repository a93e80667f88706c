/**
 * `createMockProvider()`: one mock OAuth 2.0 authorization server and API, built from a
 * profile, answering Fetch `Request`s in the test's own process. Hand it to
 * `oauthHandlers()` (oauth-harness/msw) or `startMockServer()` to reach it from a client.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749 The OAuth 2.0 Authorization Framework
 */
import { createClock, parseDuration } from '../../mocks/provider/clock.js';
import { buildProvider, listProfiles, loadProfile } from '../../mocks/profiles.js';
import type { MockProvider as CoreProvider } from '../../mocks/provider/provider.js';
import { mergeSwitches, type RegisteredClient, type SwitchesInput } from '../../mocks/provider/switches.js';
import { fetchIssuer } from '../../mocks/transports/fetch-adapter.js';
import { clientVerdicts, verdictContextOf, type ClientVerdict } from '../drivers/client-verdicts.js';
import { diagnose } from '../diagnoses/diagnose.js';
import { HarnessError } from '../errors/harness-error.js';
import { toExchange } from '../observe/recorded-exchange.js';
import type { DiagnosisResult, Exchange } from '../results/model.js';
import { formUserAgent } from '../user-agent/form-user-agent.js';

/** A deep partial of the switches: only what differs from the profile. */
export type DeepPartial<T> = T extends readonly (infer U)[] ? readonly U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> | null } : T;

/** Switch overrides, merged over the profile's (see the profile files and `oauth-harness schema`). */
export type SwitchOverrides = DeepPartial<SwitchesInput>;

/** A client registered at the mock provider, as `serve --json` prints it. */
export interface MockClient {
  client_id: string;
  /** `null` for a public client. */
  client_secret: string | null;
  redirect_uris: string[];
  /** The scopes the registration allows. */
  scopes: string[];
  /** Accepted client authentication methods (empty: whatever the profile accepts). RFC 6749 §2.3. */
  auth_methods: string[];
}

/** A test user who can sign in on the mock's login page. */
export interface MockUser {
  username: string;
  password: string;
  name?: string | undefined;
  email?: string | undefined;
}

/** A change to a registered client (by `client_id`; the first client when it has none). New ids are added. */
export type ClientChange = Partial<Omit<RegisteredClient, 'client_secret'>> & { client_secret?: string | null };

export interface CreateMockProviderOptions {
  /** A built-in profile (`rfc-strict`, `google-like`, …: see {@link PROFILES}). Default `rfc-strict`. */
  profile?: string;
  /** Switch overrides merged over the profile's. */
  switches?: SwitchOverrides;
  /** Seed for generated client secrets, user passwords and API data. Default 1. */
  seed?: number;
  /** The issuer URL. Default `https://<profile>.oauth-harness.test`. */
  issuer?: string;
  /** Changes to the registered clients, e.g. `[{ redirect_uris: ['http://localhost:3000/callback'] }]`. */
  clients?: ClientChange[];
}

/** What the browser ended on after {@link OAuthMockProvider.authorize}. */
export interface AuthorizeResult {
  /** The URL the provider redirected the browser to (the client's callback), if any. */
  callbackUrl?: string;
  /** `code` from the callback (RFC 6749 §4.1.2). */
  code?: string;
  /** `state` from the callback, as the provider echoed it. */
  state?: string;
  /** `error` from the callback (RFC 6749 §4.1.2.1), e.g. `access_denied`. */
  error?: string;
  /** Set when the provider showed an error page instead of redirecting (e.g. an unregistered redirect URI). */
  errorPage?: { status: number; title: string; detail: string };
}

export interface AuthorizeOptions {
  /** Who signs in (default: the first user). */
  user?: string;
  /** Refuse consent (the provider answers `access_denied`). */
  deny?: boolean;
  /** Scopes the user unticks on the consent page (where the profile lets users decline). */
  untick?: string[];
}

/** A mock authorization server and API. */
export interface OAuthMockProvider {
  readonly issuer: string;
  readonly profile: string;
  /** The registered clients, with their (generated) secrets. */
  readonly clients: MockClient[];
  readonly users: MockUser[];
  /** Where the endpoints are (absent when the profile has none, e.g. no revocation). */
  readonly endpoints: { discovery: string; authorization: string; token: string; revocation?: string; introspection?: string; userinfo?: string; jwks: string; api: string };
  /** Answers one request addressed to the issuer. Never rejects: an internal fault is a 500. */
  handle(request: Request): Promise<Response>;
  /** Every exchange so far, oldest first, unredacted (the same shape as results.json's). */
  readonly exchanges: Exchange[];
  /** What the client did, judged from the recorded traffic (by client id; the first client by default). */
  clientVerdicts(clientId?: string): ClientVerdict[];
  /** The causes the recorded traffic shows, with their fixes (the same objects as results.json's). */
  diagnose(): DiagnosisResult[];
  /**
   * Plays the browser: opens `authorizationUrl`, signs in as a test user, consents (or
   * not), and returns where the provider redirected. RFC 6749 §4.1.1–4.1.2.
   */
  authorize(authorizationUrl: string, options?: AuthorizeOptions): Promise<AuthorizeResult>;
  /** Changes switches at run time (merged over the current ones). Invalid values throw `CONFIG_INVALID`. */
  setSwitches(overrides: SwitchOverrides): void;
  /** Moves the provider's clock forward: `'2h'`, `'90s'`, or seconds. Tokens expire without waiting. */
  advanceClock(by: string | number): void;
  /** Revokes a user's grants ("remove app access" at the provider); returns how many. */
  revokeGrants(username: string, clientId?: string): number;
  /** Forgets every token, code, grant and recorded exchange. */
  reset(): void;
  /** The provider core, for advanced uses (unstable). */
  readonly core: CoreProvider;
}

function clientOf(c: RegisteredClient): MockClient {
  return { client_id: c.client_id, client_secret: c.client_secret, redirect_uris: [...c.redirect_uris], scopes: [...c.scopes], auth_methods: [...c.auth_methods] };
}

/** Creates a mock provider. Throws a `PROFILE_UNKNOWN` or `CONFIG_INVALID` {@link HarnessError} for bad options. */
export function createMockProvider(options: CreateMockProviderOptions = {}): OAuthMockProvider {
  const profile = options.profile ?? 'rfc-strict';
  const names = listProfiles();
  if (!names.includes(profile)) throw new HarnessError('PROFILE_UNKNOWN', `createMockProvider: unknown profile "${profile}"; built-in profiles: ${names.join(', ')}`);
  const issuer = (options.issuer ?? `https://${profile}.oauth-harness.test`).replace(/\/+$/, '');
  if (!URL.canParse(issuer) || !/^https?:$/.test(new URL(issuer).protocol)) throw new HarnessError('CONFIG_INVALID', `createMockProvider: issuer must be an http(s) URL, got "${issuer}"`);
  const clock = createClock(Date.now(), true);
  const core = guarded('createMockProvider', () =>
    buildProvider({ profile, issuer, seed: options.seed ?? 1, clock, switches: (options.switches ?? {}) as Record<string, unknown>, clients: (options.clients ?? []) as Partial<RegisteredClient>[] }),
  );
  const http = fetchIssuer(core);
  const sw = () => core.context.switches;
  const at = (path: string) => `${issuer}${path}`;
  const raw = () => core.exchanges.map((e) => toExchange(e));
  return {
    issuer,
    profile,
    core,
    get clients() {
      return [...core.context.clients.values()].map(clientOf);
    },
    get users() {
      return [...core.context.users.values()].map((u) => ({ username: u.username, password: u.password, name: u.name, email: u.email }));
    },
    get endpoints() {
      const p = sw().paths;
      return {
        discovery: at(`/.well-known/${sw().discovery.kind === 'oidc' ? 'openid-configuration' : 'oauth-authorization-server'}`),
        authorization: at(p.authorize),
        token: at(p.token),
        ...(sw().revocation.enabled ? { revocation: at(p.revocation) } : {}),
        ...(sw().introspection.enabled ? { introspection: at(p.introspection) } : {}),
        ...(sw().discovery.kind === 'oidc' ? { userinfo: at(p.userinfo) } : {}),
        jwks: at(p.jwks),
        api: at('/api'),
      };
    },
    handle: http.handle,
    get exchanges() {
      return raw();
    },
    clientVerdicts: (clientId) => clientVerdicts(raw(), verdictContextOf(core, clientId)),
    diagnose: () => diagnose({ exchanges: raw(), reactions: [], provider: { family: loadProfile(profile).family } }),
    async authorize(authorizationUrl, o = {}) {
      const users = [...core.context.users.values()];
      const user = o.user ? core.context.users.get(o.user) : users[0];
      if (!user) throw new HarnessError('CONFIG_INVALID', `authorize: unknown user "${o.user}"; users: ${users.map((u) => u.username).join(', ')}`);
      const redirectUri = new URL(authorizationUrl).searchParams.get('redirect_uri') ?? [...core.context.clients.values()][0]?.redirect_uris[0] ?? issuer;
      const browser = (input: string | URL | Request, init?: RequestInit) => http.handle(new Request(input, init));
      const r = await formUserAgent().authorize(authorizationUrl, redirectUri, { username: user.username, password: user.password, ...(o.deny ? { deny: true } : {}), ...(o.untick ? { untick: o.untick } : {}) }, browser as typeof fetch);
      if (r.kind === 'no-redirect') return { errorPage: { status: r.status, title: r.title, detail: r.detail } };
      if (r.kind === 'login-failed') return { errorPage: { status: 0, title: 'login failed', detail: r.detail } };
      const q = new URL(r.url).searchParams;
      const frag = new URLSearchParams(new URL(r.url).hash.slice(1));
      const get = (k: string) => q.get(k) ?? frag.get(k) ?? undefined;
      const out: AuthorizeResult = { callbackUrl: r.url };
      for (const k of ['code', 'state', 'error'] as const) {
        const v = get(k);
        if (v !== undefined) out[k] = v;
      }
      return out;
    },
    setSwitches: (overrides) => guarded('setSwitches', () => core.setSwitches(mergeSwitches(core.context.switches, overrides as Record<string, unknown>))),
    advanceClock(by) {
      let ms: number;
      try {
        ms = parseDuration(by);
      } catch (e) {
        throw new HarnessError('USAGE', `advanceClock: ${(e as Error).message}`);
      }
      if (!Number.isFinite(ms) || ms < 0 || ms > 100 * 365 * 86_400_000) throw new HarnessError('USAGE', `advanceClock: expected a duration from 0 to 100 years, got "${by}"`);
      clock.advance(ms);
    },
    revokeGrants: (username, clientId) => core.revokeGrants(username, clientId),
    reset: () => core.reset(),
  };
}

/** Runs `fn`; a validation error of the switches or clients becomes a `CONFIG_INVALID` {@link HarnessError}, one line per problem. */
function guarded<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const issues = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    if (Array.isArray(issues)) {
      const problems = issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
      throw new HarnessError('CONFIG_INVALID', `${where}: invalid options: ${problems.join('; ')}`, problems);
    }
    throw e;
  }
}
