/**
 * The check model, in the style of the OpenID Foundation conformance suite: one small
 * check per requirement row of `docs/requirements.md`, one way to fail (an error
 * carrying `expected` and `actual`), and no say over severity (the runner maps the level).
 */
import type { CheckContext } from './context.js';
import type { CheckOutcome, EndpointName } from './outcome.js';

export { CheckFailure, CheckSkipped, cannotTest, fail, inconclusive, isSetupFailure, pass, SetupFailure, skip, skipNow, type CheckOutcome, type EndpointName } from './outcome.js';

/** Requirement level class of the row (see `docs/requirements.md`); derived `*` rows keep theirs. */
export type Level = 'MUST' | 'SHOULD' | 'MAY' | 'INFO';

/** What the harness needs to run the row (see the Mode table of `docs/requirements.md`; M = manual part). */
export type Mode = 'A' | 'UA' | 'CFG' | 'T' | 'H' | 'M';

/** A mode as in `docs/requirements.md`: one mode, or a combination such as `UA+CFG`. */
export type CheckMode = Mode | `${Mode}+${Mode}`;

/**
 * Fixture ids of `docs/requirements.md`: F2 second client, F3 public client, F4 client
 * with special characters, F5 two redirect URIs, F6 native loopback client, F7 PKCE-optional
 * client, F8 client without `client_credentials`, F9 user + login driver, F10 resource
 * server, F11 dynamic client registration.
 */
export type FixtureId = 'F2' | 'F3' | 'F4' | 'F5' | 'F6' | 'F7' | 'F8' | 'F9' | 'F10' | 'F11';

/** A precondition, checked by the runner before `run`; an unmet one skips the check. */
export type Requirement =
  | `endpoint:${EndpointName}`
  | `fixture:${FixtureId}`
  /** The user-agent driver is configured (implies F9) and the primary client has a redirect URI. */
  | 'user-agent'
  /** The primary client has a redirect URI (authorization requests without login). */
  | 'redirect-uri'
  /** A short lifetime is configured for this artifact. */
  | 'lifetime:code'
  | 'lifetime:accessToken'
  /** The primary client (F1) may use `client_credentials`. */
  | 'grant:client_credentials'
  /** The server publishes `/.well-known/openid-configuration`. */
  | 'openid';

/** One conformance check: a requirement row turned into black-box requests. */
export interface Check {
  /** Exact row id, e.g. `AS-TR-NO-STORE`. */
  id: string;
  /** Spec reference, e.g. `RFC 6749 §5.1`. */
  specRef: string;
  level: Level;
  /** True for `*` rows (obligation derived from an error-code definition, ABNF, default, …). */
  derived?: boolean;
  mode: CheckMode;
  /** One sentence for the end user: what the server must do. */
  title: string;
  requires: readonly Requirement[];
  /** Perform the requests; return {@link pass}/{@link skip}/{@link inconclusive}, or throw via {@link fail}. */
  run(ctx: CheckContext): Promise<CheckOutcome>;
}

/** Define a check (identity function that fixes the type). */
export function defineCheck(check: Check): Check {
  return check;
}
