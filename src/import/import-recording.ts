/**
 * `oauth-harness import`: from a recorded exchange (HAR 1.2, or a results.json) to a
 * scenario that reproduces it. Read and recognise the traffic, plan the steps, infer
 * the provider's switches and the client's settings, write the scenario with the
 * evidence as comments, and run it once against the mock to say whether the recorded
 * outcome is reproduced.
 */
import { basename } from 'node:path';
import { diagnose } from '../diagnoses/diagnose.js';
import { HarnessError } from '../errors/harness-error.js';
import type { Exchange } from '../results/model.js';
import { chooseBaseProfile, sameValue, valueAt } from './base-profile.js';
import { toYaml } from './emit-yaml.js';
import { planSteps, type AuthorizationAttempt, type PlannedStep } from './flow.js';
import { Findings, type Inference, type Unknown } from './inference.js';
import { inferApi } from './infer-api.js';
import { inferClient } from './infer-client.js';
import { inferClientAuth } from './infer-client-auth.js';
import { ALLOWED_RANGE, inferEndpoints, REFUSED_ADDRESS } from './infer-endpoints.js';
import { inferErrors } from './infer-errors.js';
import { inferExpiry } from './infer-expiry.js';
import { inferRefresh } from './infer-refresh.js';
import { inferScopes } from './infer-scopes.js';
import { inferTokenResponse } from './infer-token-response.js';
import { readRecording } from './read-recording.js';
import { recognise } from './recognise.js';
import { demote, isOutcome, tryScenario } from './reproduce.js';
import { RecordingSecrets } from './secrets.js';
import { draftSteps, line, type DraftStep } from './steps.js';

export interface ImportOptions {
  file: string;
  /** How the file is named in messages and in the scenario (default: `file`). */
  display?: string;
  /** For results.json: the case to import. */
  caseId?: string;
  /** The scenario id (its file name without .yaml); default: from the recording's name. */
  id?: string;
  /** `$schema` link for editors, relative to where the scenario is written. */
  schemaLink?: string;
  /** Run the generated scenario once to check the reproduction (default true). */
  check?: boolean;
  seed?: number;
  maxBytes?: number;
}

export interface ImportResult {
  yaml: string;
  id: string;
  format: 'har' | 'results';
  /** Exchanges in the recording, and how many of them are OAuth traffic. */
  exchanges: number;
  oauthExchanges: number;
  baseProfile: string;
  /** One line: how the recorded flow ended. */
  outcome: string;
  /** Diagnoses of the recording. */
  diagnoses: string[];
  inferences: Inference[];
  unknowns: Unknown[];
  /** Whether the mock run reproduced every step's recorded outcome (undefined when not checked). */
  reproduced: boolean | undefined;
  /** What the mock did differently (outcome differences first). */
  differences: string[];
}

const SWITCH_ROOTS = new Set(['clientAuth', 'authorize', 'tokenEndpoint', 'redirectUri', 'scopes', 'refresh', 'lifetimes', 'tokenResponse', 'errors', 'revocation', 'introspection', 'pkce', 'network', 'discovery', 'paths', 'api']);

function setIn(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let node = obj;
  for (const p of path.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

function hasOAuthTraffic(oauth: Exchange[], role: Map<number, string>): boolean {
  return oauth.some((e) => ['authorize', 'token', 'revocation', 'introspection', 'callback'].includes(role.get(e.seq) ?? ''));
}

/** How the recorded flow ended, in one line. */
function outcomeLine(steps: PlannedStep[], drafts: DraftStep[]): string {
  for (const [i, d] of drafts.entries()) {
    const expect = d.step.expect as Record<string, unknown> | undefined;
    if (expect?.error) {
      const action = Object.keys(d.step).find((k) => k !== 'expect' && k !== 'name') ?? 'step';
      const last = steps.find((s) => s.exchanges.some((e) => d.seqs.includes(e.seq)))?.exchanges.filter((e) => e.endpoint !== 'decision').pop();
      return `step ${i + 1} (${action}) fails with ${String(expect.error)}${last ? ` at ${line(last)}` : ''}`;
    }
  }
  return drafts.length === 1 ? 'the single step succeeds' : `all ${drafts.length} steps succeed`;
}

/** Imports a recording; throws {@link HarnessError} (exit 2) for bad input. */
export async function importRecording(o: ImportOptions): Promise<ImportResult> {
  const display = o.display ?? o.file;
  const rec = readRecording(o.file, display, { ...(o.caseId ? { caseId: o.caseId } : {}), ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}) });
  const r = recognise(rec.exchanges);
  if (!hasOAuthTraffic(r.oauth, r.role)) {
    throw new HarnessError('INPUT_INVALID', `${display}: no OAuth traffic among ${rec.exchanges.length} request${rec.exchanges.length === 1 ? '' : 's'} (no authorization request, token request, revocation or introspection)`);
  }
  const secrets = new RecordingSecrets(rec.exchanges);
  const plan = planSteps(r);
  if (!plan.steps.length) throw new HarnessError('INPUT_INVALID', `${display}: the OAuth traffic holds no step a scenario can replay`);
  const attempts = plan.steps.map((s) => s.authorization).filter((a): a is AuthorizationAttempt => !!a);

  const f = new Findings();
  inferClientAuth(r.oauth, r.metadata, f);
  inferExpiry(r.oauth, f);
  inferTokenResponse(r.oauth, f);
  inferErrors(r.oauth, f);
  const scopes = inferScopes(r.oauth, f);
  const refresh = inferRefresh(r.oauth, f);
  const network = inferEndpoints(r, attempts, f);
  const client = inferClient(r.oauth, attempts, f);
  inferApi(r.oauth.filter((e) => e.endpoint === 'api'), f);
  const diagnoses = diagnose({ exchanges: r.oauth, reactions: [] });

  const switchInferences = f.inferences.filter((i) => SWITCH_ROOTS.has(i.path[0]!));
  const base = chooseBaseProfile(r.oauth, switchInferences);
  const notes = new Map<string, string[]>();
  const switches: Record<string, unknown> = {};
  for (const i of switchInferences) {
    const baseValue = valueAt(base.switches, i.path);
    const keep = i.consistent?.(baseValue) === true && !sameValue(baseValue, i.value);
    const value = keep ? baseValue : i.value;
    setIn(switches, i.path, value);
    notes.set(['provider', 'switches', ...i.path].join('.'), [
      ...(i.evidence ? [i.evidence] : []),
      ...(keep ? [`uncertain: ${i.alternative ?? ''}; ${base.profile}'s ${JSON.stringify(baseValue)} is as consistent with the recording and kept`] : i.alternative ? [`uncertain: ${i.alternative}`] : []),
    ]);
  }
  // restrictions of the base profile that the recording does not show would refuse the replay
  for (const key of ['ipAllowList', 'domainAllowList'] as const) {
    if (base.switches.network[key].length && !f.has(['network', key])) {
      setIn(switches, ['network', key], []);
      notes.set(`provider.switches.network.${key}`, [`${base.profile} restricts ${key === 'ipAllowList' ? 'addresses' : 'redirect domains'}; the recording shows no such restriction`]);
    }
  }

  const clientSection: Record<string, unknown> = {};
  for (const i of f.inferences.filter((x) => x.path[0] === 'client')) {
    clientSection[i.path[1]!] = i.value;
    notes.set(i.path.join('.'), [i.evidence, ...(i.alternative ? [`uncertain: ${i.alternative}`] : [])]);
  }
  const faults = [...new Set([...client.faults, ...refresh.faults])];
  if (faults.length) {
    clientSection.faults = faults;
    notes.set('client.faults', ['mistakes of the recorded client that the reference client repeats to replay the recording']);
  }
  if (network.refuseClientAddress) {
    clientSection.sourceAddress = REFUSED_ADDRESS;
    notes.set('client.sourceAddress', [`outside the allowed ${ALLOWED_RANGE}: the provider refused the client's server address`]);
  }

  const baseClient = (await import('../../mocks/profiles.js')).loadProfile(base.profile).clients[0];
  const registration: Record<string, unknown> = {};
  if (client.acceptedRedirectUri && !(baseClient?.redirect_uris ?? []).includes(client.acceptedRedirectUri)) registration.redirect_uris = [...new Set([...(baseClient?.redirect_uris ?? ['https://client.example.test/callback']), client.acceptedRedirectUri])];
  const alwaysAdded = (f.get(['scopes', 'alwaysAdd']) as string[] | undefined) ?? [];
  const defaults = (f.get(['scopes', 'defaultScopes']) as string[] | undefined) ?? [];
  const allowed = [...new Set([...scopes.registered, ...alwaysAdded, ...defaults])];
  // the profile's registration is kept when it already allows exactly what the recording needs
  const baseScopes = baseClient?.scopes ?? [];
  const refusedInBase = scopes.refused.some((s) => baseScopes.length === 0 || baseScopes.includes(s));
  if (allowed.length && (refusedInBase || (baseScopes.length > 0 && !allowed.every((s) => baseScopes.includes(s))))) registration.scopes = allowed;
  if (Object.keys(registration).length) notes.set('provider.clients', ['the app as the provider has it registered: the redirect URI and scopes the recording shows it accepting']);

  const drafts = draftSteps(plan.steps, { ...(attempts[0] ? { firstParams: attempts[0].params } : {}), scopes, client, refresh, network, diagnoses });
  const id = o.id ?? (basename(display).replace(/\.(har|json)$/i, '').replace(/[^a-z0-9-]+/gi, '-').replace(/^-|-$/g, '').toLowerCase() || 'imported');
  const outcome = outcomeLine(plan.steps, drafts);
  const source = rec.format === 'har' ? 'HAR' : `results.json case ${rec.caseId}`;
  const header = [
    ...(o.schemaLink ? [`yaml-language-server: $schema=${o.schemaLink}`] : []),
    `Generated by \`oauth-harness import ${basename(display)}\` from a ${source} of ${rec.exchanges.length} request${rec.exchanges.length === 1 ? '' : 's'}, ${r.oauth.length} of them OAuth traffic.`,
    `Recorded outcome: ${outcome}.`,
    ...(diagnoses.length ? [`Diagnoses of the recording: ${diagnoses.map((d) => d.id).join(', ')}.`] : []),
    `Base profile ${base.profile}: ${base.why}. Every switch below comes from the recording (evidence with exchange numbers #n); the profile supplies the rest.`,
    ...(plan.unplayed.length ? [`Not replayed (no scenario step for them): ${plan.unplayed.slice(0, 5).map(line).join('; ')}${plan.unplayed.length > 5 ? `; … ${plan.unplayed.length - 5} more` : ''}.`] : []),
    ...f.unknowns.map((u) => `Not in the recording (${u.topic}): ${u.note}.`),
  ];
  const stepsData = drafts.map((d) => d.step);
  const build = (differences: Map<number, string[]>) => {
    const allNotes = new Map(notes);
    drafts.forEach((d, i) => allNotes.set(`steps.${i}`, [...d.comments, ...(differences.get(i) ?? [])]));
    const data: Record<string, unknown> = {
      title: `Imported from ${basename(display)}: ${outcome.replace(/ at .*$/, '')}`,
      description: `Reproduces the exchange recorded in ${basename(display)} (${source}): the provider as the recording shows it, the client configured as the recorded one was. ${outcome[0]!.toUpperCase()}${outcome.slice(1)}.`,
      tags: ['imported', base.profile],
      provider: { profile: base.profile, ...(Object.keys(switches).length ? { switches } : {}), ...(Object.keys(registration).length ? { clients: [registration] } : {}) },
      ...(Object.keys(clientSection).length ? { client: clientSection } : {}),
      steps: stepsData,
    };
    const cleanNotes = new Map([...allNotes].map(([k, v]) => [k, v.map((t) => secrets.clean(t))]));
    const text = toYaml({ data: secrets.cleanValue(data), header: header.map((h) => secrets.clean(h)), notes: cleanNotes });
    const leaked = secrets.leaks(text);
    if (leaked.length) throw new Error(`import: a secret of the recording would reach the scenario (${leaked.length} value${leaked.length > 1 ? 's' : ''}); nothing was written`);
    return text;
  };

  const differences = new Map<number, string[]>();
  let yaml = build(differences);
  let reproduced: boolean | undefined;
  const report: string[] = [];
  const outcomeDiffs = new Map<number, string>();
  if (o.check !== false) {
    reproduced = true;
    for (let round = 0; round < 4; round++) {
      const trial = await tryScenario(yaml, id, o.seed ?? 1);
      if (!trial.failed.length) break;
      let changed = false;
      for (const x of trial.failed) {
        if (isOutcome(x)) {
          reproduced = false;
          const index = Number(/^steps\[(\d+)\]/.exec(x.path)?.[1] ?? -1);
          if (!outcomeDiffs.has(index)) outcomeDiffs.set(index, `${x.path}: ${x.message}`);
          continue;
        }
        // a step whose outcome already differs: its details differ as a consequence
        if (outcomeDiffs.has(Number(/^steps\[(\d+)\]/.exec(x.path)?.[1] ?? -1))) continue;
        const d = demote(stepsData, x);
        if (!d) continue;
        changed = true;
        differences.set(d.index, [...(differences.get(d.index) ?? []), d.note]);
        report.push(`steps[${d.index}]: ${d.note}`);
      }
      yaml = build(differences);
      if (!changed) break;
    }
  }
  const firstDiffs = [...outcomeDiffs].sort((a, b) => a[0] - b[0]);
  if (firstDiffs.length) report.unshift(firstDiffs[0]![1], ...(firstDiffs.length > 1 ? [`… and ${firstDiffs.length - 1} later step${firstDiffs.length > 2 ? 's' : ''} differ as a consequence`] : []));
  return {
    yaml,
    id,
    format: rec.format,
    exchanges: rec.exchanges.length,
    oauthExchanges: r.oauth.length,
    baseProfile: base.profile,
    outcome,
    diagnoses: diagnoses.map((d) => d.id),
    inferences: f.inferences,
    unknowns: f.unknowns,
    reproduced,
    differences: report.map((t) => secrets.clean(t)),
  };
}
