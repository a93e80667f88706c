/**
 * Matchers for `expect.extend`: what the client under test did, read off the exchange a
 * mock provider recorded. Unknown ids are errors (a typo must not pass silently).
 */
import { DIAGNOSES } from '../diagnoses/catalog.js';
import { VERDICTS, type ClientVerdict, type VerdictOutcome } from '../drivers/client-verdicts.js';
import { readTraffic } from '../drivers/verdicts/traffic.js';
import { VERDICT_OUTCOMES } from '../scenario/verdict-ids.js';
import type { DiagnosisResult } from '../results/model.js';
import type { OAuthMockProvider } from './mock-provider.js';

/** Where a client can put its credentials at the token endpoint (RFC 6749 §2.3.1). `none`: nowhere the provider reads. */
export type CredentialPlacement = 'basic' | 'body' | 'query' | 'none';

/** What the diagnosis and verdict matchers accept: a provider, a case or run result, or the list itself. */
export type Diagnosable = OAuthMockProvider | { diagnoses: DiagnosisResult[] } | { cases: { diagnoses: DiagnosisResult[] }[] } | DiagnosisResult[];
export type Judgeable = OAuthMockProvider | { clientVerdicts?: ClientVerdict[] } | ClientVerdict[];

interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

const PLACEMENTS: readonly string[] = ['basic', 'body', 'query', 'none'];

function isProvider(x: unknown): x is OAuthMockProvider {
  return typeof x === 'object' && x !== null && typeof (x as OAuthMockProvider).clientVerdicts === 'function' && typeof (x as OAuthMockProvider).diagnose === 'function';
}

function diagnosesOf(x: Diagnosable): DiagnosisResult[] {
  if (Array.isArray(x)) return x;
  if (isProvider(x)) return x.diagnose();
  if ('cases' in x) return x.cases.flatMap((c) => c.diagnoses);
  if ('diagnoses' in x && Array.isArray(x.diagnoses)) return x.diagnoses;
  throw new TypeError('toHaveDiagnosis: expected a mock provider, a case or run result, or a list of diagnoses');
}

function verdictsOf(x: Judgeable): ClientVerdict[] {
  if (Array.isArray(x)) return x;
  if (isProvider(x)) return x.clientVerdicts();
  if (typeof x === 'object' && x !== null && 'clientVerdicts' in x && Array.isArray(x.clientVerdicts)) return x.clientVerdicts;
  throw new TypeError('toHaveVerdict: expected a mock provider, a case result, or a list of client verdicts');
}

/** The provider received token requests (code, refresh, client credentials) and revocations with credentials only in `placement`. */
export function toHaveReceivedCredentialsIn(received: OAuthMockProvider, placement: CredentialPlacement): MatcherResult {
  if (!PLACEMENTS.includes(placement)) throw new TypeError(`toHaveReceivedCredentialsIn: unknown placement "${placement}"; one of ${PLACEMENTS.join(', ')}`);
  if (!isProvider(received)) throw new TypeError('toHaveReceivedCredentialsIn: expected a mock provider (createMockProvider())');
  const t = readTraffic(received.exchanges);
  const calls = [...t.tokenCalls, ...t.revocations].sort((a, b) => a.seq - b.seq);
  const seen = calls.map((c) => `#${c.seq} ${c.placement}`);
  const pass = calls.length > 0 && calls.every((c) => c.placement === placement);
  return {
    pass,
    actual: calls.map((c) => c.placement),
    expected: placement,
    message: () =>
      calls.length === 0
        ? `expected client credentials in ${placement}, but the provider received no token or revocation request`
        : pass
          ? `expected some request with credentials elsewhere than ${placement}, but every one had them in ${placement} (${seen.join(', ')})`
          : `expected client credentials in ${placement} on every token and revocation request, received: ${seen.join(', ')}`,
  };
}

/** The traffic shows the diagnosis `id` (e.g. `credentials-wrong-placement`). */
export function toHaveDiagnosis(received: Diagnosable, id: string): MatcherResult {
  const known = DIAGNOSES.map((d) => d.id);
  if (!known.includes(id)) throw new TypeError(`toHaveDiagnosis: unknown diagnosis "${id}"; known: ${known.join(', ')}`);
  const found = diagnosesOf(received);
  const hit = found.find((d) => d.id === id);
  return {
    pass: hit !== undefined,
    actual: found.map((d) => d.id),
    expected: id,
    message: () => (hit ? `expected no diagnosis "${id}", but it was raised: ${hit.cause}` : `expected diagnosis "${id}", raised: ${found.map((d) => d.id).join(', ') || 'none'}`),
  };
}

/** The client verdict `id` has the outcome `outcome` (`pass`, `warning`, `fail` or `not-applicable`). */
export function toHaveVerdict(received: Judgeable, id: string, outcome: VerdictOutcome = 'pass'): MatcherResult {
  const known: string[] = VERDICTS.map((v) => v.id);
  if (!known.includes(id)) throw new TypeError(`toHaveVerdict: unknown verdict "${id}"; known: ${known.join(', ')}`);
  if (!(VERDICT_OUTCOMES as readonly string[]).includes(outcome)) throw new TypeError(`toHaveVerdict: unknown outcome "${outcome}"; one of ${VERDICT_OUTCOMES.join(', ')}`);
  const v = verdictsOf(received).find((x) => x.id === id);
  const pass = v?.outcome === outcome;
  return {
    pass,
    actual: v?.outcome,
    expected: outcome,
    message: () => (v ? `expected verdict ${id} ${pass ? 'not ' : ''}to be ${outcome}, it is ${v.outcome}: ${v.detail}` : `no verdict ${id} was judged`),
  };
}

/** Every matcher, for `expect.extend(oauthMatchers)`. */
export const oauthMatchers = { toHaveReceivedCredentialsIn, toHaveDiagnosis, toHaveVerdict };
