/**
 * Authorization server metadata (RFC 8414 §2) and OpenID discovery (OIDC Discovery §3),
 * built from the switches so the document always tells the truth about the mock.
 */
import type { ProviderContext } from '../context.js';

/** The metadata document of this provider. */
export function metadata(ctx: ProviderContext): Record<string, unknown> {
  const s = ctx.switches;
  const at = (path: string | null) => (path === null ? undefined : `${ctx.issuer}${path}`);
  const authMethods = s.clientAuth.methods.filter((m) => m !== 'client_secret_query');
  const doc: Record<string, unknown> = {
    issuer: ctx.issuer,
    authorization_endpoint: at(s.paths.authorize),
    token_endpoint: at(s.paths.token),
    jwks_uri: at(s.paths.jwks),
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', ...(s.refresh.policy === 'never' ? [] : ['refresh_token']), 'client_credentials'],
    token_endpoint_auth_methods_supported: authMethods.length ? authMethods : ['client_secret_post'],
    scopes_supported: [...new Set([...(s.refresh.policy === 'offline-scope' ? [s.refresh.offlineScope] : []), ...[...ctx.clients.values()].flatMap((c) => c.scopes)])],
    authorization_response_iss_parameter_supported: s.discovery.issParameter,
  };
  if (s.pkce.supported) doc.code_challenge_methods_supported = s.pkce.methods;
  if (s.revocation.enabled) {
    doc.revocation_endpoint = at(s.paths.revocation);
    doc.revocation_endpoint_auth_methods_supported = doc.token_endpoint_auth_methods_supported;
  }
  if (s.introspection.enabled) {
    doc.introspection_endpoint = at(s.paths.introspection);
    doc.introspection_endpoint_auth_methods_supported = doc.token_endpoint_auth_methods_supported;
  }
  if (s.discovery.kind === 'oidc') {
    Object.assign(doc, {
      userinfo_endpoint: at(s.paths.userinfo),
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: ['sub', 'name', 'email', 'preferred_username'],
    });
    (doc.scopes_supported as string[]).unshift('openid');
  }
  if (s.paths.endSession) doc.end_session_endpoint = at(s.paths.endSession);
  if (s.paths.deviceAuthorization) doc.device_authorization_endpoint = at(s.paths.deviceAuthorization);
  Object.assign(doc, s.discovery.extra);
  for (const k of Object.keys(doc)) if (doc[k] === undefined) delete doc[k];
  return doc;
}
