/**
 * A fingerprint beside a profile's switches: for every switch the probes determined,
 * whether the profile has that value (or, for a value the probes can see only in part,
 * such as an address allow list, a value consistent with what they saw). Lists of names
 * compare as sets.
 */
import type { Switches } from '../../mocks/provider/switches.js';
import { sameValue, valueAt } from '../import/base-profile.js';
import type { Inference } from '../import/inference.js';

export interface SwitchComparison {
  matched: string[];
  mismatched: { path: string; fingerprint: unknown; profile: unknown; evidence: string }[];
}

/** Lists of names (methods, scopes, addresses) are sets: their order means nothing to the mock. */
function asSet(v: unknown): unknown {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : v;
}

export function compareWithSwitches(inferences: readonly Inference[], switches: Switches): SwitchComparison {
  const out: SwitchComparison = { matched: [], mismatched: [] };
  for (const i of inferences) {
    const actual = valueAt(switches, i.path);
    const path = i.path.join('.');
    if (sameValue(asSet(actual), asSet(i.value)) || i.consistent?.(actual) === true) out.matched.push(path);
    else out.mismatched.push({ path, fingerprint: i.value, profile: actual, evidence: i.evidence });
  }
  return out;
}
