/**
 * The check model, in the style of the OpenID Foundation conformance suite: one small
 * check per requirement row of `docs/requirements.md`, one way to fail (an error
 * carrying `expected` and `actual`), and no say over severity (the runner maps the level).
 */
import type { CheckContext } from './context.js';

/** Requirement level class of the row (see `docs/requirements.md`); derived `*` rows keep theirs. */
export type Level = 'MUST' | 'SHOULD' | 'MAY' | 'INFO';

/** What the harness needs to run the row (see the Mode table of `docs/requirements.md`; M = manual part). */
export type Mode = 'A' | 'UA' | 'CFG' | 'T' | 'H' | 'M';

/** A mode as in `docs/requirements.md`: one mode, or a combination such as `UA+CFG`. */
export type CheckMode = Mode | `${Mode}+${Mode}`;

/** Endpoint metadata members a check can require. */
export type EndpointName =
  | 'authorization_endpoint'
  | 'token_endpoint'
  | 'revocation_endpoint'
  | 'introspection_endpoint'
  | 'registration_endpoint'
  | 'jwks_uri';

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

/** What a check concluded. Failures are thrown as {@link CheckFailure}. */
export type CheckOutcome =
  | { verdict: 'passed'; message?: string }
  | { verdict: 'skipped'; message: string }
  | { verdict: 'inconclusive'; message: string };

/** The check passed; `note` records an observation (feature detected, tolerated variant). */
export function pass(note?: string): CheckOutcome {
  return note === undefined ? { verdict: 'passed' } : { verdict: 'passed', message: note };
}

/** The check could not run: its precondition is absent. */
export function skip(reason: string): CheckOutcome {
  return { verdict: 'skipped', message: reason };
}

/**
 * Not tested: the check ran, but the harness could not establish a precondition of what
 * it tests (reported as `inconclusive`, "not tested: reason"; it never blames the server).
 */
export function inconclusive(reason: string): CheckOutcome {
  return { verdict: 'inconclusive', message: reason };
}

/** The one way a check fails: a message naming the field, with expected and actual values. */
export class CheckFailure extends Error {
  readonly code = 'CHECK_FAILED';
  constructor(
    message: string,
    readonly expected: unknown,
    readonly actual: unknown,
  ) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/** Throw a {@link CheckFailure}. */
export function fail(message: string, expected: unknown, actual: unknown): never {
  throw new CheckFailure(message, expected, actual);
}

/**
 * A step the check depends on did not work (no code could be obtained, login failed):
 * the requirement itself was not observed, so the check is reported `inconclusive`
 * ("not tested: …"), never `failed`. A check whose requirement IS that step catches it
 * and fails explicitly (see {@link isSetupFailure}).
 */
export class SetupFailure extends Error {
  readonly code = 'CHECK_SETUP_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'SetupFailure';
  }
}

/** Define a check (identity function that fixes the type). */
export function defineCheck(check: Check): Check {
  return check;
}

/** Thrown by helpers that discover mid-run that the check cannot apply. */
export class CheckSkipped extends Error {
  readonly code = 'CHECK_SKIPPED';
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CheckSkipped';
  }
}

/** Skip from inside a helper (throws {@link CheckSkipped}). */
export function skipNow(reason: string): never {
  throw new CheckSkipped(reason);
}

/** Report the check `inconclusive` from inside a helper (throws {@link SetupFailure}). */
export function cannotTest(reason: string): never {
  throw new SetupFailure(reason);
}

/** Is `e` a {@link SetupFailure} (a precondition the harness could not establish)? */
export function isSetupFailure(e: unknown): e is SetupFailure {
  return e instanceof SetupFailure;
}
