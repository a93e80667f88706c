/**
 * Diagnoses for `serve`'s admin API (`GET /_admin/<issuer>/diagnoses`): the causes and
 * fixes the recorded exchange of an issuer shows so far, as `run` reports them, computed
 * on each request. The provider family comes from a loaded scenario's `provider.family`,
 * else from the profile; `?family=` overrides it. Secrets are redacted as in reports.
 */
import { loadProfile } from '../../mocks/profiles.js';
import type { MockProvider } from '../../mocks/provider/provider.js';
import { diagnose } from '../diagnoses/diagnose.js';
import { clientIdOf } from '../drivers/verdicts/traffic.js';
import { PROVIDER_FAMILY_IDS } from '../observe/offline-access.js';
import { toExchange } from '../observe/recorded-exchange.js';
import { providerSecrets, redactText } from '../redaction/redact.js';
import type { DiagnosisResult } from '../results/model.js';
import { unknownName } from '../scenario/names.js';

const declared = new WeakMap<MockProvider, string>();

/** Records the provider family a loaded scenario declares for this provider. */
export function declareFamily(provider: MockProvider, family: string | undefined): void {
  if (family) declared.set(provider, family);
}

/** The family declared for a provider: a loaded scenario's, else its profile's. */
export function familyOf(provider: MockProvider): string | undefined {
  const d = declared.get(provider);
  if (d) return d;
  try {
    return loadProfile(provider.profile).family;
  } catch {
    return undefined;
  }
}

/** Why a `?family=` value cannot be used, or undefined when it can. */
export function familyProblem(family: string): string | undefined {
  return (PROVIDER_FAMILY_IDS as readonly string[]).includes(family) ? undefined : unknownName('provider family', family, PROVIDER_FAMILY_IDS, 'provider families');
}

/**
 * The diagnoses of an issuer's recorded exchange (`stepOf` names the step of each
 * exchange); with `clientId`, of that client's requests only (and of those that name no
 * client: API calls, the consent form).
 */
export function liveDiagnoses(provider: MockProvider, stepOf: (seq: number) => string | undefined, o: { clientId?: string | undefined; family?: string | undefined } = {}): { family: string | null; diagnoses: DiagnosisResult[] } {
  const exchanges = provider.exchanges.map((e) => toExchange(e, stepOf(e.seq))).filter((e) => {
    if (!o.clientId) return true;
    const id = clientIdOf(e);
    return id === undefined || id === o.clientId;
  });
  const family = o.family ?? familyOf(provider);
  const found = diagnose({ exchanges, reactions: [], provider: { family } });
  const secrets = providerSecrets(provider, exchanges);
  const clean = (s: string) => redactText(s, secrets);
  return { family: family ?? null, diagnoses: found.map((d) => ({ ...d, cause: clean(d.cause), fix: d.fix.map(clean) })) };
}
