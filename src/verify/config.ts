/**
 * `verify.yaml`: the target, its fixtures (F1–F11 of `docs/requirements.md`), how to log
 * in, and configured short lifetimes. The schema's output is exactly the data
 * {@link runVerify} takes, so CLI flags and the file are validated the same way.
 */
import { z } from 'zod';

const absoluteUrl = z.string().refine((s) => URL.canParse(s), { message: 'must be an absolute URL' });
const nonEmpty = z.string().min(1, { message: 'must not be empty' });

/** How a confidential client authenticates at the token endpoint (RFC 7591 §2 `token_endpoint_auth_method`). */
export const clientAuthMethodSchema = z.enum(['client_secret_basic', 'client_secret_post']);

/** A confidential client: id and secret (F1, F2, F4, F7, F8). */
export const confidentialClientSchema = z
  .object({
    client_id: nonEmpty,
    client_secret: nonEmpty,
    redirect_uri: absoluteUrl.optional(),
    /**
     * The method the client is registered for. Unset: Basic when the server advertises it
     * (or advertises nothing), else client_secret_post. A client registered for one method
     * only is tested with that one; the rows about the other method then skip for it.
     */
    token_endpoint_auth_method: clientAuthMethodSchema.optional(),
  })
  .strict();

/** A public client (`token_endpoint_auth_method=none`), F3 and F6. */
export const publicClientSchema = z
  .object({
    client_id: nonEmpty,
    redirect_uri: absoluteUrl,
    /** The server requires PKCE for this client (enables AS-PKCE-REQUIRED-ERROR). */
    pkceRequired: z.boolean().default(true),
  })
  .strict();

const formLoginSchema = z
  .object({
    kind: z.literal('form'),
    /** Field name → value; `{{username}}` and `{{password}}` come from `fixtures.user`. */
    fields: z.record(z.string(), z.string()),
    /** Selector of the login submit control (default: the form's first submit button). */
    submitSelector: z.string().optional(),
    /** Selector of the consent "approve" control (default: first submit not looking like "deny"). */
    consentSelector: z.string().optional(),
    /** Selector of the consent "deny" control (default: a control named/labelled deny, cancel, …). */
    denySelector: z.string().optional(),
    /** Extra origins the driver may follow redirects to (an external login host). */
    allowedOrigins: z.array(absoluteUrl).default([]),
  })
  .strict();

const playwrightLoginSchema = z
  .object({
    kind: z.literal('playwright'),
    /** Module whose default export logs in and consents (see `src/user-agent/playwright-login.ts`). */
    script: nonEmpty,
    executablePath: z.string().default('/usr/bin/chromium'),
    allowedOrigins: z.array(absoluteUrl).default([]),
  })
  .strict();

/** How the user-agent driver logs in (F9). */
export const loginSchema = z.discriminatedUnion('kind', [formLoginSchema, playwrightLoginSchema]);

const fixturesSchema = z
  .object({
    /** F2: second confidential client sharing F1's redirect URI. */
    secondClient: confidentialClientSchema.optional(),
    /** F3: public client using PKCE. */
    publicClient: publicClientSchema.optional(),
    /** F4: client whose id/secret contain space, `+`, `/`, `:`, `=`, `%`. */
    specialCharsClient: confidentialClientSchema.optional(),
    /** F5: client with two redirect URIs, one with a query component. */
    multiRedirectClient: z
      .object({ client_id: nonEmpty, client_secret: nonEmpty.optional(), redirect_uris: z.array(absoluteUrl).min(2) })
      .strict()
      .optional(),
    /** F6: native public client registered with `http://127.0.0.1/cb` (or `[::1]`). */
    nativeClient: publicClientSchema.optional(),
    /** F7: confidential client for which PKCE is optional. */
    pkceOptionalClient: confidentialClientSchema.optional(),
    /** F8: confidential client not allowed `client_credentials`. */
    noClientCredentialsClient: confidentialClientSchema.optional(),
    /** F9: the test user for the login driver. */
    user: z.object({ username: nonEmpty, password: nonEmpty }).strict().optional(),
    /** F10: a protected resource and the client that may call introspection. */
    resourceServer: z
      .object({
        url: absoluteUrl,
        method: z.enum(['GET', 'POST']).default('GET'),
        /** Scope a token needs for `url` (requested with client credentials). */
        scope: z.string().optional(),
        /** Scope that does NOT suffice for `url` (enables RS-403-INSUFFICIENT-SCOPE). */
        insufficientScope: z.string().optional(),
        /** RFC 8707 `resource` the RS serves; tokens are requested for it. */
        resource: absoluteUrl.optional(),
        /** Another audience whose tokens the RS must refuse (enables RS-AUDIENCE). */
        foreignResource: absoluteUrl.optional(),
        /** Client allowed to introspect (default: the primary client). */
        introspectionClient: confidentialClientSchema.optional(),
      })
      .strict()
      .optional(),
    /** F11: dynamic client registration is open to the harness. */
    registration: z.object({ initialAccessToken: z.string().optional() }).strict().optional(),
  })
  .strict();

/** The whole `verify.yaml` (and {@link runVerify}'s options, minus callbacks). */
export const verifyConfigSchema = z
  .object({
    issuer: absoluteUrl,
    plan: z.enum(['rfc6749', 'bcp']).default('bcp'),
    /** F1: the confidential test client (Basic). */
    client: confidentialClientSchema,
    scopes: z
      .object({
        /** Scope of ordinary authorization requests (default: none sent). */
        default: z.string().optional(),
        /** S0: ≥ 2 scopes whose grant includes a refresh token (e.g. `openid offline_access`). */
        refresh: z.string().optional(),
        /** A scope the client may obtain but that is not in S0 (AS-RT-SCOPE-NO-EXPAND). */
        extra: z.string().optional(),
        /** Scope for client-credentials requests (default: none sent). */
        clientCredentials: z.string().optional(),
      })
      .strict()
      .default({}),
    /**
     * Endpoints of a server that publishes no metadata (GitHub, Facebook), by their RFC 8414
     * §2 member names; with metadata, these replace what it says. `fingerprint` reads them
     * (also from --authorization-endpoint, --token-endpoint, …).
     */
    endpoints: z
      .object({
        authorization_endpoint: absoluteUrl.optional(),
        token_endpoint: absoluteUrl.optional(),
        revocation_endpoint: absoluteUrl.optional(),
        introspection_endpoint: absoluteUrl.optional(),
        userinfo_endpoint: absoluteUrl.optional(),
        jwks_uri: absoluteUrl.optional(),
      })
      .strict()
      .optional(),
    /** Extra parameters added to every authorization request (e.g. `prompt: consent`). */
    authorizationParams: z.record(z.string(), z.string()).default({}),
    fixtures: fixturesSchema.default({}),
    login: loginSchema.optional(),
    /** Short lifetimes (seconds) the server is configured with; enables the T rows. */
    lifetimes: z
      .object({
        code: z.number().positive().optional(),
        accessToken: z.number().positive().optional(),
        /** Extra seconds waited after a lifetime ends (clock skew, rounding). */
        leeway: z.number().min(0).default(2),
      })
      .strict()
      .default({ leeway: 2 }),
    /** How long a revocation may take to propagate before a check fails (RFC 7009 §2.1 tolerance). */
    propagationSeconds: z.number().min(0).default(10),
    /** Per-request timeout: a request without a complete answer by then is not retried, and what needed it is not tested. */
    timeoutMs: z.number().int().positive().default(15_000),
    /** At most this many bytes are read of any response; a larger one is cut there and what needed it is not tested. */
    maxResponseBytes: z.number().int().positive().default(1_048_576),
    /**
     * Longest single wait for time to pass (an access token to expire, …) in seconds. Waits
     * longer than this are not made: what needed them is not tested (`--allow-wait`).
     */
    maxWaitSeconds: z.number().min(0).default(30),
    /**
     * For `run --target <issuer>` and `parity` with this file: the built-in profiles the
     * server behaves like, whose scenarios run there (default `rfc-strict`).
     */
    behavesLike: z.array(z.string()).optional(),
    /** Treat `http://` on loopback hosts as a test deployment (TLS rows skip). */
    allowInsecureLoopback: z.boolean().default(true),
  })
  .strict();

/** Validated configuration with defaults applied. */
export type VerifyConfig = z.output<typeof verifyConfigSchema>;
/** Configuration as written by a user (defaults optional). */
export type VerifyConfigInput = z.input<typeof verifyConfigSchema>;
export type LoginConfig = z.output<typeof loginSchema>;
export type ConfidentialClient = z.output<typeof confidentialClientSchema>;
export type PublicClient = z.output<typeof publicClientSchema>;
export type Fixtures = VerifyConfig['fixtures'];
