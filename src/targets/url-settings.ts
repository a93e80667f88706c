/**
 * What a live target (`--target https://issuer`) needs that no server says: the client
 * registered there, the test users, and which built-in profiles it behaves like. They come
 * from the same `verify.yaml` that `verify` reads (`client`, `fixtures.user`,
 * `scopes.default`, `behavesLike`), from flags, or both (flags win).
 *
 * A live server is taken to behave like `rfc-strict` (the RFCs) unless told otherwise:
 * its scenarios that change no switch, move no clock and need no admin hook run there.
 */
import { HarnessError } from '../errors/harness-error.js';
import type { VerifyConfig } from '../verify/config.js';
import type { UrlTargetSettings } from './started-target.js';

export interface UrlTargetFlags {
  /** `verify.yaml`, already loaded. */
  config?: VerifyConfig;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  /** `name:password`, repeatable. */
  user?: string[];
  /** Built-in profiles the server behaves like. */
  behavesLike?: string[];
}

/** The settings, or a `USAGE` {@link HarnessError} naming what is missing and how to give it. */
export function urlTargetSettings(issuer: string, f: UrlTargetFlags, profiles: readonly string[]): UrlTargetSettings {
  const c = f.config;
  const id = f.clientId ?? c?.client.client_id;
  const secret = f.clientSecret ?? c?.client.client_secret;
  const redirectUri = f.redirectUri ?? c?.client.redirect_uri;
  const missing = [!id && '--client-id', !secret && '--client-secret', !redirectUri && '--redirect-uri'].filter(Boolean);
  if (missing.length) throw new HarnessError('USAGE', `--target ${issuer}: give the client registered there: ${missing.join(', ')} (or client.client_id, client_secret, redirect_uri in --config verify.yaml)`);
  const users = (f.user ?? []).map((u) => {
    const i = u.indexOf(':');
    if (i <= 0 || i === u.length - 1) throw new HarnessError('USAGE', `--user: expected name:password, got "${u.replace(/:.*/, ':…')}"`);
    return { username: u.slice(0, i), password: u.slice(i + 1) };
  });
  const fromConfig = c?.fixtures.user;
  if (!users.length && fromConfig) users.push({ username: fromConfig.username, password: fromConfig.password });
  if (!users.length) throw new HarnessError('USAGE', `--target ${issuer}: give a test user who can sign in there: --user name:password (or fixtures.user in --config verify.yaml)`);
  const behavesLike = f.behavesLike?.length ? f.behavesLike : (c?.behavesLike ?? ['rfc-strict']);
  const unknown = behavesLike.filter((p) => !profiles.includes(p));
  if (unknown.length) throw new HarnessError('PROFILE_UNKNOWN', `--behaves-like: unknown profile "${unknown.join(', ')}"; built-in profiles: ${profiles.join(', ')}`);
  const scopes = c?.scopes.default?.split(' ').filter(Boolean);
  return {
    client: { id: id!, secret: secret!, redirectUri: redirectUri!, ...(scopes?.length ? { scopes } : {}) },
    users,
    profileLike: behavesLike,
  };
}
