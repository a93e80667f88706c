/**
 * Loading scenario files: YAML → zod validation → provider check, with every problem
 * reported as `file:line:col: field: message` before anything runs.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { listProfiles, loadProfile } from '../../mocks/profiles.js';
import { deepMerge } from '../../mocks/provider/merge.js';
import { switchesSchema } from '../../mocks/provider/switches.js';
import { parseDuration } from '../../mocks/provider/clock.js';
import { HarnessError } from '../errors/harness-error.js';
import { scenarioSchema, type Scenario } from './schema.js';
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
  if (issue.code === 'unrecognized_keys') return { message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`, key: issue.keys[0] };
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
    const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
    problems.push(`${display}:${pos.line}:${pos.col}: YAML: ${e.message.split('\n')[0]}`);
  }
  if (problems.length) throw new HarnessError('SCENARIO_INVALID', `${display}: invalid YAML`, problems);
  const result = scenarioSchema.safeParse(doc.toJS());
  if (!result.success) {
    for (const issue of result.error.issues) {
      const { message, key } = issueMessage(issue);
      const pos = locate(doc, lc, issue.path, key);
      problems.push(`${display}:${pos.line}:${pos.col}: ${formatPath(issue.path)}: ${message}`);
    }
    throw new HarnessError('SCENARIO_INVALID', `${display}: ${problems.length} problem${problems.length > 1 ? 's' : ''}`, problems);
  }
  const scenario = result.data;
  const at = (path: (string | number)[], message: string, key?: string) => {
    const pos = locate(doc, lc, path, key);
    problems.push(`${display}:${pos.line}:${pos.col}: ${formatPath(path)}: ${message}`);
  };
  if (!listProfiles().includes(scenario.provider.profile)) {
    at(['provider', 'profile'], `unknown profile "${scenario.provider.profile}"; built-in profiles: ${listProfiles().join(', ')}`);
  } else {
    const profile = loadProfile(scenario.provider.profile);
    const merged = switchesSchema.safeParse(deepMerge(profile.switches, scenario.provider.switches));
    if (!merged.success) {
      for (const issue of merged.error.issues) {
        const { message, key } = issueMessage(issue);
        at(['provider', 'switches', ...(issue.path as (string | number)[])], message, key);
      }
    }
    const users = profile.users.length ? profile.users.map((u) => u.username) : ['alice', 'bob', 'carol'];
    scenario.steps.forEach((s, i) => {
      const user = s.connect?.user ?? s.revokeGrantAtProvider?.user ?? (s.callApi?.auth === 'basic' ? s.callApi.user : undefined);
      const action = s.connect ? 'connect' : s.revokeGrantAtProvider ? 'revokeGrantAtProvider' : 'callApi';
      if (user !== undefined && !users.includes(user)) at(['steps', i, action, 'user'], `unknown user "${user}"; the provider's users are ${users.join(', ')}`);
    });
  }
  scenario.steps.forEach((s, i) => {
    if (s.advanceClock !== undefined) {
      try {
        parseDuration(s.advanceClock);
      } catch (e) {
        at(['steps', i, 'advanceClock'], (e as Error).message);
      }
    }
  });
  if (problems.length) throw new HarnessError('SCENARIO_INVALID', `${display}: ${problems.length} problem${problems.length > 1 ? 's' : ''}`, problems);
  return { ...scenario, id: basename(file).replace(/\.ya?ml$/, ''), file: display };
}

/** Loads many files; collects the problems of all of them before failing. */
export function loadScenarios(files: string[], cwd = process.cwd()): Scenario[] {
  const problems: string[] = [];
  const out: Scenario[] = [];
  for (const f of files) {
    try {
      out.push(loadScenario(f, cwd));
    } catch (e) {
      if (e instanceof HarnessError) problems.push(...(e.problems.length ? e.problems : [e.message]));
      else throw e;
    }
  }
  if (problems.length) throw new HarnessError('SCENARIO_INVALID', `${problems.length} problem${problems.length > 1 ? 's' : ''} in scenario files`, problems);
  return out;
}
