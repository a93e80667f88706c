/**
 * Which built-in profile a generated scenario starts from. Every inferred switch is
 * written into the scenario anyway; the base profile supplies what the recording does
 * not show. A recording from a provider a profile imitates (by the host of its
 * endpoints) starts from that profile; any other from the profile whose switches agree
 * with most of the inferences, `rfc-strict` on a tie.
 */
import { listProfiles, loadProfile } from '../../mocks/profiles.js';
import { parseSwitches, type Switches } from '../../mocks/provider/switches.js';
import type { Exchange } from '../results/model.js';
import type { Inference } from './inference.js';

/** Hosts of the real providers the built-in profiles imitate (docs/provider-quirks.md). */
const HOSTS: [RegExp, string][] = [
  [/(^|\.)(google\.com|googleapis\.com)$/i, 'google-like'],
  [/(^|\.)github\.com$/i, 'github-like'],
  [/(^|\.)facebook\.com$/i, 'facebook-like'],
  [/(^|\.)docusign\.(com|net)$/i, 'docusign-like'],
  [/(^|\.)(salesforce\.com|force\.com)$/i, 'salesforce-like'],
];

/** A value at a path of an object, or `undefined`. */
export function valueAt(obj: unknown, path: readonly string[]): unknown {
  let v = obj;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Structural equality of plain data (switch values). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface BaseChoice {
  profile: string;
  switches: Switches;
  why: string;
}

/** The profile to start from, and why. */
export function chooseBaseProfile(oauth: Exchange[], inferences: Inference[]): BaseChoice {
  const hosts = new Set(oauth.filter((e) => e.to === 'authorization-server').map((e) => safeHost(e.request.url)).filter((h): h is string => !!h));
  for (const [re, name] of HOSTS) {
    const host = [...hosts].find((h) => re.test(h));
    if (host) return { profile: name, switches: parseSwitches(loadProfile(name).switches), why: `the provider is at ${host}, which ${name} imitates` };
  }
  const certain = inferences.filter((i) => !i.alternative);
  let best: BaseChoice & { score: number } = { profile: 'rfc-strict', switches: parseSwitches(loadProfile('rfc-strict').switches), why: '', score: -Infinity };
  const names = ['rfc-strict', ...listProfiles().filter((n) => n !== 'rfc-strict')];
  for (const name of names) {
    const sw = parseSwitches(loadProfile(name).switches);
    const score = certain.reduce((n, i) => n + (sameValue(valueAt(sw, i.path), i.value) ? 1 : -1), 0);
    if (score > best.score) best = { profile: name, switches: sw, why: `its switches agree with ${certain.filter((i) => sameValue(valueAt(sw, i.path), i.value)).length} of the ${certain.length} firm inferences, more than any other profile's`, score };
  }
  return { profile: best.profile, switches: best.switches, why: best.why };
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
