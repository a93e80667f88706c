/**
 * Merge `oauth-harness verify` flags over a loaded `verify.yaml` (flags win), producing
 * plain options for {@link runVerify}. Validation happens in `runVerify` (same schema).
 */
import type { VerifyConfigInput } from './config.js';

/** The flags of `oauth-harness verify` that carry configuration. */
export interface VerifyFlags {
  issuer?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  plan?: string;
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
  } as VerifyConfigInput;
}
