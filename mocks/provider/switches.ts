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
import { parseAddressRange } from './address-range.js';

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
        methods: z.array(clientAuthMethod).min(1).default(['client_secret_basic', 'client_secret_post']).describe('Placements the token, revocation and introspection endpoints accept.'),
        rejectMultiple: z.boolean().default(true).describe('RFC 6749 §2.3: a request with two methods (Basic header and body secret) is refused.'),
        basicEncoding: z.enum(['form-urlencoded', 'raw']).default('form-urlencoded').describe('`form-urlencoded`: decode id and secret after base64 (RFC 6749 §2.3.1); `raw`: a provider that does not.'),
        invalidClientStatus: z.union([z.literal(400), z.literal(401)]).default(401).describe('Status for a failed body authentication: 400 or 401 (RFC 6749 §5.2 allows both).'),
        requireClientIdInBody: z.boolean().default(false).describe('Refuse a token request without `client_id` in the body, even when a Basic header names the client (RFC 6749 §3.2.1 asks it only of unauthenticated clients; Atlassian, some Keycloak setups, HubSpot want it anyway).'),
      })
      .strict()
      .prefault({}),
    authorize: z
      .object({
        errorsAfterLogin: z.boolean().default(false).describe('Request errors that are redirected to the client (bad response_type, scope, PKCE…) are redirected only after the user logs in (RFC 9700 §4.11.2); `false`: at once, before any login (RFC 6749 §4.1.2.1 alone allows it; most providers do this).'),
        echoState: z.boolean().default(true).describe('Send `state` back on the redirect (RFC 6749 §4.1.2 MUST); `false`: a provider that drops it (seen after a login detour: an account chooser, a consent page on another host).'),
      })
      .strict()
      .prefault({}),
    tokenEndpoint: z
      .object({
        methods: z.array(z.enum(['POST', 'GET'])).min(1).default(['POST']).describe('HTTP methods the token endpoint accepts; `GET` takes every parameter from the query (Facebook).'),
      })
      .strict()
      .prefault({}),
    redirectUri: z
      .object({
        matching: z.enum(['exact', 'prefix', 'loopback-any-port']).default('exact').describe('`exact` (RFC 9700 §4.1.3), `prefix` (GitHub OAuth apps: subdirectories allowed), `loopback-any-port` (RFC 8252 §7.3).'),
        optionalWhenSingle: z.boolean().default(true).describe('Whether `redirect_uri` may be omitted when exactly one is registered.'),
      })
      .strict()
      .prefault({}),
    scopes: z
      .object({
        onUnregistered: z.enum(['reject', 'narrow']).default('reject').describe('What to do with scopes the client registration does not allow: RFC 6749 §3.3 allows either.'),
        delimiter: z.enum([' ', ',']).default(' ').describe('Delimiter the provider parses and writes (`" "` by the RFC; `","` for Facebook, Slack…).'),
        userCanDeny: z.boolean().default(true).describe('Whether the consent page lets the user untick individual scopes (Facebook, GitHub, Google granular consent).'),
        alwaysAdd: z.array(scopeToken).default([]).describe('Scopes added to every grant whether asked or not (Google adds `openid`).'),
        defaultScopes: z.array(scopeToken).default([]).describe('Scope granted when the request omits `scope` (RFC 6749 §3.3 default scope).'),
        dropFromGrant: z.array(scopeToken).default([]).describe("Scopes honoured when asked for (they can earn a refresh token) but left out of the grant and of the token response's `scope` (Microsoft's `offline_access`; oidc-provider drops `offline_access` without `prompt=consent`)."),
      })
      .strict()
      .prefault({}),
    refresh: z
      .object({
        policy: z.enum(['always', 'never', 'offline-scope', 'offline-param']).default('always').describe('When a refresh token is issued (docs/behaviours.md §7): `always`; `never`; `offline-scope` (only with `offlineScope`); `offline-param` (only with `offlineParam`, e.g. Google `access_type=offline`). See also `oncePerUser`.'),
        oncePerUser: z.boolean().default(false).describe('Refresh tokens only on the first consent of a user until that grant is revoked (Google).'),
        offlineScope: scopeToken.default('offline_access'),
        offlineParam: z.object({ name: z.string().min(1), value: z.string() }).strict().default({ name: 'access_type', value: 'offline' }),
        forceConsentParam: z.object({ name: z.string().min(1), value: z.string() }).strict().nullable().default(null).describe('An authorization parameter that forces a new refresh token despite `oncePerUser` (Google `prompt=consent`).'),
        rotation: z.enum(['keep', 'rotate', 'rotate-keep-old']).default('keep').describe('`rotate`: each refresh returns a new refresh token and invalidates the old; `keep`: no new one; `rotate-keep-old`: new one, old stays valid (Entra).'),
        rotatePublicClients: z.boolean().default(true).describe('With `rotation: keep`, still rotate the refresh tokens of public clients (RFC 9700 §4.14.2 MUST); `false` for providers that never rotate.'),
        reuseDetection: z.enum(['reject', 'revoke-grant']).default('revoke-grant').describe('On reuse of a rotated refresh token: `reject` it, or `revoke-grant` (the whole family, RFC 9700 §4.14.2).'),
        gracePeriod: seconds.default(0).describe('Seconds during which the previous refresh token still works after a rotation (Xero 30 min, Auth0 leeway).'),
        forClientCredentials: z.boolean().default(false).describe('Whether client_credentials responses carry a refresh token (RFC 6749 §4.4.3: SHOULD NOT).'),
        scopeCheck: z.enum(['reject', 'narrow', 'ignore']).default('reject').describe("A refresh request whose `scope` goes beyond the grant: `reject` it with `invalid_scope` (RFC 6749 §6: it MUST NOT include a scope not originally granted; oidc-provider, Keycloak), `narrow` it to the grant, or `ignore` the `scope` and issue the grant's."),
      })
      .strict()
      .prefault({}),
    lifetimes: z
      .object({
        accessToken: seconds.nullable().default(3600).describe('Access token lifetime in seconds; `null` = never expires and no `expires_in` (GitHub OAuth apps).'),
        refreshToken: seconds.nullable().default(null).describe('Refresh token lifetime in seconds; `null` = until revoked.'),
        code: seconds.default(600).describe('Authorization code lifetime in seconds (RFC 6749 §4.1.2: 10 minutes at most recommended).'),
        clientCredentialsToken: seconds.nullable().default(3600).describe('Lifetime of client_credentials tokens.'),
        interaction: seconds.default(600).describe('Lifetime of a login/consent transaction at the authorization endpoint.'),
        clockSkew: z.number().int().min(-86400).max(86400).default(0).describe("Seconds the provider's clock runs ahead of the client's: every token it issues expires that much sooner than its `expires_in` says (as long as the lifetime or more: expired on arrival). Negative: behind."),
      })
      .strict()
      .prefault({}),
    tokenResponse: z
      .object({
        format: z.enum(['json', 'form', 'text-plain-form', 'form-unless-accept-json']).default('json').describe('`json`; `form` (form-encoded with `application/x-www-form-urlencoded`); `text-plain-form` (Facebook ≤ v2.2); `form-unless-accept-json` (GitHub).'),
        tokenType: z.string().min(1).max(64).regex(/^[\x20-\x7e]+$/, 'printable ASCII').default('Bearer').describe('`Bearer` (RFC 6750), `bearer` (GitHub, Facebook), `omit` (LinkedIn), or any other value the provider writes (`mac`, `N_A`, `Bearer ` with a space).'),
        expiresIn: z.enum(['number', 'string', 'expires', 'omit']).default('number').describe('`number` (RFC); `string` (Azure AD v1); `expires` (Facebook ≤ v2.2 names it `expires`); `omit`: the token expires (after `lifetimes.accessToken`) but the response does not say when (Salesforce).'),
        refreshTokenExpiresIn: z.boolean().default(false).describe('Send `refresh_token_expires_in` with a refresh token that expires (`lifetimes.refreshToken`): Microsoft, Spotify, GitHub Apps, LinkedIn.'),
        scope: z.enum(['always', 'if-different', 'never']).default('always').describe('`if-different` (RFC 6749 §5.1), `always`, `never`.'),
        noStore: z.boolean().default(true).describe('`Cache-Control: no-store` and `Pragma: no-cache` (RFC 6749 §5.1).'),
        accessTokenFormat: z.enum(['opaque', 'jwt']).default('opaque').describe('`opaque` random strings or `jwt` (RS256, RFC 9068 style).'),
        extraFields: z.record(z.string(), z.unknown()).default({}).describe('Extra members added to every token response (`instance_url`, …).'),
      })
      .strict()
      .prefault({}),
    errors: z
      .object({
        style: z.enum(['rfc', 'facebook', 'github']).default('rfc').describe('`rfc` (RFC 6749 §5.2 JSON), `facebook` (`{error:{message,type,code}}`), `github` (RFC codes in a 200 body).'),
        shape: z.record(z.string(), z.unknown()).nullable().default(null).describe("A non-RFC error body described by its shape: a JSON object whose string values may hold `{error}` and `{error_description}`, e.g. Slack `{ok: false, error: \"{error}\"}`, HubSpot `{status: \"{error}\", message: \"{error_description}\"}`. `null`: the style's body."),
        status: z.number().int().min(200).max(599).nullable().default(null).describe('HTTP status of every OAuth error response (token, revocation, introspection; Slack: 200); `null`: the status of the error (400, 401).'),
      })
      .strict()
      .prefault({}),
    revocation: z
      .object({
        enabled: z.boolean().default(true),
        style: z.enum(['rfc7009', 'invalid-token-400']).default('rfc7009').describe('`rfc7009`: 200 for unknown tokens; `invalid-token-400`: 400 `invalid_token` for unknown or revoked tokens (Google, Salesforce).'),
        cascade: z.boolean().default(true).describe('Revoking a refresh token also revokes the access tokens of its grant (RFC 7009 §2.1 SHOULD).'),
        strictRequest: z.boolean().default(true).describe('Refuse a body that is not `application/x-www-form-urlencoded` and repeated parameters (RFC 7009 §2.1, RFC 6749 §3.2); `false` for lax providers.'),
      })
      .strict()
      .prefault({}),
    introspection: z
      .object({
        enabled: z.boolean().default(true),
        strictRequest: z.boolean().default(true).describe('Refuse a body that is not `application/x-www-form-urlencoded` and repeated parameters (RFC 7662 §2.1, RFC 6749 §3.2); `false` for lax providers.'),
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
        ipAllowList: z.array(addressRange).default([]).describe('Source addresses (CIDR or literal) allowed to log in and call the token endpoint; empty = all (Salesforce login IP ranges).'),
        domainAllowList: z.array(domain).default([]).describe('Redirect URI domains allowed (Facebook "App Domains"); empty = all.'),
        trustForwardedFor: z.boolean().default(true).describe("Take the source address from `X-Forwarded-For` (a provider behind a proxy; the harness's user agent sets it)."),
      })
      .strict()
      .prefault({}),
    discovery: z
      .object({
        enabled: z.boolean().default(true),
        kind: z.enum(['oauth', 'oidc']).default('oidc').describe('`oauth` serves RFC 8414 metadata; `oidc` serves OpenID discovery as well.'),
        issParameter: z.boolean().default(true).describe('Send `iss` in authorization responses (RFC 9207).'),
        extra: z.record(z.string(), z.unknown()).default({}).describe('Extra or overriding metadata members.'),
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
        readScope: z.string().nullable().default(null).describe('Scope needed for GET calls on the resource API; `null` = any valid token.'),
        writeScope: z.string().nullable().default(null).describe('Scope needed for POST/PATCH/DELETE calls.'),
        records: z.number().int().min(0).max(1000).default(5).describe('How many records each collection holds (generated with faker from the seed).'),
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
    client_secret: z.string().nullable().default(null).describe('The secret; generated from the seed when omitted (unless `public`).'),
    public: z.boolean().default(false).describe('A public client (no secret, PKCE required: RFC 6749 §2.1).'),
    redirect_uris: z.array(redirectUri).default([]),
    scopes: z.array(scopeToken).default([]).describe('Scopes this registration may receive. Empty = any scope.'),
    grant_types: z.array(z.enum(['authorization_code', 'refresh_token', 'client_credentials'])).default(['authorization_code', 'refresh_token', 'client_credentials']),
    auth_methods: z.array(clientAuthMethod).default([]).describe('Auth methods this registration may use; empty = whatever `clientAuth.methods` allows.'),
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
    family: z.string().regex(/^[a-z0-9-]+$/).optional().describe('The provider family it imitates (`google`, `salesforce`, …): what diagnoses may know about that provider without reading host names.'),
    sources: z.array(z.string()).min(1),
    notes: z.array(z.string()).default([]),
    switches: z.record(z.string(), z.unknown()).default({}),
    clients: z.array(registeredClientSchema).default([]),
    users: z.array(userSchema).default([]),
  })
  .strict();
export type Profile = z.infer<typeof profileSchema>;
