/**
 * `oauth-harness verify --target container:glewlwyd`: starts the target, verifies it with
 * the options it knows about itself (issuer, client, fixtures it registered, how to sign
 * in), and stops it, whatever happens.
 */
import type { RunResult } from '../results/model.js';
import { runVerify, type VerifyOptions } from '../verify/run-verify.js';
import type { StartTargetOptions } from './started-target.js';
import { parseTarget, startTarget, type TargetSpec } from './target.js';

export interface VerifyOnTargetOptions {
  /** A parsed target or its text (`container:glewlwyd`, `container:oidc-provider`, `mock`, `http://…`). */
  target: TargetSpec | string;
  /** The verify plan (default `bcp`). */
  plan?: 'rfc6749' | 'bcp';
  /** Passed to {@link startTarget}: the profile to imitate, deliberate settings, a URL target's client. */
  start?: StartTargetOptions;
  /** Settings over the target's own (e.g. `timeoutMs`, `maxWaitSeconds` from `--timeout`, `--allow-wait`). */
  overrides?: Partial<Pick<VerifyOptions, 'timeoutMs' | 'maxWaitSeconds' | 'maxResponseBytes'>>;
  /** Passed to `runVerify` as they are. */
  only?: VerifyOptions['only'];
  expectedFailures?: VerifyOptions['expectedFailures'];
  onProgress?: VerifyOptions['onProgress'];
}

/** Starts the target, runs `runVerify` on it, stops it; cases name the target (`container:glewlwyd`). */
export async function verifyOnTarget(o: VerifyOnTargetOptions): Promise<RunResult> {
  const spec = typeof o.target === 'string' ? parseTarget(o.target) : o.target;
  const target = await startTarget(spec, o.start ?? {});
  try {
    const result = await runVerify({
      ...target.verifyConfig(),
      ...o.overrides,
      ...(target.verifyUserAgent ? { userAgent: target.verifyUserAgent() } : {}),
      plan: o.plan ?? 'bcp',
      ...(o.only ? { only: o.only } : {}),
      ...(o.expectedFailures ? { expectedFailures: o.expectedFailures } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    return { ...result, cases: result.cases.map((c) => ({ ...c, target: target.label })) };
  } finally {
    await target.stop();
  }
}
