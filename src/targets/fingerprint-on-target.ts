/**
 * `oauth-harness fingerprint --target container:oidc-provider`: starts the target, probes
 * it with the options it knows about itself (issuer, client, test user, how to sign in),
 * and stops it, whatever happens. The fingerprint is what the probes saw; what the server
 * was set up to imitate is the target's.
 */
import { runFingerprint, type Fingerprint, type FingerprintOptions } from '../fingerprint/run-fingerprint.js';
import type { StartTargetOptions } from './started-target.js';
import { parseTarget, startTarget, type TargetSpec } from './target.js';

export interface FingerprintOnTargetOptions {
  /** A parsed target or its text (`container:glewlwyd`, `container:oidc-provider`). */
  target: TargetSpec | string;
  /** Passed to {@link startTarget}: the profile to imitate, deliberate settings. */
  start?: StartTargetOptions;
  onProbe?: FingerprintOptions['onProbe'];
  /** Called with the started target's issuer before the probes run (for messages, and for tests that look at it while it runs). */
  onStarted?: (issuer: string) => void | Promise<void>;
}

export interface TargetFingerprint {
  fingerprint: Fingerprint;
  label: string;
  /** The built-in profile the server was set up to imitate. */
  profile: string;
  /** Values never to write into a profile (the target's client secret, its user's password). */
  secrets: string[];
  /** The scopes the probes asked for (to probe a copy of the server the same way). */
  scopes: { default?: string; clientCredentials?: string };
}

export async function fingerprintOnTarget(o: FingerprintOnTargetOptions): Promise<TargetFingerprint> {
  const spec = typeof o.target === 'string' ? parseTarget(o.target) : o.target;
  const target = await startTarget(spec, o.start ?? {});
  try {
    const config = target.verifyConfig();
    await o.onStarted?.(target.issuer);
    const fingerprint = await runFingerprint({ ...config, ...(target.verifyUserAgent ? { userAgent: target.verifyUserAgent() } : {}), ...(o.onProbe ? { onProbe: o.onProbe } : {}) });
    const secrets = [config.client.client_secret, config.fixtures?.user?.password].filter((s): s is string => !!s);
    const { default: scope, clientCredentials } = config.scopes ?? {};
    return { fingerprint, label: target.label, profile: target.profileLike[0] ?? 'rfc-strict', secrets, scopes: { ...(scope ? { default: scope } : {}), ...(clientCredentials ? { clientCredentials } : {}) } };
  } finally {
    await target.stop();
  }
}
