/**
 * One fingerprint run: verify's machinery (the validated `verify.yaml` configuration,
 * discovery per RFC 8414 and OpenID Connect Discovery, the test clients, the login
 * driver, one recording {@link Probe}) plus what the probes learn on the way (which
 * client authentication works, tokens obtained) and what they conclude.
 *
 * Every request goes through the one probe, so evidence can cite it as `#n`, the n-th
 * request of the fingerprint, and the run can stop at its request budget.
 */
import { resolveClients } from '../verify/clients.js';
import type { VerifyConfig } from '../verify/config.js';
import { createCheckContext, type CheckContext } from '../verify/context.js';
import { discover, type Discovery } from '../verify/discovery.js';
import { VerifyError } from '../errors/verify-error.js';
import { oidcDiscoveryUrl, rfc8414MetadataUrl } from '../verify/metadata.js';
import { asTokenResult, clientAuthentication, type ClientAuth, type TokenResult } from '../verify/flows/token.js';
import { encodeForm } from '../http/form.js';
import { Probe, type ProbeRequest, type ProbeResponse } from '../verify/probe.js';
import type { UserAgentDriver } from '../user-agent/login-strategy.js';
import { createDriver } from '../verify/create-driver.js';
import { Findings } from '../import/inference.js';

/** More requests than a fingerprint ever needs: a run that reaches it stops. */
export const REQUEST_BUDGET = 120;

export class BudgetExceeded extends Error {}

export interface Session {
  ctx: CheckContext;
  config: VerifyConfig;
  discovery: Discovery;
  findings: Findings;
  /** Metadata members the user gave (`endpoints`): they stand for, or replace, discovered ones. */
  given: string[];
  /** What earlier probes established for later ones. */
  facts: {
    /** A client authentication the token endpoint accepts. */
    auth?: 'basic' | 'post';
    /** Scopes the client may ask for, as configured (split on spaces and commas). */
    scopes: string[];
    /** The client-credentials grant works for this client. */
    clientCredentials?: boolean;
    /** The token endpoint wants client_id in the body beside a Basic header (`clientAuth.requireClientIdInBody`). */
    clientIdInBody?: boolean;
    /** When the first login's token response arrived (this machine's clock, ms). */
    loginReceivedAt?: number;
    /** Errors are sent with HTTP 200 (GitHub): statuses say nothing. */
    errorsWith200?: boolean;
    /** Token responses seen: for the scope style decided at the end. */
    scopeSeen: { seq: number; returned: boolean; differs: boolean | undefined }[];
    /** A grant was issued that certainly differs from its request (a narrowed scope), whether or not `scope` said so. */
    scopeDiffered?: boolean;
    /** The client-credentials request without scope was answered without `scope` (its `#n`). */
    noScopeAbsent?: number;
    /** Request errors are redirected before the login (authorize.errorsAfterLogin false). */
    errorsBeforeLogin?: boolean;
  };
  /** `#n` of a response. */
  ref(res: { seq: number }): string;
  /** Sends one request through the probe, within the budget. */
  send(req: ProbeRequest): Promise<ProbeResponse>;
  /** A token-endpoint POST with a given client authentication (RFC 6749 §2.3.1). */
  token(params: [string, string][], auth: ClientAuth, o?: { headers?: Record<string, string>; method?: 'GET' | 'POST'; url?: string; endpoint?: string }): Promise<TokenResult>;
  close(): Promise<void>;
}

/**
 * Discovery (RFC 8414, then OpenID Connect Discovery), with the endpoints the user gave
 * (`endpoints` in verify.yaml, `--token-endpoint`, …) over what it found, or in place of
 * metadata a server does not publish (GitHub). Neither: a one-line error saying what to give.
 */
async function discoverOrGiven(config: VerifyConfig, probe: Probe): Promise<{ discovery: Discovery; given: string[] }> {
  const given = Object.entries(config.endpoints ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
  try {
    const found = await discover(config.issuer, probe);
    return { discovery: { ...found, metadata: { ...found.metadata, ...Object.fromEntries(given) } }, given: given.map(([k]) => k) };
  } catch (e) {
    if (!(e instanceof VerifyError) || e.code !== 'DISCOVERY_FAILED') throw e;
    const docs = [rfc8414MetadataUrl(config.issuer), oidcDiscoveryUrl(config.issuer)].map((url) => probe.exchanges.find((x) => x.request.url === url));
    const statuses = docs.map((d) => (d ? `HTTP ${d.response.status}` : 'no answer'));
    // a server that does not answer at all is not one without metadata
    if (!docs.some((d) => d && d.response.status > 0)) throw e;
    if (!given.some(([k]) => k === 'token_endpoint' || k === 'authorization_endpoint')) {
      throw new VerifyError('DISCOVERY_FAILED', `${config.issuer} publishes no metadata (RFC 8414 and OpenID discovery answered ${statuses.join(' and ')}): give its endpoints with --authorization-endpoint URL and --token-endpoint URL (or endpoints: in --config)`);
    }
    const none = (url: string, i: number) => ({ url, status: docs[i]?.response.status ?? 0, contentType: undefined, json: undefined });
    const metadata = { issuer: config.issuer, ...Object.fromEntries(given) };
    return { discovery: { oauth: none(rfc8414MetadataUrl(config.issuer), 0), openid: none(oidcDiscoveryUrl(config.issuer), 1), metadata, source: 'oauth-authorization-server' }, given: given.map(([k]) => k) };
  }
}

/** Starts a session: discovery is its first two requests. */
export async function openSession(config: VerifyConfig, userAgent?: UserAgentDriver): Promise<Session> {
  const secrets = [config.client.client_secret, config.fixtures.user?.password].filter((s): s is string => !!s);
  const probe = new Probe({ timeoutMs: config.timeoutMs, secrets: () => secrets });
  const { discovery, given } = await discoverOrGiven(config, probe);
  // a server that signs in its own way brings its driver (a target's verifyUserAgent); else verify.yaml's login
  const ua = userAgent ?? createDriver(config, typeof discovery.metadata.authorization_endpoint === 'string' ? discovery.metadata.authorization_endpoint : undefined);
  const ctx = createCheckContext({ config, discovery, clients: resolveClients(config), ua }, probe);
  const send = (req: ProbeRequest) => {
    if (probe.exchanges.length >= REQUEST_BUDGET) throw new BudgetExceeded(`the fingerprint stopped at its budget of ${REQUEST_BUDGET} requests`);
    return probe.send(req);
  };
  const session: Session = {
    ctx,
    config,
    discovery,
    findings: new Findings(),
    given,
    facts: { scopes: (config.scopes.clientCredentials ?? config.scopes.default ?? '').split(/[ ,]+/).filter(Boolean), scopeSeen: [] },
    ref: (res) => `#${res.seq}`,
    send,
    async token(params, auth, o = {}) {
      const { headers, pairs } = clientAuthentication(ctx.clients.primary, auth);
      const url = o.url ?? ctx.endpoint('token_endpoint');
      const idBeside = auth === 'basic' && session.facts.clientIdInBody && !params.some(([k]) => k === 'client_id') ? [['client_id', ctx.clients.primary.client_id] as [string, string]] : [];
      const all = [...params, ...pairs, ...idBeside];
      if (o.method === 'GET') {
        const u = new URL(url);
        for (const [k, v] of all) u.searchParams.append(k, v);
        return asTokenResult(await send({ method: 'GET', url: u.href, endpoint: o.endpoint ?? 'token', headers: { ...headers, ...o.headers } }));
      }
      return asTokenResult(await send({ method: 'POST', url, endpoint: o.endpoint ?? 'token', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers, ...o.headers }, body: encodeForm(all) }));
    },
    close: async () => {
      await ua?.close();
    },
  };
  return session;
}
