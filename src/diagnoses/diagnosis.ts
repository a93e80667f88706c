/**
 * A diagnosis: a recognised cause of a failure (or a warning-level observation) with
 * the fix in plain words. Detectors read only the observed exchange and the client's
 * reaction, never the scenario's declared profile, so they work on live traffic too.
 */
import type { Exchange } from '../results/model.js';

/** What a detector sees: the raw (unredacted) exchanges and the client's reactions. */
export interface DiagnoseInput {
  /** Exchanges so far, oldest first (raw, inside the harness only: never stored unredacted). */
  exchanges: Exchange[];
  /** Reactions of the client, per step: its error code and message, and its warnings. */
  reactions: { step: string; ok: boolean; error?: { code: string; message: string } | undefined; warnings: { code: string; message: string }[] }[];
  /**
   * What was declared about the provider (a scenario's `provider.family`, a profile's, or
   * `serve`'s): the only provider knowledge a detector may use besides the traffic. Host
   * names are never read.
   */
  provider?: { family?: string | undefined } | undefined;
}

/** What a detector returns when it recognises its cause. */
export interface Finding {
  /** The cause, with the specific values seen (addresses, scopes, placements). */
  cause: string;
  /** Extra fix steps specific to what was seen (prepended to the generic fix). */
  fix?: string[];
  /** Exchange sequence numbers that show the evidence. */
  evidence?: number[];
}

export interface Diagnosis {
  /** Stable id, kebab-case, e.g. `credentials-wrong-placement`. */
  id: string;
  level: 'error' | 'warning';
  title: string;
  /** The specification the diagnosis rests on, e.g. `RFC 6749 §2.3.1`. */
  specRef?: string;
  /** The generic fix: the steps a user takes. */
  fix: string[];
  detect(input: DiagnoseInput): Finding | undefined;
}
