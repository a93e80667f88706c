/**
 * The client's settings, as an integration's OAuth application page would hold them,
 * read off what the recorded client sent: where it put its credentials (RFC 6749
 * §2.3.1), which scopes with which delimiter, extra authorization parameters, PKCE
 * (RFC 7636), its redirect URI, a refused secret or client id, a `state` the provider
 * did not send back (`authorize.echoState`), and the mistakes the
 * reference client must repeat to replay the recording (its `faults`).
 */
import { clientAuthFailures } from '../diagnoses/client-auth.js';
import { callbackErrors, errorOf, failed, isErrorPage, kindOf, paramsOf, tokenGrants } from '../diagnoses/traffic.js';
import { credentialPlacement, getHeader } from '../observe/wire.js';
import type { Exchange } from '../results/model.js';
import type { AuthorizationAttempt } from './flow.js';
import { refs, type Findings } from './inference.js';

/** Authorization request parameters the reference client sends itself, or that name a person. */
const OWN_PARAMS = new Set(['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'nonce', 'login_hint', 'id_token_hint', 'hd', 'response_mode']);
const REDIRECT = /redirect[_ ]?ur[il]|callback url|redirect url|reply url|redirect_uri_mismatch/i;

export interface ClientFacts {
  /** The recorded redirect URI, when the provider accepted it (then it is registered at the mock). */
  acceptedRedirectUri: string | undefined;
  faults: string[];
  /** Authorization attempts (by seq) whose `state` came back changed: the scenario tampers with it. */
  tamperedState: Set<number>;
}

export function inferClient(oauth: Exchange[], attempts: AuthorizationAttempt[], f: Findings): ClientFacts {
  const faults = new Set<string>();
  const tamperedState = new Set<number>();
  const grants = tokenGrants(oauth);
  const firstToken = grants.find((g) => g.grantType !== 'refresh_token') ?? grants[0];
  if (firstToken) {
    const e = firstToken.exchange;
    const placement = credentialPlacement(e.request);
    if (e.request.method === 'GET') f.set(['client', 'credentials'], 'query', `the token request is a GET with its parameters in the query (#${e.seq})`);
    else if (placement === 'basic' || placement === 'body') f.set(['client', 'credentials'], placement, `the client authenticated with ${placement === 'basic' ? 'an HTTP Basic header' : 'client_secret in the form body'} (#${e.seq})`);
    else if (placement === 'multiple') {
      f.set(['client', 'credentials'], 'basic', `the client sent its credentials both in a Basic header and in the body (#${e.seq})`);
      faults.add('send-credentials-twice');
    } else f.unknown('client.credentials', `the token request (#${e.seq}) carries no client secret: a public client, which the reference client does not play; it sends a secret`);
  }
  const auth = attempts[0];
  const scopeParam = auth?.params.get('scope') ?? firstToken?.params.get('scope') ?? null;
  if (scopeParam !== null) {
    const comma = scopeParam.includes(',') && !scopeParam.includes(' ');
    f.set(['client', 'scopes'], scopeParam.split(/[ ,]+/).filter(Boolean), `the ${auth ? 'authorization' : 'token'} request asked for scope "${scopeParam}" (#${auth?.request.seq ?? firstToken!.exchange.seq})`);
    if (comma) f.set(['client', 'scopeDelimiter'], ',', 'the client joined its scopes with commas');
  }
  if (auth) {
    const extra: Record<string, string> = {};
    for (const [k, v] of auth.params) if (!OWN_PARAMS.has(k)) extra[k] = v;
    if (Object.keys(extra).length) f.set(['client', 'authorizationParams'], extra, `extra parameters of the authorization request (#${auth.request.seq})`);
    f.set(['client', 'pkce'], auth.params.has('code_challenge') ? 'always' : 'never', auth.params.has('code_challenge') ? `the client sent code_challenge_method=${auth.params.get('code_challenge_method') ?? 'plain'} (#${auth.request.seq})` : `the client sent no code_challenge (#${auth.request.seq})`);
    const ru = auth.params.get('redirect_uri');
    if (ru) f.set(['client', 'redirectUri'], ru, `the authorization request's redirect_uri (#${auth.request.seq})`);
  } else {
    const ru = firstToken?.params.get('redirect_uri');
    if (ru) f.set(['client', 'redirectUri'], ru, `the code exchange's redirect_uri (#${firstToken!.exchange.seq})`);
  }

  // a refused redirect URI: the recorded one must stay unregistered at the mock
  let refusedRedirect = false;
  for (const a of attempts) {
    const stop = a.stoppedAt;
    const err = stop ? errorOf(stop.response) : undefined;
    if (stop && isErrorPage(stop.response) && err && REDIRECT.test(`${err.code ?? ''} ${err.text}`)) refusedRedirect = true;
  }
  if (callbackErrors(oauth).some((c) => REDIRECT.test(`${c.error} ${c.description}`))) refusedRedirect = true;
  const codeGrants = grants.filter((g) => g.grantType === 'authorization_code');
  if (codeGrants.some((g) => failed(g.exchange) && REDIRECT.test(errorOf(g.exchange.response)?.text ?? ''))) {
    const g = codeGrants.find((x) => failed(x.exchange))!;
    const a = attempts.filter((x) => x.request.seq < g.exchange.seq).pop();
    if (a?.params.get('redirect_uri') && !g.params.has('redirect_uri')) faults.add('drop-redirect-uri-at-token');
  }
  const ru = f.get(['client', 'redirectUri']) as string | undefined;
  if (refusedRedirect) f.unknown('provider.clients.redirect_uris', `the provider refused the redirect URI ${ru ?? ''}: it is left unregistered at the mock, which registers its own (https://client.example.test/callback)`);

  // a refused secret, or an unknown client id
  const wrong = clientAuthFailures(oauth).filter((x) => x.kind === 'wrong');
  const unknownClient = wrong.find((x) => /unknown client|client not found|not identified|does not exist|invalid_client_id|no application/i.test(x.error.text));
  if (unknownClient) f.set(['client', 'clientId'], 'unregistered-client-id', `the provider did not know the client id (#${unknownClient.exchange.seq}: "${unknownClient.error.text.slice(0, 80)}")`);
  else if (wrong.length) f.set(['client', 'clientSecret'], 'not-the-registered-secret', `the provider refused the client's credentials (${refs(wrong.map((x) => x.exchange.seq))}); the recorded secret is not written here`);
  else if (clientAuthFailures(oauth).some((x) => x.kind === 'encoding')) faults.add('no-basic-encoding');

  // state: changed on the way back (a forged callback) and whether the client noticed
  for (const a of attempts) {
    const sent = a.params.get('state');
    const back = a.response?.params.get('state');
    if (sent && back !== undefined && back !== null && back !== sent) {
      tamperedState.add(a.request.seq);
      const exchanged = codeGrants.some((g) => g.exchange.seq > a.response!.via.seq && (attempts.find((x) => x.request.seq > a.request.seq)?.request.seq ?? Infinity) > g.exchange.seq);
      if (exchanged) faults.add('ignore-state');
    }
    // RFC 6749 §4.1.2: state MUST come back; a provider that drops it (authorize.echoState)
    if (sent && a.response && (back === undefined || back === null)) {
      f.set(['authorize', 'echoState'], false, `the authorization request sent state (#${a.request.seq}), the redirect back had none (#${a.response.via.seq})`);
      const exchanged = codeGrants.some((g) => g.exchange.seq > a.response!.via.seq && (attempts.find((x) => x.request.seq > a.request.seq)?.request.seq ?? Infinity) > g.exchange.seq);
      if (exchanged) faults.add('ignore-state');
    } else if (sent && back === sent) f.set(['authorize', 'echoState'], true, `the redirect back carried the request's state (#${a.response!.via.seq})`);
  }

  // the access token in the query string (RFC 6750 §2.3) instead of a header
  const inQuery = oauth.find((e) => (kindOf(e) === 'api' || e.endpoint === 'userinfo') && paramsOf(e).has('access_token') && !/^bearer /i.test(getHeader(e.request.headers, 'authorization') ?? ''));
  if (inQuery) faults.add('bearer-in-query');

  // the provider sent the browser back (with a code or an error), or redeemed a code for it
  const accepted = attempts.some((a) => a.response !== undefined) || codeGrants.some((g) => !failed(g.exchange));
  return { acceptedRedirectUri: accepted && !refusedRedirect ? ru : undefined, faults: [...faults], tamperedState };
}
