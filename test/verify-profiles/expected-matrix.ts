/**
 * The profile × check matrix: for each mock profile (and a few test-only overrides of
 * rfc-strict), the checks of the `bcp` plan that FAIL at severity `fail` (MUST rows) and
 * at `warning` (SHOULD rows), each with the deliberate deviation behind it.
 * Asserted by `test/verify-profiles/profile-matrix.test.ts`; rendered to
 * `docs/verify-profile-matrix.md` by that test with `WRITE_VERIFY_MATRIX=1`.
 */

export interface MatrixTarget {
  /** Row name in the matrix (profile, or `profile+override`). */
  name: string;
  profile: string;
  /** Switch overrides (test-only), merged over the profile's. */
  switches?: Record<string, unknown>;
  /** What the override does (for the document). */
  override?: string;
  /** Check id → the deviation that makes it fail (MUST rows). */
  fail: Record<string, string>;
  /** Check id → the deviation behind the warning (SHOULD rows), beyond {@link COMMON_WARNINGS}. */
  warn: Record<string, string>;
}

/**
 * SHOULD rows the mock does not implement in any profile (optional hardening). Every
 * target shows these warnings unless it lists the id in `notCommon`.
 */
export const COMMON_WARNINGS: Record<string, string> = {
  'AS-CA-ASYMMETRIC': 'no private_key_jwt / mTLS client authentication (RFC 9700 §2.5)',
  'AS-CA-BRUTE-FORCE': 'no throttling of wrong client secrets',
  'AS-TR-AUDIENCE': 'access tokens carry no audience restriction',
  'AS-TR-SENDER-CONSTRAINED': 'no DPoP or mTLS sender-constrained tokens',
  'RS-400-INVALID-REQUEST': 'the resource API accepts a token in both header and query',
};

/** Warnings of every profile with a revocation/introspection endpoint and OIDC discovery. */
const REV_INT = {
  'AS-REV-DOS': 'no throttling of failing revocation requests',
  'AS-INT-SPECIFIC-AUTHZ': 'any authenticated client may introspect any token',
};
const OIDC = {
  'OP-DISC-CORS': 'the OpenID configuration has no CORS header',
  'OP-DISC-RECOMMENDED': 'no registration_endpoint (the mock has no dynamic registration)',
};

const ERRORS_BEFORE_LOGIN = 'request errors (bad scope, bad response_type) are redirected before the user logs in (authorize.errorsAfterLogin: false; RFC 6749 §4.1.2.1 allows it, RFC 9700 §4.11.2 does not)';
const LOOPBACK_EXACT = 'loopback redirect URIs are matched with their port (redirectUri.matching: exact without the RFC 8252 §7.3 exception)';


const GH_200 = 'errors come with HTTP 200 (errors.style: github), so the error status the check requires is missing';
const FB_ERR = 'errors are Facebook-shaped {error:{message,type,code}} (errors.style: facebook), no RFC 6749 §5.2 error code';
const BODY_ONLY = 'client authentication in the body only (clientAuth.methods: [client_secret_post]): Basic is refused';
const NO_PKCE = 'no PKCE support (pkce.supported: false): code_challenge is ignored';
const REV_400 = 'revocation of an unknown token answers 400 invalid_token (revocation.style: invalid-token-400)';
const PUBLIC_RT_KEPT = 'refresh tokens of public clients are neither rotated nor sender-constrained (refresh.rotatePublicClients: false)';
const REUSE_REJECT = 'replaying a rotated refresh token is refused but the family is not revoked (refresh.reuseDetection: reject)';

/** google-like and salesforce-like differ from the RFCs in the same ways (secret in the body only, errors before login, …). */
const BODY_AUTH_PROVIDER: Pick<MatrixTarget, 'fail' | 'warn'> = {
  fail: {
    'AS-AZ-NO-ERROR-REDIRECT-BEFORE-AUTH': ERRORS_BEFORE_LOGIN,
    'AS-CA-BASIC': BODY_ONLY,
    'AS-CA-BASIC-FORMDECODE': BODY_ONLY,
    'AS-CA-CLIENTID-WITH-BASIC': BODY_ONLY,
    'AS-NAT-LOOPBACK-PORT': LOOPBACK_EXACT,
    'AS-REV-INVALID-TOKEN-200': REV_400,
    'AS-RT-PUBLIC-PROTECTED': PUBLIC_RT_KEPT,
  },
  warn: { ...REV_INT, ...OIDC },
};

const QUIRKS: MatrixTarget[] = [
  {
    name: 'google-like',
    profile: 'google-like',
    ...BODY_AUTH_PROVIDER,
  },
  {
    name: 'salesforce-like',
    profile: 'salesforce-like',
    ...BODY_AUTH_PROVIDER,
    warn: { ...BODY_AUTH_PROVIDER.warn, 'AS-TR-EXPIRES-IN': 'the token expires (the session timeout) but the response has no expires_in (tokenResponse.expiresIn: omit)' },
  },
  {
    // Basic only: AS-CA-POST-BODY is a MAY row (info, "client_secret_post is not supported"); AS-CA-BASIC passes.
    name: 'docusign-like',
    profile: 'docusign-like',
    fail: {
      'AS-AZ-NO-ERROR-REDIRECT-BEFORE-AUTH': ERRORS_BEFORE_LOGIN,
      'AS-NAT-LOOPBACK-PORT': LOOPBACK_EXACT,
      'AS-RT-REPLAY-REVOKES-FAMILY': REUSE_REJECT,
    },
    warn: { ...REV_INT },
  },
  {
    name: 'facebook-like',
    profile: 'facebook-like',
    fail: {
      'AS-AZ-NO-ERROR-REDIRECT-BEFORE-AUTH': ERRORS_BEFORE_LOGIN,
      'AS-NAT-LOOPBACK-PORT': LOOPBACK_EXACT,
      'AS-TOK-POST-ONLY': 'the token endpoint issues tokens for GET with every parameter in the query (tokenEndpoint.methods: [GET, POST])',
      'AS-CA-NO-URI-CREDS': 'client credentials are accepted in the query (clientAuth.methods: client_secret_query)',
      'AS-CA-BASIC': 'Basic client authentication is refused (clientAuth.methods: query and post only)',
      'AS-CA-BASIC-FORMDECODE': 'Basic client authentication is refused',
      'AS-CA-CLIENTID-WITH-BASIC': 'Basic client authentication is refused',
      'AS-TOK-ERROR-FORMAT': FB_ERR,
      'AS-TOK-INVALID-SCOPE': FB_ERR,
      'AS-TOK-EMPTY-PARAM': FB_ERR,
      'AS-TOK-NO-REPEAT': FB_ERR,
      'AS-TOK-MISSING-GRANT': FB_ERR,
      'AS-TOK-UNSUPPORTED-GRANT': FB_ERR,
      'AS-TOK-UNAUTHORIZED-CLIENT': FB_ERR,
      'AS-CA-INVALID-CLIENT-401': FB_ERR,
      'AS-CA-INVALID-CLIENT-BODY': FB_ERR,
      'AS-CA-UNKNOWN-CLIENT': FB_ERR,
      'AS-CA-CONF-REQUIRED': FB_ERR,
      'AS-CC-CONF-ONLY': FB_ERR,
      'AS-AC-SINGLE-USE': FB_ERR,
      'AS-AC-CLIENT-BINDING': FB_ERR,
      'AS-AC-REDIRECT-PRESENT': FB_ERR,
      'AS-AC-REDIRECT-IDENTICAL': FB_ERR,
      'AS-AC-CODE-VALID': FB_ERR,
      'AS-AC-CONF-AUTH': FB_ERR,
      'AS-AC-PUBLIC-CLIENT-ID': FB_ERR,
      'AS-AC-CODE-EXPIRES': FB_ERR,
      'AS-RT-VALIDATE': FB_ERR,
      'AS-PKCE-SUPPORT': NO_PKCE,
      'AS-PKCE-MISMATCH': NO_PKCE,
      'AS-PKCE-VERIFIER-REQUIRED': NO_PKCE,
      'AS-PKCE-DOWNGRADE': NO_PKCE,
      'AS-PKCE-METHOD-BOUND': NO_PKCE,
      'AS-PKCE-DEFAULT-PLAIN': NO_PKCE,
      'AS-PKCE-UNSUPPORTED-METHOD': NO_PKCE,
      'AS-PKCE-REQUIRED-ERROR': NO_PKCE,
    },
    warn: {
      'AS-AC-CODE-10MIN': FB_ERR,
      'AS-PKCE-FORMAT': NO_PKCE,
      'AS-PKCE-PUBLIC-REJECT': NO_PKCE,
    },
  },
  {
    name: 'github-like',
    profile: 'github-like',
    fail: {
      'AS-AZ-NO-ERROR-REDIRECT-BEFORE-AUTH': ERRORS_BEFORE_LOGIN,
      'AS-NAT-LOOPBACK-PORT': 'loopback redirect URIs are matched by prefix with their port (redirectUri.matching: prefix)',
      'AS-AZ-REDIR-EXACT': 'redirect URIs match by prefix: subdirectories and a trailing slash are accepted (redirectUri.matching: prefix)',
      'AS-TR-200-JSON': 'token responses are form-encoded unless the client sends Accept: application/json (tokenResponse.format: form-unless-accept-json)',
      'AS-TOK-ERROR-FORMAT': GH_200,
      'AS-TOK-EMPTY-PARAM': GH_200,
      'AS-TOK-NO-REPEAT': GH_200,
      'AS-TOK-MISSING-GRANT': GH_200,
      'AS-TOK-UNSUPPORTED-GRANT': GH_200,
      'AS-TOK-UNAUTHORIZED-CLIENT': GH_200,
      'AS-CA-CLIENTID-WITH-BASIC': GH_200,
      'AS-CA-INVALID-CLIENT-401': GH_200,
      'AS-CA-INVALID-CLIENT-BODY': GH_200,
      'AS-CA-UNKNOWN-CLIENT': GH_200,
      'AS-CA-CONF-REQUIRED': GH_200,
      'AS-CC-CONF-ONLY': GH_200,
      'AS-AC-SINGLE-USE': GH_200,
      'AS-AC-CLIENT-BINDING': GH_200,
      'AS-AC-REDIRECT-PRESENT': GH_200,
      'AS-AC-REDIRECT-IDENTICAL': GH_200,
      'AS-AC-CODE-VALID': GH_200,
      'AS-AC-CONF-AUTH': GH_200,
      'AS-AC-PUBLIC-CLIENT-ID': GH_200,
      'AS-AC-CODE-EXPIRES': GH_200,
      'AS-PKCE-MISMATCH': GH_200,
      'AS-PKCE-VERIFIER-REQUIRED': GH_200,
      'AS-PKCE-DOWNGRADE': GH_200,
      'AS-PKCE-METHOD-BOUND': GH_200,
      'AS-RT-VALIDATE': GH_200,
    },
    warn: {
      'AS-TR-EXPIRES-IN': 'access tokens never expire and the response has no expires_in (lifetimes.accessToken: null)',
      'AS-AC-CODE-10MIN': GH_200,
    },
  },
  {
    name: 'billing-like',
    profile: 'billing-like',
    fail: { 'AS-AZ-NO-ERROR-REDIRECT-BEFORE-AUTH': ERRORS_BEFORE_LOGIN, 'AS-NAT-LOOPBACK-PORT': LOOPBACK_EXACT },
    warn: { ...REV_INT },
  },
  {
    name: 'rotating-refresh',
    profile: 'rotating-refresh',
    fail: { 'AS-AZ-NO-ERROR-REDIRECT-BEFORE-AUTH': ERRORS_BEFORE_LOGIN, 'AS-NAT-LOOPBACK-PORT': LOOPBACK_EXACT },
    warn: { ...REV_INT, ...OIDC },
  },
  {
    name: 'identity-service-like',
    profile: 'identity-service-like',
    fail: {
      'AS-AZ-NO-ERROR-REDIRECT-BEFORE-AUTH': ERRORS_BEFORE_LOGIN,
      'AS-NAT-LOOPBACK-PORT': LOOPBACK_EXACT,
      'AS-RT-REPLAY-REVOKES-FAMILY': REUSE_REJECT,
      'AS-ISS-IDTOKEN-MATCH': 'metadata advertises hybrid response types (code id_token…) the service does not serve (discovery.extra.response_types_supported)',
    },
    warn: {
      ...REV_INT,
      ...OIDC,
      'AS-MD-CONSISTENT': 'metadata advertises the device_code grant the service does not serve (discovery.extra.grant_types_supported)',
    },
  },
];

export const MATRIX: MatrixTarget[] = [
  ...QUIRKS,
  {
    name: 'rfc-strict',
    profile: 'rfc-strict',
    // Skipped (precondition absent), all with a reason in the result:
    //  - TLS rows (AS-CA-TLS, AS-AZ-TLS, AS-REV-HTTPS, AS-INT-TLS, AS-MD-ENDPOINTS-HTTPS, OP-DISC-HTTPS): plain http on loopback
    //  - AS-MD-SIGNED (no signed_metadata), AS-MD-AUTH-SIGNING-NONE / OP-DISC-AUTH-SIGNING-NONE (no *_signing_alg metadata)
    //  - AS-DCR-*, AS-AZ-REDIR-HTTP, AS-AZ-REDIR-REG-PUBLIC: no registration_endpoint
    //  - AS-TR-SCOPE-IF-DIFFERENT: a partly unknown scope is refused (invalid_scope), nothing narrowed
    //  - AS-AZ-CSRF: login and consent are one form (nothing to forge without credentials)
    //  - AS-ISS-IDTOKEN-MATCH: no hybrid response types; RS-QUERY-CACHE-PRIVATE: no QUERY method; RS-AUDIENCE: no foreign resource
    fail: {},
    warn: { ...REV_INT, ...OIDC },
  },
  {
    name: 'rfc-strict+no-store-off',
    profile: 'rfc-strict',
    switches: { tokenResponse: { noStore: false } },
    override: 'tokenResponse.noStore: false',
    fail: {
      'AS-TR-NO-STORE': 'token responses lack Cache-Control: no-store',
      'AS-TR-PRAGMA': 'token responses lack Pragma: no-cache',
    },
    warn: { ...REV_INT, ...OIDC },
  },
  {
    name: 'rfc-strict+basic-raw',
    profile: 'rfc-strict',
    switches: { clientAuth: { basicEncoding: 'raw' } },
    override: 'clientAuth.basicEncoding: raw',
    fail: { 'AS-CA-BASIC-FORMDECODE': 'Basic credentials are not form-urldecoded after base64 (special-character client refused)' },
    warn: { ...REV_INT, ...OIDC },
  },
  {
    name: 'rfc-strict+multiple-auth',
    profile: 'rfc-strict',
    switches: { clientAuth: { rejectMultiple: false } },
    override: 'clientAuth.rejectMultiple: false',
    fail: { 'AS-CA-ONE-METHOD': 'a request with Basic and body credentials is accepted' },
    warn: { ...REV_INT, ...OIDC },
  },
];
