/**
 * Discovery (RFC 8414; OpenID Connect Discovery 1.0 §4): which documents are served, the
 * endpoint paths under the issuer, revocation (RFC 7009) and introspection (RFC 7662)
 * endpoints, PKCE methods (RFC 7636), and the RFC 9207 `iss` parameter. The two
 * requests are the session's first; this probe reads what they returned. A server that
 * publishes no metadata (GitHub) is probed at the endpoints the user gave.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
import type { FingerprintProbe } from '../probe.js';

const PATHS: [string, string][] = [
  ['authorize', 'authorization_endpoint'],
  ['token', 'token_endpoint'],
  ['revocation', 'revocation_endpoint'],
  ['introspection', 'introspection_endpoint'],
  ['userinfo', 'userinfo_endpoint'],
  ['jwks', 'jwks_uri'],
  ['endSession', 'end_session_endpoint'],
  ['deviceAuthorization', 'device_authorization_endpoint'],
];

export const discoveryProbe: FingerprintProbe = {
  id: 'discovery',
  sends: 'GET /.well-known/oauth-authorization-server and /.well-known/openid-configuration',
  requests: 2,
  infers: ['discovery.enabled', 'discovery.kind', 'discovery.issParameter', 'paths.*', 'revocation.enabled', 'introspection.enabled', 'pkce.supported', 'pkce.methods'],
  async run(s) {
    const f = s.findings;
    const { oauth, openid, metadata } = s.discovery;
    const published = !!(oauth.json ?? openid.json);
    const from = (member: string) => (s.given.includes(member) ? `the given ${member}` : `metadata ${member}`);
    if (!published) {
      // a server without metadata (GitHub): the endpoints come from the user, nothing else does
      f.set(['discovery', 'enabled'], false, `no metadata: RFC 8414 answered ${oauth.status || 'nothing'}, OpenID Connect discovery ${openid.status || 'nothing'}; the endpoints were given (${s.given.join(', ')})`);
      for (const t of ['discovery.kind', 'revocation.enabled', 'introspection.enabled', 'pkce.methods']) f.unknown(t, 'the server publishes no metadata to read it from');
    } else {
      f.set(['discovery', 'enabled'], true, `metadata answered (${oauth.json ? 'RFC 8414' : 'OpenID Connect'})`);
      if (openid.json) f.set(['discovery', 'kind'], 'oidc', `OpenID Connect discovery answered ${openid.status} (${openid.url})`);
      else f.set(['discovery', 'kind'], 'oauth', `RFC 8414 metadata only: OpenID Connect discovery answered ${openid.status || openid.error}`);
    }
    const iss = metadata.authorization_response_iss_parameter_supported;
    if (typeof iss === 'boolean') f.set(['discovery', 'issParameter'], iss, `metadata authorization_response_iss_parameter_supported: ${iss}`);
    const issuer = new URL(s.config.issuer);
    const base = issuer.pathname.replace(/\/$/, '');
    for (const [name, member] of PATHS) {
      const v = metadata[member];
      if (typeof v !== 'string') {
        if (published && (name === 'endSession' || name === 'deviceAuthorization')) f.set(['paths', name], null, `metadata has no ${member}`);
        continue;
      }
      const u = new URL(v);
      if (u.origin !== issuer.origin || !u.pathname.startsWith(`${base}/`)) {
        f.unknown(`paths.${name}`, `${member} ${v} is not under the issuer ${s.config.issuer}: the mock serves every endpoint under its issuer`);
        continue;
      }
      f.set(['paths', name], u.pathname.slice(base.length), from(member));
    }
    if (!published) return;
    f.set(['revocation', 'enabled'], typeof metadata.revocation_endpoint === 'string', typeof metadata.revocation_endpoint === 'string' ? 'metadata revocation_endpoint' : 'metadata has no revocation_endpoint');
    f.set(['introspection', 'enabled'], typeof metadata.introspection_endpoint === 'string', typeof metadata.introspection_endpoint === 'string' ? 'metadata introspection_endpoint' : 'metadata has no introspection_endpoint');
    const methods = Array.isArray(metadata.code_challenge_methods_supported) ? (metadata.code_challenge_methods_supported as unknown[]).filter((m): m is 'S256' | 'plain' => m === 'S256' || m === 'plain') : undefined;
    if (methods?.length) {
      f.set(['pkce', 'supported'], true, `metadata code_challenge_methods_supported = [${methods.join(', ')}]`);
      f.set(['pkce', 'methods'], methods, 'metadata code_challenge_methods_supported');
    }
  },
};
