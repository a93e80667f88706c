/**
 * `run` and `parity` against a live server (`--target https://issuer`): the client and
 * users from `--config verify.yaml` (the file `verify` reads) and/or flags.
 */
import { listProfiles } from '../../mocks/profile-files.js';
import { HarnessError } from '../errors/harness-error.js';
import { loadVerifyConfig } from '../verify/config-loader.js';
import { VerifyError } from '../errors/verify-error.js';
import type { UrlTargetSettings } from './started-target.js';
import { urlTargetSettings } from './url-settings.js';

export interface LiveTargetOptions {
  target?: string | undefined;
  /** verify.yaml. */
  config?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  redirectUri?: string | undefined;
  user?: string[] | undefined;
  behavesLike?: string[] | undefined;
}

const isUrl = (t: string | undefined) => t !== undefined && /^https?:\/\//i.test(t.trim());

/**
 * The start options of a URL target; `undefined` for the mock and containers. Flags meant
 * for a live target given with another target are a usage error, not silently ignored.
 */
export async function liveTargetStart(o: LiveTargetOptions): Promise<{ url: UrlTargetSettings } | undefined> {
  const given: string[] = [...(['config', 'clientId', 'clientSecret', 'redirectUri'] as const).filter((k) => o[k] !== undefined), ...(['user', 'behavesLike'] as const).filter((k) => o[k]?.length)];
  if (!isUrl(o.target)) {
    if (given.length) throw new HarnessError('USAGE', `--${given[0]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} goes with --target <issuer URL> (a live server), not ${o.target ?? 'the mock'}`);
    return undefined;
  }
  let config;
  if (o.config) {
    try {
      config = await loadVerifyConfig(o.config);
    } catch (e) {
      if (e instanceof VerifyError) throw new HarnessError(e.code === 'FILE_NOT_FOUND' ? 'FILE_NOT_FOUND' : 'CONFIG_INVALID', e.message.split('\n')[0]!, e.issues);
      throw e;
    }
  }
  const issuer = o.target!.trim().replace(/\/+$/, '');
  const { config: _file, ...flags } = o;
  return { url: urlTargetSettings(issuer, { ...flags, ...(config ? { config } : {}) } as Parameters<typeof urlTargetSettings>[1], listProfiles()) };
}
