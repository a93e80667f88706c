/**
 * The credentials preflight, run once before any check: does the token endpoint accept
 * the primary client's (F1) id and secret? A wrong secret would otherwise turn into a
 * score of "MUST failures" blamed on the server; here it stops the run with a
 * `VerifyError` (exit 2) that says so. It also finds out once whether F1 can use
 * `client_credentials`, which some servers serve without advertising it.
 *
 * What counts as an answer about the credentials, per RFC 6749 §5.2:
 * - a token, or `invalid_grant` for a made-up code: the client authenticated;
 * - `invalid_client`, or HTTP 401: it did not;
 * - anything else (a bare 403, `unauthorized_client`, …) is compared with the answer to a
 *   certainly wrong secret: the same answer means the credentials are refused too.
 * Both Basic and body credentials are tried before the run is stopped, so a server that
 * refuses one method (a finding of the AS-CA-* checks) does not stop it.
 *
 * The other confidential clients that checks send to the token endpoint (fixtures F2, F4,
 * F5, F7, F8) are asked the same way. A refused fixture does not stop the run: the checks
 * that need it are not tested ("inconclusive", naming the fixture and its verify.yaml key),
 * so a typo in a second client's secret is never reported as the server's failure.
 */
import type { ClientAuth } from './flows/token.js';
import { basicAuthorization } from '../http/form.js';
import { isJsonObject } from '../http/json.js';
import type { TestClient } from './clients.js';
import { isLoopbackHost, type PreflightFacts, type RunState } from './context.js';
import { VerifyError } from '../errors/verify-error.js';
import { metaString, tokenAuthMethods } from './metadata.js';
import { type Probe, ProbeNetworkError, type ProbeResponse } from './probe.js';
import { randomToken } from './flows/random.js';

type Answer = { status: number; error: string | undefined; token: boolean; text: string };

const METHOD_NAME: Record<'basic' | 'post', string> = { basic: 'client_secret_basic', post: 'client_secret_post' };

function answerOf(res: ProbeResponse): Answer {
  const body = isJsonObject(res.json) ? res.json : undefined;
  const error = typeof body?.error === 'string' ? body.error : undefined;
  return { status: res.status, error, token: res.status === 200 && typeof body?.access_token === 'string', text: res.text };
}

function describe(a: Answer): string {
  return a.token ? 'a token' : `HTTP ${a.status}${a.error ? ` error=${a.error}` : a.text ? '' : ' with an empty body'}${!a.error && a.text ? ' without a JSON error' : ''}`;
}

function same(a: Answer, b: Answer): boolean {
  return a.status === b.status && a.error === b.error && a.token === b.token && a.text === b.text;
}

/** The method a client uses first: the configured one, else what the server advertises (as `defaultAuth`). */
function firstMethod(state: RunState, client: TestClient): 'basic' | 'post' {
  if (client.authMethod) return client.authMethod;
  const methods = tokenAuthMethods(state.discovery.metadata);
  return methods.includes('client_secret_basic') || !methods.includes('client_secret_post') ? 'basic' : 'post';
}

/**
 * Check F1's credentials at the token endpoint. Returns the facts it established, or
 * undefined when the server advertises no token endpoint. Throws {@link VerifyError}
 * `CREDENTIALS_REJECTED` (the credentials are refused) or `TARGET_UNRESPONSIVE` (no usable
 * answer in time).
 */
export async function preflightCredentials(state: RunState, probe: Probe): Promise<PreflightFacts | undefined> {
  const url = metaString(state.discovery.metadata, 'token_endpoint');
  const client = state.clients.primary;
  if (!url || client.client_secret === undefined) return undefined;
  // never send the secret in clear to a non-local host (AS-CA-TLS reports such an endpoint)
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return undefined;
  }
  if (target.protocol !== 'https:' && !(state.config.allowInsecureLoopback && target.protocol === 'http:' && isLoopbackHost(target.hostname))) return undefined;
  const send = async (c: TestClient, method: ClientAuth, params: Array<[string, string]>): Promise<Answer> => {
    const headers: Record<string, string> = method === 'basic' ? { authorization: basicAuthorization(c.client_id, c.client_secret!) } : {};
    const auth: Array<[string, string]> = method === 'post' ? [['client_id', c.client_id], ['client_secret', c.client_secret!]] : [];
    try {
      return answerOf(await probe.send({ url, endpoint: 'token', headers, form: [...params, ...auth] }));
    } catch (e) {
      if (e instanceof ProbeNetworkError) throw new VerifyError('TARGET_UNRESPONSIVE', `credentials preflight: ${e.message}; nothing was verified`);
      throw e;
    }
  };
  const scope = state.config.scopes.clientCredentials;
  const cc: Array<[string, string]> = [['grant_type', 'client_credentials'], ...(scope ? [['scope', scope] as [string, string]] : [])];
  const code: Array<[string, string]> = [
    ['grant_type', 'authorization_code'],
    ['code', randomToken()],
    ...(client.redirect_uri ? [['redirect_uri', client.redirect_uri] as [string, string]] : []),
  ];
  const first = firstMethod(state, client);
  const tried: string[] = [];
  let facts: PreflightFacts | undefined;
  /** Does the server accept `c`'s credentials with `method`? (`log` gets the answer when not.) */
  const accepts = async (c: TestClient, method: 'basic' | 'post', log: string[]): Promise<boolean> => {
    const codeOf: Array<[string, string]> = c === client ? code : [...code.filter(([k]) => k !== 'redirect_uri'), ...(c.redirect_uri ? [['redirect_uri', c.redirect_uri] as [string, string]] : [])];
    const a = await send(c, method, cc);
    if (c === client && method === first) facts = a.token ? { clientCredentials: true } : { clientCredentials: false, clientCredentialsAnswer: describe(a) };
    if (a.token) return true;
    const b = a.error === 'invalid_client' || a.status === 401 ? a : await send(c, method, codeOf);
    if (b.error === 'invalid_grant') return true;
    if (b.error === 'invalid_client' || b.status === 401 || a.error === 'invalid_client' || a.status === 401) {
      log.push(`${describe(b)} with ${METHOD_NAME[method]}`);
      return false;
    }
    // neither accepted nor refused in so many words: compare with a certainly wrong secret
    const wrong = await send({ ...c, client_secret: `wrong-${randomToken(9)}` }, method, codeOf);
    if (!same(b, wrong)) return true;
    log.push(`${describe(b)} with ${METHOD_NAME[method]}, exactly as to a wrong secret`);
    return false;
  };
  /** Accepted with its configured method, or (none configured) with either. */
  const acceptsClient = async (c: TestClient, log: string[]): Promise<boolean> => {
    const m = firstMethod(state, c);
    if (await accepts(c, m, log)) return true;
    return !c.authMethod && (await accepts(c, m === 'basic' ? 'post' : 'basic', log));
  };
  const other = first === 'basic' ? 'post' : 'basic';
  const checked = async (): Promise<PreflightFacts | undefined> => {
    const refused = await refusedFixtures(state, acceptsClient);
    return Object.keys(refused).length ? { ...(facts ?? { clientCredentials: false }), refusedFixtures: refused } : facts;
  };
  if (await accepts(client, first, tried)) return checked();
  const otherWorks = await accepts(client, other, tried);
  if (otherWorks && !client.authMethod) return checked();
  const configured = client.authMethod ? ` with the configured method (client.token_endpoint_auth_method: ${METHOD_NAME[client.authMethod]})` : '';
  if (otherWorks) {
    throw new VerifyError(
      'CREDENTIALS_REJECTED',
      `the token endpoint ${url} does not accept client "${client.client_id}"${configured}: ${tried.join('; ')}; it accepts ${METHOD_NAME[other]}. Set client.token_endpoint_auth_method: ${METHOD_NAME[other]} in verify.yaml (or remove it); nothing was verified`,
    );
  }
  throw new VerifyError(
    'CREDENTIALS_REJECTED',
    `the token endpoint ${url} does not accept the credentials of client "${client.client_id}": ${tried.join('; ')}. Check --client-id/--client-secret (or client: in verify.yaml); nothing was verified`,
  );
}

/** The fixtures whose clients checks send to the token endpoint with their secret. */
const TOKEN_ENDPOINT_FIXTURES = [
  ['F2', 'second', 'fixtures.secondClient'],
  ['F4', 'special', 'fixtures.specialCharsClient'],
  ['F5', 'multiRedirect', 'fixtures.multiRedirectClient'],
  ['F7', 'pkceOptional', 'fixtures.pkceOptionalClient'],
  ['F8', 'noClientCredentials', 'fixtures.noClientCredentialsClient'],
] as const;

/** Ask the token endpoint about each configured fixture client with a secret; the refused ones, by fixture id, with why. */
async function refusedFixtures(state: RunState, acceptsClient: (c: TestClient, log: string[]) => Promise<boolean>): Promise<Record<string, string>> {
  const refused: Record<string, string> = {};
  for (const [id, key, yamlKey] of TOKEN_ENDPOINT_FIXTURES) {
    const c = state.clients[key];
    if (!c || c.client_secret === undefined || c.client_id === state.clients.primary.client_id) continue;
    const log: string[] = [];
    if (!(await acceptsClient(c, log))) {
      refused[id] = `the token endpoint does not accept the credentials of ${c.label} "${c.client_id}" (${log.join('; ')}): check ${yamlKey} in verify.yaml; not tested`;
    }
  }
  return refused;
}
