/**
 * Loading scenario files: YAML → zod validation → provider check, with every problem
 * reported as `file:line:col: field: message` before anything runs.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { DEFAULT_USERS, listProfiles, loadProfile } from '../../mocks/profiles.js';
import { deepMerge } from '../../mocks/provider/merge.js';
import { registeredClientSchema, switchesSchema } from '../../mocks/provider/switches.js';
import { HarnessError } from '../errors/harness-error.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { checkReferences } from './check-references.js';
import { unknownKeysMessage } from './names.js';
import { formatPath, locate } from './yaml-locate.js';

/** Collects `.yaml`/`.yml` files from files and folders (sorted, recursive). */
export function findScenarioFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new HarnessError('FILE_NOT_FOUND', `${p}: no such file or folder`);
    }
    if (st.isDirectory()) {
      const entries = readdirSync(p).sort();
      out.push(...findScenarioFiles(entries.filter((e) => /\.ya?ml$/.test(e) || statSync(join(p, e)).isDirectory()).map((e) => join(p, e))));
    } else out.push(p);
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue): { message: string; key?: string } {
  if (issue.code === 'unrecognized_keys') return { message: unknownKeysMessage(issue.path, issue.keys) ?? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`, key: issue.keys[0] };
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return { message: `required field is missing (${issue.expected})` };
  return { message: issue.message };
}

/** Parses and validates one scenario file. Throws a `HarnessError` listing every problem. */
export function loadScenario(file: string, cwd = process.cwd()): Scenario {
  const display = relative(cwd, resolve(file)) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new HarnessError('FILE_NOT_FOUND', `${display}: cannot read the file`);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const problems: string[] = [];
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
    problems.push(`${display}:${pos.line}:${pos.col}: YAML: ${e.message.split('\n')[0]}`);
  }
  if (problems.length) throw new HarnessError('SCENARIO_INVALID', `${display}: invalid YAML`, problems);
  const raw: unknown = doc.toJS();
  const found: { line: number; col: number; text: string }[] = [];
  const at = (path: readonly (string | number)[], message: string, key?: string) => {
    const pos = locate(doc, lc, path, key);
    found.push({ ...pos, text: `${display}:${pos.line}:${pos.col}: ${formatPath(path)}: ${message}` });
  };
  const result = scenarioSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const { message, key } = issueMessage(issue);
      at(issue.path as (string | number)[], message, key);
    }
  }
  // The checks against the provider run on the raw data too, so one pass reports every problem.
  checkAgainstProvider(raw, at);
  checkReferences(raw, at);
  problems.push(...found.sort((a, b) => a.line - b.line || a.col - b.col).map((f) => f.text));
  if (problems.length || !result.success) throw new HarnessError('SCENARIO_INVALID', `${display}: ${problems.length} problem${problems.length > 1 ? 's' : ''}`, problems);
  const scenario = result.data;
  return { ...scenario, id: basename(file).replace(/\.ya?ml$/, ''), file: display };
}

type At = (path: readonly (string | number)[], message: string, key?: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Problems zod cannot see: the profile, its switches, registered clients, users. */
function checkAgainstProvider(raw: unknown, at: At): void {
  if (!isObject(raw)) return;
  const provider = isObject(raw.provider) ? raw.provider : undefined;
  const steps = Array.isArray(raw.steps) ? raw.steps : [];
  const profileName = provider?.profile;
  if (Array.isArray(provider?.clients)) {
    provider.clients.forEach((c, i) => {
      const checked = registeredClientSchema.partial().strict().safeParse(c);
      if (checked.success) return;
      for (const issue of checked.error.issues) {
        const { message, key } = issueMessage(issue);
        at(['provider', 'clients', i, ...(issue.path as (string | number)[])], message, key);
      }
    });
  }
  if (typeof profileName === 'string' && !listProfiles().includes(profileName)) {
    at(['provider', 'profile'], `unknown profile "${profileName}"; built-in profiles: ${listProfiles().join(', ')}`);
  } else if (typeof profileName === 'string') {
    const profile = loadProfile(profileName);
    if (provider && (provider.switches === undefined || isObject(provider.switches))) {
      const merged = switchesSchema.safeParse(deepMerge(profile.switches, (provider.switches ?? {}) as Record<string, unknown>));
      if (!merged.success) {
        for (const issue of merged.error.issues) {
          const { message, key } = issueMessage(issue);
          at(['provider', 'switches', ...(issue.path as (string | number)[])], message, key);
        }
      }
    }
    const users = profile.users.length ? profile.users.map((u) => u.username) : [...DEFAULT_USERS];
    steps.forEach((s, i) => {
      if (!isObject(s)) return;
      for (const action of ['connect', 'revokeGrantAtProvider', 'callApi'] as const) {
        const a = s[action];
        if (!isObject(a) || (action === 'callApi' && a.auth !== 'basic')) continue;
        const user = a.user ?? 'alice';
        if (typeof user === 'string' && !users.includes(user)) at(['steps', i, action, 'user'], `unknown user "${user}"; the provider's users are ${users.join(', ')}`);
      }
    });
  }
}

/** Loads many files; collects the problems of all of them before failing. */
export function loadScenarios(files: string[], cwd = process.cwd()): Scenario[] {
  const problems: string[] = [];
  const out: Scenario[] = [];
  const byId = new Map<string, Scenario>();
  for (const f of files) {
    try {
      const s = loadScenario(f, cwd);
      // a scenario's id is its file name: results, --grep and expected-failures name it, so two files may not share one
      const first = byId.get(s.id);
      if (first && resolve(cwd, first.file) === resolve(cwd, s.file)) continue; // the same file named twice
      if (first) problems.push(`${s.file}:1:1: (top level): the id "${s.id}" is also the id of ${first.file} (a scenario's id is its file name; rename one of them)`);
      else byId.set(s.id, s);
      out.push(s);
    } catch (e) {
      if (e instanceof HarnessError) problems.push(...(e.problems.length ? e.problems : [e.message]));
      else throw e;
    }
  }
  if (problems.length) throw new HarnessError('SCENARIO_INVALID', `${problems.length} problem${problems.length > 1 ? 's' : ''} in scenario files`, problems);
  return out;
}
