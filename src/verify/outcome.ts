/**
 * What a check can conclude, and the few ways a helper ends a check early: pass, skip,
 * not tested (inconclusive), fail. Kept apart from `check.ts` so that the check context
 * (`context.ts`) can end a check without importing the check type that names it.
 */

/** Endpoint metadata members a check can require. */
export type EndpointName =
  | 'authorization_endpoint'
  | 'token_endpoint'
  | 'revocation_endpoint'
  | 'introspection_endpoint'
  | 'registration_endpoint'
  | 'jwks_uri';

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
