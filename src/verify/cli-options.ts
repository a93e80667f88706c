/**
 * Merge `oauth-harness verify` flags over a loaded `verify.yaml` (flags win), producing
 * plain options for {@link runVerify}. Validation happens in `runVerify` (same schema).
 */
import { parseDuration as parseMs } from '../../mocks/provider/clock.js';
import { HarnessError } from '../errors/harness-error.js';
import type { VerifyConfigInput } from './config.js';

/** The flags of `oauth-harness verify` that carry configuration. */
export interface VerifyFlags {
  issuer?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  plan?: string;
  /** `--timeout`: longest wait for one response (`15s`, `500ms`, `1m`). */
  timeout?: string;
  /** `--allow-wait`: longest wait for time to pass (`30s`, `5m`). */
  allowWait?: string;
}

/**
 * `15s`, `500ms`, `2m`, `1h`, or a plain number of seconds → milliseconds. A malformed
 * value is a one-line usage error (exit 2) naming the flag.
 */
export function parseDuration(value: string, flag: string): number {
  let ms = NaN;
  try {
    ms = parseMs(value); // the one duration format of the harness (scenario files, serve, verify)
  } catch {
    /* reported below */
  }
  if (!Number.isFinite(ms) || ms <= 0 || ms > 24 * 3_600_000) {
    throw new HarnessError('USAGE', `${flag}: expected a duration such as 30s, 500ms or 5m (at most 24h), got "${value}"`);
  }
  return Math.round(ms);
}

/** The timing flags as configuration (`timeoutMs`, `maxWaitSeconds`); throws a usage error for a malformed value. */
export function timingFromFlags(flags: Pick<VerifyFlags, 'timeout' | 'allowWait'>): Pick<VerifyConfigInput, 'timeoutMs' | 'maxWaitSeconds'> {
  return {
    ...(flags.timeout !== undefined ? { timeoutMs: parseDuration(flags.timeout, '--timeout') } : {}),
    ...(flags.allowWait !== undefined ? { maxWaitSeconds: parseDuration(flags.allowWait, '--allow-wait') / 1000 } : {}),
  };
}

/** `config` (from `--config`, optional) with the flags applied on top. */
export function mergeVerifyFlags(config: Partial<VerifyConfigInput> | undefined, flags: VerifyFlags): VerifyConfigInput {
  const base = config ?? {};
  const client = { ...(base.client ?? {}) } as VerifyConfigInput['client'];
  if (flags.clientId !== undefined) client.client_id = flags.clientId;
  if (flags.clientSecret !== undefined) client.client_secret = flags.clientSecret;
  if (flags.redirectUri !== undefined) client.redirect_uri = flags.redirectUri;
  return {
    ...base,
    issuer: flags.issuer ?? base.issuer ?? '',
    client,
    ...(flags.plan !== undefined ? { plan: flags.plan as VerifyConfigInput['plan'] } : {}),
    ...timingFromFlags(flags),
  } as VerifyConfigInput;
}
