/**
 * Metadata (RFC 8414), OpenID configuration and JWKS of the broken AS.
 */
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { json, type Req, type Res, send } from './http.js';
import type { AsState } from './state.js';

function base(state: AsState): Record<string, unknown> {
  const i = state.issuer;
  const md: Record<string, unknown> = {
    issuer: state.has('metadata-issuer-trailing-slash') ? `${i}/` : state.has('metadata-issuer-fragment') ? `${i}#x` : i,
    authorization_endpoint: `${i}/authorize`,
    token_endpoint: state.has('http-token-endpoint') ? 'http://as.broken-as.example/token' : `${i}/token`,
    revocation_endpoint: state.has('http-revocation-endpoint') ? 'http://as.broken-as.example/revoke' : `${i}/revoke`,
    introspection_endpoint: state.has('http-introspection-endpoint') ? 'http://as.broken-as.example/introspect' : `${i}/introspect`,
    registration_endpoint: state.has('http-registration-endpoint') ? 'http://as.broken-as.example/register' : `${i}/register`,
    jwks_uri: state.has('http-jwks-uri') ? 'http://as.broken-as.example/jwks' : `${i}/jwks`,
    response_types_supported: state.has('implicit-offered') || state.has('implicit-advertised-refused') ? ['code', 'code id_token', 'token'] : ['code', 'code id_token'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    token_endpoint_auth_methods_supported: state.has('no-asymmetric-auth')
      ? ['client_secret_basic', 'client_secret_post']
      : ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: state.has('metadata-auth-signing-none') ? ['RS256', 'none'] : ['RS256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access', 'api', 'a', 'b'],
    code_challenge_methods_supported: state.has('pkce-plain-supported') ? ['S256', 'plain'] : ['S256'],
    authorization_response_iss_parameter_supported: !state.has('iss-unadvertised'),
    dpop_signing_alg_values_supported: ['ES256'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  };
  if (state.has('metadata-no-response-types')) delete md.response_types_supported;
  if (state.has('metadata-empty-array')) md.ui_locales_supported = [];
  if (state.has('metadata-no-scopes')) delete md.scopes_supported;
  if (state.has('no-pkce-metadata')) delete md.code_challenge_methods_supported;
  if (state.has('pkce-metadata-plain-only')) md.code_challenge_methods_supported = ['plain'];
  if (state.has('no-dpop-metadata')) delete md.dpop_signing_alg_values_supported;
  if (state.has('metadata-no-grant-types')) delete md.grant_types_supported;
  if (state.has('cc-unadvertised')) md.grant_types_supported = (md.grant_types_supported as string[]).filter((g) => g !== 'client_credentials');
  if (state.has('ropc-enabled')) (md.grant_types_supported as string[] | undefined)?.push('password');
  if (state.has('advertises-unsupported-grant')) (md.grant_types_supported as string[] | undefined)?.push('urn:ietf:params:oauth:grant-type:jwt-bearer');
  return md;
}

function oidc(state: AsState, md: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...md,
    ...(state.has('openid-config-no-userinfo') ? {} : { userinfo_endpoint: `${state.issuer}/userinfo` }),
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: state.has('openid-config-no-rs256') ? ['ES256'] : ['RS256'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce'],
  };
  if (state.has('openid-config-no-subject-types')) delete out.subject_types_supported;
  if (state.has('openid-config-issuer-mismatch')) out.issuer = 'https://elsewhere.example';
  return out;
}

async function withSigned(state: AsState, md: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (!state.has('signed-metadata') && !state.has('signed-metadata-bad')) return md;
  const key = state.has('signed-metadata-bad') ? state.keys.otherKey : state.keys.privateKey;
  const { issuer: _i, ...claims } = md;
  const signed = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(state.issuer).setIssuedAt().sign(key);
  return { ...md, signed_metadata: signed };
}

function discoveryHeaders(state: AsState, contentType: string): Record<string, string> {
  return { 'content-type': contentType, ...(state.has('no-discovery-cors') ? {} : { 'access-control-allow-origin': '*' }) };
}

export async function oauthMetadata(state: AsState, _req: Req, res: Res): Promise<void> {
  if (state.has('no-rfc8414-metadata')) return json(res, 404, { error: 'not_found' });
  const md = await withSigned(state, base(state));
  send(res, 200, JSON.stringify(md), discoveryHeaders(state, state.has('metadata-text-plain') ? 'text/plain' : 'application/json'));
}

export async function openidConfiguration(state: AsState, _req: Req, res: Res): Promise<void> {
  const md = await withSigned(state, oidc(state, base(state)));
  send(res, 200, JSON.stringify(md), discoveryHeaders(state, state.has('openid-config-text-plain') ? 'text/plain' : 'application/json'));
}

let encKey: Record<string, unknown> | undefined;

export async function jwks(state: AsState, _req: Req, res: Res): Promise<void> {
  const keys: Array<Record<string, unknown>> = [state.has('jwks-private-key') ? { ...state.keys.privateJwk } : { ...state.keys.publicJwk }];
  if (state.has('jwks-mixed-use-missing')) {
    encKey ??= { ...(await exportJWK((await generateKeyPair('RSA-OAEP-256', { extractable: true })).publicKey)), kid: 'e1', use: 'enc' };
    keys[0] = { ...keys[0] };
    delete keys[0]!.use;
    keys.push(encKey);
  }
  json(res, 200, { keys });
}
