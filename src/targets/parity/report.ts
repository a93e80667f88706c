/** The parity report's data: what `parity.json` holds. */
import type { Verdict } from '../../results/model.js';
import type { ParityDifference } from './compare.js';

export interface ScenarioParity {
  id: string;
  title: string;
  profile: string;
  /** `same`: no difference; `different`: see `differences`; `skipped`: not run on the target (`reason`). */
  status: 'same' | 'different' | 'skipped';
  reason?: string;
  verdicts: { mock: Verdict | null; target: Verdict | null };
  differences: ParityDifference[];
}

export interface ParityReport {
  generatedAt: string;
  /** `container:oidc-provider`, … */
  target: string;
  seed: number;
  /** The fields compared (see `compare.ts`). */
  fields: string[];
  /** The server registers the profiles' client under an id of its own (`client-id.ts`): which, and why. */
  clientId?: string;
  /** Set when the run was stopped (Ctrl-C, SIGTERM): scenarios that did not run on both sides are skipped, saying so. */
  interrupted?: boolean;
  summary: { scenarios: number; compared: number; same: number; different: number; skipped: number; differences: number };
  scenarios: ScenarioParity[];
}
