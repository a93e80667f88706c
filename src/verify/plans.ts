/**
 * Plans: ordered lists of checks, as conformance suites group their modules.
 * `rfc6749` covers RFC 6749/6750/7009/7636/7662/8414/7591 and OIDC Discovery;
 * `bcp` adds the rows imposed by RFC 9700 (security BCP), RFC 9207 (`iss`) and
 * RFC 8252 (native apps).
 */
import type { Check } from './check.js';
import { ALL_CHECKS } from './checks/index.js';

export type PlanName = 'rfc6749' | 'bcp';

/** Rows that only the `bcp` plan runs: their obligation comes from RFC 9700, 9207 or 8252. */
export const BCP_ONLY: ReadonlySet<string> = new Set([
  'AS-CA-ASYMMETRIC',
  'AS-TOK-CORS',
  'AS-TOK-ROPC-DISABLED',
  'AS-AZ-NO-ERROR-REDIRECT-BEFORE-AUTH',
  'AS-AZ-REDIR-HTTP',
  'AS-AZ-NO-307',
  'AS-AZ-NO-CORS',
  'AS-AZ-NO-THIRD-PARTY',
  'AS-AZ-FRAGMENT-GUARD',
  'AS-AZ-IMPLICIT-OFFERED',
  'AS-TR-SENDER-CONSTRAINED',
  'AS-RT-PUBLIC-PROTECTED',
  'AS-RT-ROTATION-OLD-DEAD',
  'AS-RT-REPLAY-REVOKES-FAMILY',
  'AS-PKCE-SUPPORT',
  'AS-PKCE-DOWNGRADE',
  'AS-PKCE-PUBLIC-REJECT',
  'AS-PKCE-DISCOVERABLE',
  'AS-PKCE-CONSTANT',
  'AS-ISS-SUCCESS',
  'AS-ISS-ERROR',
  'AS-ISS-FORMAT',
  'AS-ISS-METADATA',
  'AS-ISS-IDTOKEN-MATCH',
  'AS-NAT-LOOPBACK-PORT',
  'AS-NAT-LOOPBACK-ONLY-PORT',
  'RS-AUDIENCE',
]);

/** Checks of a plan, in execution order. */
export function planChecks(plan: PlanName): readonly Check[] {
  return plan === 'bcp' ? ALL_CHECKS : ALL_CHECKS.filter((c) => !BCP_ONLY.has(c.id));
}

/** Plan names. */
export const PLAN_NAMES: readonly PlanName[] = ['rfc6749', 'bcp'];
