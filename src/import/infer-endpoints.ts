/**
 * The provider's endpoints and the behaviours visible on them: discovery (RFC 8414, OpenID
 * Connect Discovery 1.0), the `iss` authorization response parameter (RFC 9207), PKCE
 * (RFC 7636) supported or required, revocation (RFC 7009) and its answer to a revoked
 * token, introspection (RFC 7662), endpoint paths, redirect URI matching, and address or
 * domain restrictions (Salesforce login IP ranges, Facebook App Domains).
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414
 * @see https://www.rfc-editor.org/rfc/rfc9207
 */
import { DOMAIN_REFUSED, IP_REFUSED } from '../diagnoses/address-rules.js';
import { callbackErrors, errorOf, failed, isErrorPage, kindOf, stringList } from '../diagnoses/traffic.js';
import type { Exchange } from '../results/model.js';
import type { AuthorizationAttempt } from './flow.js';
import { refs, type Findings } from './inference.js';
import type { Recognised } from './recognise.js';

const PKCE = /code_challenge|code_verifier|pkce|proof key/i;

export interface NetworkFacts {
  /** The client's server address must be refused at the token endpoint. */
  refuseClientAddress: boolean;
  /** The user's browser address must be refused at sign-in. */
  refuseBrowserAddress: boolean;
  /** The redirect URI's domain must be refused. */
  refuseDomain: string | undefined;
}

/** A documentation address range (RFC 5737) the scenario allows, and one outside it it signs in from. */
export const ALLOWED_RANGE = '198.51.100.0/24';
export const ALLOWED_ADDRESS = '198.51.100.7';
export const REFUSED_ADDRESS = '203.0.113.10';

function pathOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).pathname.replace(/\/+$/, '') || '/';
  } catch {
    return undefined;
  }
}

export function inferEndpoints(r: Recognised, attempts: AuthorizationAttempt[], f: Findings): NetworkFacts {
  const oauth = r.oauth;
  const role = (e: Exchange) => r.role.get(e.seq);
  // discovery
  const docs = oauth.filter((e) => role(e) === 'discovery');
  const oidcOk = docs.find((e) => /openid-configuration/.test(e.request.url) && e.response.status === 200);
  const oidcMissing = docs.find((e) => /openid-configuration/.test(e.request.url) && e.response.status === 404);
  const rfcOk = docs.find((e) => /oauth-authorization-server/.test(e.request.url) && e.response.status === 200);
  const userinfo = oauth.find((e) => role(e) === 'userinfo');
  if (oidcOk) f.set(['discovery', 'kind'], 'oidc', `OpenID Connect discovery answered (#${oidcOk.seq})`);
  else if (userinfo) f.set(['discovery', 'kind'], 'oidc', `the client called a userinfo endpoint (#${userinfo.seq})`);
  else if (rfcOk && oidcMissing) f.set(['discovery', 'kind'], 'oauth', `RFC 8414 metadata answered (#${rfcOk.seq}), OpenID discovery did not (#${oidcMissing.seq})`);
  else if (rfcOk) f.set(['discovery', 'kind'], 'oauth', `RFC 8414 metadata answered (#${rfcOk.seq})`, 'whether OpenID discovery is served too is not in the recording');
  if (docs.length && !oidcOk && !rfcOk && docs.every((e) => e.response.status === 404)) f.set(['discovery', 'enabled'], false, `no metadata at ${refs(docs.map((e) => e.seq))} (404)`);

  // RFC 9207 iss on authorization responses
  const responses = attempts.filter((a) => a.response);
  const withIss = responses.find((a) => a.response!.params.has('iss'));
  const withoutIss = responses.find((a) => !a.response!.params.has('iss'));
  if (withIss) f.set(['discovery', 'issParameter'], true, `the authorization response carried iss (#${withIss.response!.via.seq})`);
  else if (withoutIss) f.set(['discovery', 'issParameter'], false, `the authorization response had no iss (#${withoutIss.response!.via.seq})`);
  else if (r.metadata?.authorization_response_iss_parameter_supported !== undefined) f.set(['discovery', 'issParameter'], r.metadata.authorization_response_iss_parameter_supported === true, 'metadata authorization_response_iss_parameter_supported');

  // PKCE
  const listed = stringList(r.metadata?.code_challenge_methods_supported)?.filter((m) => m === 'S256' || m === 'plain');
  const pkceError = callbackErrors(oauth).find((c) => PKCE.test(`${c.error} ${c.description}`)) ?? attempts.map((a) => a.stoppedAt).filter((e): e is Exchange => !!e).map((e) => ({ exchange: e, description: errorOf(e.response)?.text ?? '', error: '' })).find((c) => PKCE.test(c.description));
  const challenged = attempts.find((a) => a.params.has('code_challenge') && a.response?.params.has('code'));
  if (pkceError) {
    const a = attempts.filter((x) => x.request.seq <= pkceError.exchange.seq).pop();
    if (a && !a.params.has('code_challenge')) {
      f.set(['pkce', 'supported'], true, `PKCE is required: an authorization request without code_challenge was refused (#${pkceError.exchange.seq})`);
      f.set(['pkce', 'required'], true, `an authorization request without code_challenge was refused (#${pkceError.exchange.seq})`, 'the provider may require PKCE only for public clients; the scenario requires it for every client');
    }
  }
  if (challenged) {
    const method = challenged.params.get('code_challenge_method') ?? 'plain';
    f.set(['pkce', 'supported'], true, `a login with code_challenge_method=${method} got a code (#${challenged.request.seq})`);
    if (listed?.length) f.set(['pkce', 'methods'], listed, `metadata code_challenge_methods_supported = [${listed.join(', ')}]`);
    else if (method === 'S256' || method === 'plain') f.set(['pkce', 'methods'], [method], `code_challenge_method=${method} was accepted (#${challenged.request.seq})`, 'other methods were not tried');
  } else if (listed?.length) {
    f.set(['pkce', 'methods'], listed, `metadata code_challenge_methods_supported = [${listed.join(', ')}]`);
  }
  const noChallengeOk = attempts.find((a) => !a.params.has('code_challenge') && a.response?.params.has('code'));
  if (noChallengeOk && !pkceError) f.set(['pkce', 'required'], false, `a login without code_challenge got a code (#${noChallengeOk.request.seq})`);

  // revocation (RFC 7009) and introspection (RFC 7662)
  const revocations = oauth.filter((e) => kindOf(e) === 'revocation');
  if (revocations.length) {
    f.set(['revocation', 'enabled'], !revocations.every((e) => e.response.status === 404), `revocation requests were answered (${refs(revocations.map((e) => e.seq))})`);
    const invalid = revocations.find((e) => e.response.status === 400 && errorOf(e.response)?.code === 'invalid_token');
    if (invalid) f.set(['revocation', 'style'], 'invalid-token-400', `revoking a token answered 400 invalid_token (#${invalid.seq})`);
    else {
      const again = revocations.find((e, i) => e.response.status === 200 && revocations.slice(0, i).some((p) => p.request.body === e.request.body && p.response.status === 200));
      if (again) f.set(['revocation', 'style'], 'rfc7009', `revoking an already revoked token answered 200 (#${again.seq})`);
    }
  }
  const introspections = oauth.filter((e) => kindOf(e) === 'introspection');
  if (introspections.length) f.set(['introspection', 'enabled'], true, `introspection requests were answered (${refs(introspections.map((e) => e.seq))})`);

  // endpoint paths: the mock serves every endpoint under one issuer
  const paths: Record<string, string> = {};
  const first = (r2: string) => oauth.find((e) => role(e) === r2);
  const seen: Record<string, Exchange | undefined> = { authorize: first('authorize'), token: first('token'), revocation: first('revocation'), introspection: first('introspection'), userinfo: first('userinfo') };
  // the issuer's own path (a multi-tenant issuer, the harness's /<profile>) is not part of the endpoint paths
  // the issuer: from the metadata, else from an authorization response's iss (RFC 9207 §2)
  const iss = r.metadata?.issuer ?? attempts.map((a) => a.response?.params.get('iss')).find((x) => x);
  const issuerPath = pathOf(iss)?.replace(/^\/$/, '') ?? '';
  for (const [name, e] of Object.entries(seen)) {
    let p = pathOf(e?.request.url ?? r.metadata?.[`${name === 'authorize' ? 'authorization' : name}_endpoint`]);
    if (p && issuerPath && p.startsWith(`${issuerPath}/`)) p = p.slice(issuerPath.length);
    if (p && p !== '/' && !p.startsWith('/api') && !p.includes('/.well-known/')) paths[name] = p;
  }
  const values = Object.values(paths);
  const clash = values.some((p, i) => values.indexOf(p) !== i) || (paths.authorize !== undefined && values.some((p) => p === `${paths.authorize}/decision`));
  if (values.length && !clash) {
    const origins = [...new Set(Object.values(seen).filter((e): e is Exchange => !!e).map((e) => new URL(e.request.url).origin))];
    const where = `endpoints recorded at ${origins.length > 1 ? origins.join(', ') : (origins[0] ?? 'the metadata')}${issuerPath ? ` under the issuer path ${issuerPath}` : ''}`;
    Object.entries(paths).forEach(([name, p], i) => f.set(['paths', name], p, i === 0 ? where : ''));
  }

  // address and domain restrictions
  const facts: NetworkFacts = { refuseClientAddress: false, refuseBrowserAddress: false, refuseDomain: undefined };
  for (const e of oauth) {
    if (!failed(e) && !isErrorPage(e.response)) continue;
    const err = errorOf(e.response);
    if (!err) continue;
    const text = `${err.code ?? ''} ${err.text}`;
    if (DOMAIN_REFUSED.test(text)) {
      facts.refuseDomain = (() => {
        try {
          return new URL(new URLSearchParams(new URL(e.request.url).search).get('redirect_uri') ?? '').hostname;
        } catch {
          return 'the-redirect-domain';
        }
      })();
      f.set(['network', 'domainAllowList'], ['allowed-domain.example'], `the sign-in was refused for the redirect URI's domain (#${e.seq}): "${err.text.slice(0, 100)}"`, 'the domains the app really allows are not in the recording');
    } else if (IP_REFUSED.test(text)) {
      if (kindOf(e) === 'token') facts.refuseClientAddress = true;
      else facts.refuseBrowserAddress = true;
      f.set(['network', 'ipAllowList'], [ALLOWED_RANGE], `${kindOf(e) === 'token' ? 'the token request' : 'the sign-in'} was refused for the caller's address (#${e.seq}): "${err.text.slice(0, 100)}"`, `the ranges the app really allows are not in the recording; the scenario allows ${ALLOWED_RANGE} and ${kindOf(e) === 'token' ? `the client's server calls from ${REFUSED_ADDRESS}` : `the user signs in from ${REFUSED_ADDRESS}`}`);
      f.set(['network', 'trustForwardedFor'], true, 'the scenario gives the caller its address through X-Forwarded-For');
    }
  }
  return facts;
}
