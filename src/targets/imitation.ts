/**
 * How a real server is set up to imitate a built-in profile: the same client id, secret,
 * redirect URIs and scopes, the same users and passwords (both from the seed, exactly as
 * the mock makes them), the same lifetimes and the same refresh token rotation. What a
 * server cannot be told to do differently stays as the server does it: that is what the
 * parity report shows.
 */
import { defaultUsers, loadProfile, profileClients } from '../../mocks/profiles.js';
import { switchesSchema, type User } from '../../mocks/provider/switches.js';
import { HarnessError } from '../errors/harness-error.js';
import type { ServerSettingsOverride, TargetClient } from './started-target.js';

export interface Imitation {
  profile: string;
  client: TargetClient;
  users: User[];
  /** Every scope the server must know: the client's, plus `openid` and `offline_access`. */
  scopes: string[];
  /** Seconds; `null` (never) is not something a real server offers, see `seconds()`. */
  lifetimes: { accessToken: number; refreshToken: number; code: number; clientCredentials: number };
  rotateRefreshTokens: boolean;
}

const TEN_YEARS = 10 * 365 * 86_400;
const seconds = (v: number | null) => v ?? TEN_YEARS;

/** The settings a real server needs to behave like `profile`, with deliberate changes applied. */
export function imitationOf(profile: string, seed: number, override: ServerSettingsOverride = {}): Imitation {
  let p;
  try {
    p = loadProfile(profile);
  } catch (e) {
    throw new HarnessError('PROFILE_UNKNOWN', (e as Error).message);
  }
  const sw = switchesSchema.parse(p.switches);
  const registered = profileClients(p, seed)[0]!;
  const clientScopes = registered.scopes.length ? registered.scopes : ['read', 'write'];
  return {
    profile,
    client: {
      id: registered.client_id,
      secret: registered.client_secret ?? '',
      redirectUri: registered.redirect_uris[0]!,
      redirectUris: [...registered.redirect_uris],
      scopes: clientScopes,
    },
    users: p.users.length ? p.users : defaultUsers(seed),
    scopes: [...new Set([...clientScopes, 'openid', 'offline_access'])],
    lifetimes: {
      accessToken: override.accessTokenTtl ?? seconds(sw.lifetimes.accessToken),
      refreshToken: seconds(sw.lifetimes.refreshToken),
      code: sw.lifetimes.code,
      clientCredentials: seconds(sw.lifetimes.clientCredentialsToken),
    },
    rotateRefreshTokens: override.rotateRefreshTokens ?? sw.refresh.rotation === 'rotate',
  };
}

/** Picks the profile to imitate: the requested one if the server can, else the first it can. */
export function chooseProfile(server: string, imitable: readonly string[], requested: string | undefined): string {
  if (requested === undefined) return imitable[0]!;
  if (!imitable.includes(requested)) {
    throw new HarnessError('USAGE', `${server} cannot imitate profile "${requested}"; it can imitate: ${imitable.join(', ')}`);
  }
  return requested;
}
