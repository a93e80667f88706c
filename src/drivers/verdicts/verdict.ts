/**
 * What a client verdict is: one requirement on the client, one way to fail, judged only
 * from the recorded exchange. A verdict never decides severity: a scenario's `verdicts:`
 * (or the caller) does.
 */
import type { Placement } from '../../observe/wire.js';
import type { VerdictId, VerdictOutcome } from '../../scenario/verdict-ids.js';
import type { ClientTraffic } from './traffic.js';

export type { VerdictOutcome };

export interface ClientVerdict {
  id: VerdictId;
  /** The requirement, in words for the end user. */
  title: string;
  outcome: VerdictOutcome;
  /** What was seen, with the specific values (never a secret). */
  detail: string;
  /** Exchange sequence numbers that show it. */
  evidence: number[];
  specRef: string;
}

/** What the verdicts know besides the traffic: the registration, the provider, the steps. */
export interface VerdictContext {
  client: { client_id: string; redirect_uris: string[]; confidential: boolean };
  provider: {
    /** Placements the token endpoint accepts. */
    authMethods: Exclude<Placement, 'none' | 'multiple'>[];
    /** HTTP methods the token endpoint accepts. */
    tokenMethods: string[];
    revocation: boolean;
  };
  /** The scenario's steps, in order (absent for traffic recorded outside a scenario). */
  steps?: { name: string; action: string; tamper?: string | undefined }[];
}

export interface VerdictDefinition {
  id: VerdictId;
  title: string;
  specRef: string;
  judge(t: ClientTraffic, ctx: VerdictContext): { outcome: VerdictOutcome; detail: string; evidence?: number[] };
}

export const na = (detail: string) => ({ outcome: 'not-applicable' as const, detail });

/** Names of the steps with a given action. */
export function stepsOf(ctx: VerdictContext, action: string): string[] {
  return (ctx.steps ?? []).filter((s) => s.action === action).map((s) => s.name);
}
