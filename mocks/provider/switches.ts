/**
 * Every documented provider behaviour is a switch here. Profiles
 * (`mocks/profiles/*.yaml`) are plain data validated by this schema; a scenario's
 * `provider.switches` is a deep partial of it, merged over the profile.
 *
 * Switch names are the words a user searches for: "client auth", "redirect uri",
 * "refresh", "rotation", "lifetimes", "ip allow list", …
 *
 * @see docs/behaviours.md for the behaviour behind each switch, docs/provider-quirks.md
 * for the real providers that show it.
 */
import { z } from 'zod';
import { deepMerge } from './merge.js';
import { parseAddressRange } from './network.js';

/** The longest lifetime a switch takes: 100 years (a longer one overflows the clock's dates). */
const MAX_SECONDS = 100 * 365 * 86_400;
const seconds = z
  .number()
  .min(0)
  .max(MAX_SECONDS, `at most ${MAX_SECONDS} seconds (100 years)`)
  .refine(Number.isInteger, 'a whole number of seconds');
/** A scope token (RFC 6749 §3.3: printable ASCII, no space, `"` or `\\`). */
const scopeToken = z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'a scope is printable ASCII without spaces, `"` or `\\` (RFC 6749 §3.3)');
/** An endpoint path under the issuer. */
const endpointPath = z.string().regex(/^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/, 'a path under the issuer starts with "/" and has no spaces, "?" or "#" (e.g. /oauth/token)');
/** An IP allow-list entry: an address or a CIDR range. */
const addressRange = z.string().superRefine((v, ctx) => {
  const r = parseAddressRange(v);
  if (typeof r === 'string') ctx.addIssue({ code: 'custom', message: r });
});
/** A domain of the domain allow-list (a host name or an IP address, no scheme, port or path). */
const domain = z.string().regex(/^(?!\.)[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/, 'a domain such as client.example.test (no scheme, port or path)');
/** An absolute URI without a fragment (RFC 6749 §3.1.2). */
const redirectUri = z.string().superRefine((v, ctx) => {
  let ok = false;
  try {
    ok = new URL(v).protocol.length > 1 && !v.includes('#');
  } catch {
    ok = false;
  }
  if (!ok) ctx.addIssue({ code: 'custom', message: `"${v}" is not an absolute URI without a fragment (RFC 6749 §3.1.2)` });
});

/** Where a client may put its credentials at the token endpoint (docs/behaviours.md §1). */
export const clientAuthMethod = z.enum(['client_secret_basic', 'client_secret_post', 'client_secret_query']);
export type ClientAuthMethod = z.infer<typeof clientAuthMethod>;

export const switchesSchema = z
  .object({
    clientAuth: z
      .object({
        /** Placements the token, revocation and introspection endpoints accept. */
        methods: z.array(clientAuthMethod).min(1).default(['client_secret_basic', 'client_secret_post']),
        /** RFC 6749 §2.3: a request with two methods (Basic header and body secret) is refused. */
        rejectMultiple: z.boolean().default(true),
        /** `form-urlencoded`: decode id and secret after base64 (RFC 6749 §2.3.1); `raw`: a provider that does not. */
        basicEncoding: z.enum(['form-urlencoded', 'raw']).default('form-urlencoded'),
        /** Status for a failed body authentication: 400 or 401 (RFC 6749 §5.2 allows both). */
        invalidClientStatus: z.union([z.literal(400), z.literal(401)]).default(401),
        /** Refuse a token request without `client_id` in the body, even when a Basic header names the client (RFC 6749 §3.2.1 asks it only of unauthenticated clients; Atlassian, some Keycloak setups, HubSpot want it anyway). */
        requireClientIdInBody: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    authorize: z
      .object({
        /**
         * Request errors that are redirected to the client (bad response_type, scope, PKCE…)
         * are redirected only after the user logs in (RFC 9700 §4.11.2); `false`: at once,
         * before any login (RFC 6749 §4.1.2.1 alone allows it; most providers do this).
         */
        errorsAfterLogin: z.boolean().default(false),
        /** Send `state` back on the redirect (RFC 6749 §4.1.2 MUST); `false`: a provider that drops it (seen after a login detour: an account chooser, a consent page on another host). */
        echoState: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    tokenEndpoint: z
      .object({
        /** HTTP methods the token endpoint accepts; `GET` takes every parameter from the query (Facebook). */
        methods: z.array(z.enum(['POST', 'GET'])).min(1).default(['POST']),
      })
      .strict()
      .prefault({}),
    redirectUri: z
      .object({
        /** `exact` (RFC 9700 §4.1.3), `prefix` (GitHub OAuth apps: subdirectories allowed), `loopback-any-port` (RFC 8252 §7.3). */
        matching: z.enum(['exact', 'prefix', 'loopback-any-port']).default('exact'),
        /** Whether `redirect_uri` may be omitted when exactly one is registered. */
        optionalWhenSingle: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    scopes: z
      .object({
        /** What to do with scopes the client registration does not allow: RFC 6749 §3.3 allows either. */
        onUnregistered: z.enum(['reject', 'narrow']).default('reject'),
        /** Delimiter the provider parses and writes (`" "` by the RFC; `","` for Facebook, Slack…). */
        delimiter: z.enum([' ', ',']).default(' '),
        /** Whether the consent page lets the user untick individual scopes (Facebook, GitHub, Google granular consent). */
        userCanDeny: z.boolean().default(true),
        /** Scopes added to every grant whether asked or not (Google adds `openid`). */
        alwaysAdd: z.array(scopeToken).default([]),
        /** Scope granted when the request omits `scope` (RFC 6749 §3.3 default scope). */
        defaultScopes: z.array(scopeToken).default([]),
        /** Scopes honoured when asked for (they can earn a refresh token) but left out of the grant and of the token response's `scope` (Microsoft's `offline_access`; oidc-provider drops `offline_access` without `prompt=consent`). */
        dropFromGrant: z.array(scopeToken).default([]),
      })
      .strict()
      .prefault({}),
    refresh: z
      .object({
        /**
         * When a refresh token is issued (docs/behaviours.md §7):
         * `always`; `never`; `offline-scope` (only with `offlineScope`); `offline-param`
         * (only with `offlineParam`, e.g. Google `access_type=offline`). See also `oncePerUser`.
         */
        policy: z.enum(['always', 'never', 'offline-scope', 'offline-param']).default('always'),
        /** Refresh tokens only on the first consent of a user until that grant is revoked (Google). */
        oncePerUser: z.boolean().default(false),
        offlineScope: scopeToken.default('offline_access'),
        offlineParam: z.object({ name: z.string().min(1), value: z.string() }).strict().default({ name: 'access_type', value: 'offline' }),
        /** An authorization parameter that forces a new refresh token despite `oncePerUser` (Google `prompt=consent`). */
        forceConsentParam: z.object({ name: z.string().min(1), value: z.string() }).strict().nullable().default(null),
        /** `rotate`: each refresh returns a new refresh token and invalidates the old; `keep`: no new one; `rotate-keep-old`: new one, old stays valid (Entra). */
        rotation: z.enum(['keep', 'rotate', 'rotate-keep-old']).default('keep'),
        /** With `rotation: keep`, still rotate the refresh tokens of public clients (RFC 9700 §4.14.2 MUST); `false` for providers that never rotate. */
        rotatePublicClients: z.boolean().default(true),
        /** On reuse of a rotated refresh token: `reject` it, or `revoke-grant` (the whole family, RFC 9700 §4.14.2). */
        reuseDetection: z.enum(['reject', 'revoke-grant']).default('revoke-grant'),
        /** Seconds during which the previous refresh token still works after a rotation (Xero 30 min, Auth0 leeway). */
        gracePeriod: seconds.default(0),
        /** Whether client_credentials responses carry a refresh token (RFC 6749 §4.4.3: SHOULD NOT). */
        forClientCredentials: z.boolean().default(false),
        /** A refresh request whose `scope` goes beyond the grant: `reject` it with `invalid_scope` (RFC 6749 §6: it MUST NOT include a scope not originally granted; oidc-provider, Keycloak), `narrow` it to the grant, or `ignore` the `scope` and issue the grant's. */
        scopeCheck: z.enum(['reject', 'narrow', 'ignore']).default('reject'),
      })
      .strict()
      .prefault({}),
    lifetimes: z
      .object({
        /** Access token lifetime in seconds; `null` = never expires and no `expires_in` (GitHub OAuth apps). */
        accessToken: seconds.nullable().default(3600),
        /** Refresh token lifetime in seconds; `null` = until revoked. */
        refreshToken: seconds.nullable().default(null),
        /** Authorization code lifetime in seconds (RFC 6749 §4.1.2: 10 minutes at most recommended). */
        code: seconds.default(600),
        /** Lifetime of client_credentials tokens. */
        clientCredentialsToken: seconds.nullable().default(3600),
        /** Lifetime of a login/consent transaction at the authorization endpoint. */
        interaction: seconds.default(600),
        /** Seconds the provider's clock runs ahead of the client's: every token it issues expires that much sooner than its `expires_in` says (as long as the lifetime or more: expired on arrival). Negative: behind. */
        clockSkew: z.number().int().min(-86400).max(86400).default(0),
      })
      .strict()
      .prefault({}),
    tokenResponse: z
      .object({
        /** `json`; `form` (form-encoded with `application/x-www-form-urlencoded`); `text-plain-form` (Facebook ≤ v2.2); `form-unless-accept-json` (GitHub). */
        format: z.enum(['json', 'form', 'text-plain-form', 'form-unless-accept-json']).default('json'),
        /** `Bearer` (RFC 6750), `bearer` (GitHub, Facebook), `omit` (LinkedIn), or any other value the provider writes (`mac`, `N_A`, `Bearer ` with a space). */
        tokenType: z.string().min(1).max(64).regex(/^[\x20-\x7e]+$/, 'printable ASCII').default('Bearer'),
        /** `number` (RFC); `string` (Azure AD v1); `expires` (Facebook ≤ v2.2 names it `expires`); `omit`: the token expires (after `lifetimes.accessToken`) but the response does not say when (Salesforce). */
        expiresIn: z.enum(['number', 'string', 'expires', 'omit']).default('number'),
        /** Send `refresh_token_expires_in` with a refresh token that expires (`lifetimes.refreshToken`): Microsoft, Spotify, GitHub Apps, LinkedIn. */
        refreshTokenExpiresIn: z.boolean().default(false),
        /** `if-different` (RFC 6749 §5.1), `always`, `never`. */
        scope: z.enum(['always', 'if-different', 'never']).default('always'),
        /** `Cache-Control: no-store` and `Pragma: no-cache` (RFC 6749 §5.1). */
        noStore: z.boolean().default(true),
        /** `opaque` random strings or `jwt` (RS256, RFC 9068 style). */
        accessTokenFormat: z.enum(['opaque', 'jwt']).default('opaque'),
        /** Extra members added to every token response (`instance_url`, …). */
        extraFields: z.record(z.string(), z.unknown()).default({}),
      })
      .strict()
      .prefault({}),
    errors: z
      .object({
        /** `rfc` (RFC 6749 §5.2 JSON), `facebook` (`{error:{message,type,code}}`), `github` (RFC codes in a 200 body). */
        style: z.enum(['rfc', 'facebook', 'github']).default('rfc'),
        /**
         * A non-RFC error body described by its shape: a JSON object whose string values may
         * hold `{error}` and `{error_description}`, e.g. Slack `{ok: false, error: "{error}"}`,
         * HubSpot `{status: "{error}", message: "{error_description}"}`. `null`: the style's body.
         */
        shape: z.record(z.string(), z.unknown()).nullable().default(null),
        /** HTTP status of every OAuth error response (token, revocation, introspection; Slack: 200); `null`: the status of the error (400, 401). */
        status: z.number().int().min(200).max(599).nullable().default(null),
      })
      .strict()
      .prefault({}),
    revocation: z
      .object({
        enabled: z.boolean().default(true),
        /** `rfc7009`: 200 for unknown tokens; `invalid-token-400`: 400 `invalid_token` for unknown or revoked tokens (Google, Salesforce). */
        style: z.enum(['rfc7009', 'invalid-token-400']).default('rfc7009'),
        /** Revoking a refresh token also revokes the access tokens of its grant (RFC 7009 §2.1 SHOULD). */
        cascade: z.boolean().default(true),
        /** Refuse a body that is not `application/x-www-form-urlencoded` and repeated parameters (RFC 7009 §2.1, RFC 6749 §3.2); `false` for lax providers. */
        strictRequest: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    introspection: z
      .object({
        enabled: z.boolean().default(true),
        /** Refuse a body that is not `application/x-www-form-urlencoded` and repeated parameters (RFC 7662 §2.1, RFC 6749 §3.2); `false` for lax providers. */
        strictRequest: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    pkce: z
      .object({
        supported: z.boolean().default(true),
        required: z.boolean().default(false),
        methods: z.array(z.enum(['S256', 'plain'])).default(['S256']),
      })
      .strict()
      .prefault({}),
    network: z
      .object({
        /** Source addresses (CIDR or literal) allowed to log in and call the token endpoint; empty = all (Salesforce login IP ranges). */
        ipAllowList: z.array(addressRange).default([]),
        /** Redirect URI domains allowed (Facebook "App Domains"); empty = all. */
        domainAllowList: z.array(domain).default([]),
        /** Take the source address from `X-Forwarded-For` (a provider behind a proxy; the harness's user agent sets it). */
        trustForwardedFor: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    discovery: z
      .object({
        enabled: z.boolean().default(true),
        /** `oauth` serves RFC 8414 metadata; `oidc` serves OpenID discovery as well. */
        kind: z.enum(['oauth', 'oidc']).default('oidc'),
        /** Send `iss` in authorization responses (RFC 9207). */
        issParameter: z.boolean().default(true),
        /** Extra or overriding metadata members. */
        extra: z.record(z.string(), z.unknown()).default({}),
      })
      .strict()
      .prefault({}),
    /** Endpoint paths under the issuer. */
    paths: z
      .object({
        authorize: endpointPath.default('/authorize'),
        token: endpointPath.default('/token'),
        revocation: endpointPath.default('/revoke'),
        introspection: endpointPath.default('/introspect'),
        userinfo: endpointPath.default('/userinfo'),
        jwks: endpointPath.default('/jwks'),
        endSession: endpointPath.nullable().default(null),
        deviceAuthorization: endpointPath.nullable().default(null),
      })
      .strict()
      .prefault({})
      .superRefine((paths, ctx) => {
        // Two endpoints on one path: one of them could never be reached.
        const seen = new Map<string, string>();
        for (const [name, path] of Object.entries(paths)) {
          if (path === null) continue;
          const other = seen.get(path);
          if (other) ctx.addIssue({ code: 'custom', path: [name], message: `"${path}" is already the ${other} path` });
          else seen.set(path, name);
        }
      }),
    api: z
      .object({
        /** Scope needed for GET calls on the resource API; `null` = any valid token. */
        readScope: z.string().nullable().default(null),
        /** Scope needed for POST/PATCH/DELETE calls. */
        writeScope: z.string().nullable().default(null),
        /** How many records each collection holds (generated with faker from the seed). */
        records: z.number().int().min(0).max(1000).default(5),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Switches = z.infer<typeof switchesSchema>;
export type SwitchesInput = z.input<typeof switchesSchema>;

/**
 * Validates switch values (a profile's, merged with overrides) and applies the
 * defaults. Throws a `ZodError`. The provider core takes only validated switches, so
 * it never loads zod itself.
 */
export function parseSwitches(raw: Record<string, unknown>): Switches {
  return switchesSchema.parse(raw);
}

/** `current` with `overrides` (a deep partial) merged over it, validated. */
export function mergeSwitches(current: Switches, overrides: Record<string, unknown>): Switches {
  return switchesSchema.parse(deepMerge(current, overrides));
}

/** A client registered at the provider. */
export const registeredClientSchema = z
  .object({
    client_id: z.string().min(1),
    /** The secret; generated from the seed when omitted (unless `public`). */
    client_secret: z.string().nullable().default(null),
    /** A public client (no secret, PKCE required: RFC 6749 §2.1). */
    public: z.boolean().default(false),
    redirect_uris: z.array(redirectUri).default([]),
    /** Scopes this registration may receive. Empty = any scope. */
    scopes: z.array(scopeToken).default([]),
    grant_types: z.array(z.enum(['authorization_code', 'refresh_token', 'client_credentials'])).default(['authorization_code', 'refresh_token', 'client_credentials']),
    /** Auth methods this registration may use; empty = whatever `clientAuth.methods` allows. */
    auth_methods: z.array(clientAuthMethod).default([]),
  })
  .strict();
export type RegisteredClient = z.infer<typeof registeredClientSchema>;

/** A user who can log in at the mock's login page and at the Basic-auth web service. */
export const userSchema = z.object({ username: z.string().min(1), password: z.string().min(1), name: z.string().optional(), email: z.string().optional() }).strict();
export type User = z.infer<typeof userSchema>;

/** A profile file: which real provider it imitates, its sources, and its switches. */
export const profileSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+$/),
    imitates: z.string(),
    /** The provider family it imitates (`google`, `salesforce`, …): what diagnoses may know about that provider without reading host names. */
    family: z.string().regex(/^[a-z0-9-]+$/).optional(),
    sources: z.array(z.string()).min(1),
    notes: z.array(z.string()).default([]),
    switches: z.record(z.string(), z.unknown()).default({}),
    clients: z.array(registeredClientSchema).default([]),
    users: z.array(userSchema).default([]),
  })
  .strict();
export type Profile = z.infer<typeof profileSchema>;
