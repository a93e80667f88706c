/**
 * `oauth-harness fingerprint`: probe a live authorization server with a bounded, listed
 * set of requests (see {@link PROBES}) and conclude which mock switches describe it, each
 * with its evidence, and which could not be determined. Nothing is destructive: the
 * probes spend made-up codes and tokens, and the harness's own test grants.
 */
import { metadata as mockMetadata } from '../../mocks/provider/endpoints/discovery.js';
import { createProvider } from '../../mocks/provider/provider.js';
import { parseSwitches } from '../../mocks/provider/switches.js';
import type { Inference, Unknown } from '../import/inference.js';
import { CheckSkipped, SetupFailure } from '../verify/check.js';
import { VerifyError } from '../errors/verify-error.js';
import { ProbeNetworkError } from '../verify/probe.js';
import { resolveVerifyConfig } from '../verify/run-verify.js';
import type { VerifyConfigInput } from '../verify/config.js';
import type { UserAgentDriver } from '../user-agent/login-strategy.js';
import type { FingerprintProbe } from './probe.js';
import { authorizationProbe } from './probes/authorization.js';
import { clientAuthProbe } from './probes/client-auth.js';
import { clientCredentialsProbe } from './probes/client-credentials.js';
import { discoveryProbe } from './probes/discovery.js';
import { loginProbe } from './probes/login.js';
import { networkProbe } from './probes/network.js';
import { revocationProbe } from './probes/revocation.js';
import { BudgetExceeded, openSession, REQUEST_BUDGET, type Session } from './session.js';
import { decideScopeStyle } from './token-shape.js';

/** Every probe, in the order they run (later ones use what earlier ones found). */
export const PROBES: FingerprintProbe[] = [discoveryProbe, clientAuthProbe, networkProbe, clientCredentialsProbe, revocationProbe, authorizationProbe, loginProbe];

/** Switches no probe can see from outside, and why: written into the profile as undetermined. */
export const NOT_PROBED: Record<string, string> = {
  'redirectUri.optionalWhenSingle': 'needs a client with exactly one registered redirect URI',
  'refresh.rotatePublicClients': 'needs a public client',
  'lifetimes.refreshToken': 'a refresh token\'s lifetime shows only when it ends',
  'lifetimes.code': 'a code\'s lifetime shows only when it ends (verify measures it with lifetimes.code in verify.yaml)',
  'lifetimes.interaction': 'the login page\'s lifetime shows only when it ends',
  'network.domainAllowList': 'needs redirect URIs on other domains registered for the client',
  'api.*': 'the provider\'s API is not the authorization server; the mock\'s resource API stands in for it',
};

/** Metadata members the mock writes itself from its switches; a different value observed goes to `discovery.extra`. */
const EXTRA_KEYS = ['grant_types_supported', 'response_types_supported', 'response_modes_supported', 'subject_types_supported', 'id_token_signing_alg_values_supported', 'claims_supported'];

export interface Fingerprint {
  issuer: string;
  /** Requests sent. */
  requests: number;
  inferences: Inference[];
  unknowns: Unknown[];
  /** Each probe that ran, with the requests it sent. */
  probes: { id: string; requests: number; error?: string }[];
  /** Scopes the probes asked for and were granted (for the profile's client registration). */
  scopes: string[];
  clientId: string;
  redirectUri: string | undefined;
}

function nested(inferences: Inference[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const i of inferences) {
    let node = out;
    for (const p of i.path.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[i.path[i.path.length - 1]!] = i.value;
  }
  return out;
}

/** What the probes leave to be concluded from several of them together. */
function decide(s: Session): void {
  const f = s.findings;
  decideScopeStyle(s);
  const style = f.inferences.find((i) => i.path.join('.') === 'tokenResponse.scope');
  // only a firmly determined if-different says that a missing scope means "as requested"
  if (s.facts.noScopeAbsent !== undefined && style?.value === 'if-different' && !style.alternative) {
    f.set(['scopes', 'defaultScopes'], [], `a request without scope was answered without scope (#${s.facts.noScopeAbsent}), and scope comes back whenever the grant differs`);
  }
  // metadata members beyond what the mock would write for these switches
  let switches;
  try {
    switches = parseSwitches(nested(f.inferences.filter((i) => i.path[0] !== 'discovery' || i.path[1] !== 'extra')));
  } catch {
    return;
  }
  const mock = createProvider({ profile: 'fingerprint', issuer: s.config.issuer, switches, clients: [], users: [] });
  const mine = mockMetadata(mock.context);
  const extra: Record<string, unknown> = {};
  for (const k of EXTRA_KEYS) {
    const seen = s.discovery.metadata[k];
    if (seen !== undefined && JSON.stringify(seen) !== JSON.stringify(mine[k])) extra[k] = seen;
  }
  f.set(['discovery', 'extra'], extra, Object.keys(extra).length ? `metadata members the mock would otherwise write differently: ${Object.keys(extra).join(', ')}` : `the metadata's ${EXTRA_KEYS.filter((k) => s.discovery.metadata[k] !== undefined).join(', ') || 'members'} are what the mock writes for these switches`);
}

export interface FingerprintOptions extends VerifyConfigInput {
  onProbe?: (probe: FingerprintProbe, requests: number) => void;
  /** A login driver for a server that signs in its own way (a target's `verifyUserAgent()`); else verify.yaml's `login`. */
  userAgent?: UserAgentDriver;
}

/** Runs every probe against the configured server. Throws VerifyError for bad configuration or failed discovery. */
export async function runFingerprint(o: FingerprintOptions): Promise<Fingerprint> {
  const { onProbe, userAgent, ...input } = o;
  const config = resolveVerifyConfig(input);
  const s = await openSession(config, userAgent);
  const probes: Fingerprint['probes'] = [];
  try {
    for (const p of PROBES) {
      const before = s.ctx.http.exchanges.length;
      let error: string | undefined;
      try {
        await p.run(s);
      } catch (e) {
        // a probe that cannot go on (no answer, a login that fails, the budget) leaves its switches undetermined
        if (!(e instanceof BudgetExceeded || e instanceof ProbeNetworkError || e instanceof SetupFailure || e instanceof CheckSkipped || e instanceof VerifyError)) throw e;
        error = (e as Error).message;
        for (const t of p.infers) if (!s.findings.has(t.split('.'))) s.findings.unknown(t, `the ${p.id} probe stopped: ${error}`);
      }
      const sent = s.ctx.http.exchanges.length - before + (p.id === 'discovery' ? 2 : 0);
      probes.push({ id: p.id, requests: sent, ...(error ? { error } : {}) });
      onProbe?.(p, sent);
      if (s.ctx.http.exchanges.length >= REQUEST_BUDGET) break;
    }
    decide(s);
  } finally {
    await s.close();
  }
  for (const [topic, why] of Object.entries(NOT_PROBED)) s.findings.unknown(topic, why);
  const determined = new Set(s.findings.inferences.map((i) => i.path.join('.')));
  return {
    issuer: config.issuer,
    requests: s.ctx.http.exchanges.length,
    inferences: s.findings.inferences,
    unknowns: s.findings.unknowns.filter((u) => !determined.has(u.topic)),
    probes,
    scopes: [...new Set([...s.facts.scopes, ...((s.findings.get(['scopes', 'defaultScopes']) as string[] | undefined) ?? []), ...(s.findings.get(['refresh', 'offlineScope']) ? [s.findings.get(['refresh', 'offlineScope']) as string] : [])])],
    clientId: config.client.client_id,
    redirectUri: config.client.redirect_uri,
  };
}
