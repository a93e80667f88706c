/**
 * Loading scenario files: YAML → zod validation → provider check, with every problem
 * reported as `file:line:col: field: message` before anything runs.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, join, relative, resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { z } from 'zod';
import { DEFAULT_USERS, listProfiles, loadProfile } from '../../mocks/profiles.js';
import { deepMerge } from '../../mocks/provider/merge.js';
import { registeredClientSchema, switchesSchema } from '../../mocks/provider/switches.js';
import { HarnessError } from '../errors/harness-error.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { checkReferences } from './check-references.js';
import { compiledScenario } from './compiled-catalog.js';
import { unknownKeysMessage } from './names.js';
import { MAX_NESTING, yamlTooDeepAt } from './nesting.js';
import { formatPath, locate, yamlModule } from './yaml-locate.js';

/** The largest scenario file read (1 MiB; the biggest in the catalog is a few kilobytes). */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
/** How deep folders are searched, and how many files one run takes. */
const MAX_FOLDER_DEPTH = 32;
const MAX_FILES = 10_000;
/** Aliases a file may expand (yaml's own guard against alias bombs; scenarios use a few). */
const MAX_ALIASES = 100;

const YAML_NAME = /\.ya?ml$/;
/** What YAML 1.2 does not allow in a file (§5.1 c-printable): C0 and C1 controls but tab, LF, CR and NEL; surrogates; U+FFFE, U+FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_PRINTABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]/u;

/** How a path is shown in problems: relative to `cwd` when below it. */
const shown = (p: string, cwd: string) => relative(cwd, resolve(p)) || p;

/** What is not a regular file: for messages. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Why `p` cannot be followed (`stat` failed): a dangling symlink, a symlink loop, or a missing path. */
function unreachable(p: string, err: NodeJS.ErrnoException): string {
  let target: string | undefined;
  try {
    if (lstatSync(p).isSymbolicLink()) target = readlinkSync(p);
  } catch {
    /* not there at all */
  }
  if (err.code === 'ELOOP') return `symlink loop: ${target ? `"${target}" leads back to itself` : 'the path leads back to itself'}`;
  if (target !== undefined && err.code === 'ENOENT') return `dangling symlink: "${target}" does not exist`;
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return 'no such file or folder';
  return `cannot be read (${err.code ?? err.message})`;
}

/**
 * Collects `.yaml`/`.yml` files from files and folders (sorted, recursive; symlinks
 * followed, loops not). What cannot be used (a missing path, a dangling symlink, a
 * symlink loop, a FIFO named `*.yaml`, a folder with no scenario file) is a problem,
 * `path:1:1: file|folder: message`: pushed to `problems` when given (so the caller
 * reports it with every other file's), else thrown as a {@link HarnessError}.
 */
export function findScenarioFiles(paths: string[], problems?: string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  const found: string[] = [];
  const problem = (p: string, what: 'file' | 'folder', message: string) => found.push(`${shown(p, cwd)}:1:1: ${what}: ${message}`);
  const visit = (p: string, explicit: boolean, ancestors: readonly string[]): void => {
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      if (explicit || YAML_NAME.test(p)) problem(p, 'file', unreachable(p, e as NodeJS.ErrnoException));
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      let entries: string[];
      try {
        real = realpathSync(p);
        entries = readdirSync(p).sort();
      } catch (e) {
        problem(p, 'folder', unreachable(p, e as NodeJS.ErrnoException));
        return;
      }
      if (ancestors.includes(real)) return void problem(p, 'folder', `symlink loop: leads back to ${shown(real, cwd) || '.'}, a folder it is in`);
      if (ancestors.length >= MAX_FOLDER_DEPTH) return void problem(p, 'folder', `more than ${MAX_FOLDER_DEPTH} folders deep: not searched`);
      const before = out.length + found.length;
      for (const e of entries) if (out.length < MAX_FILES) visit(join(p, e), false, [...ancestors, real]);
      if (explicit && out.length + found.length === before) problem(p, 'folder', 'no scenario files (*.yaml, *.yml) in this folder');
    } else if (st.isFile()) {
      if (explicit || YAML_NAME.test(p)) out.push(p);
    } else if (explicit || YAML_NAME.test(p)) problem(p, 'file', `not a regular file: ${kindOf(st)}`);
  };
  for (const p of paths) visit(p, true, []);
  if (out.length >= MAX_FILES) found.push(`more than ${MAX_FILES} scenario files: only the first ${MAX_FILES} are taken`);
  if (problems) problems.push(...found);
  else if (found.length) {
    const missing = found.length === 1 && / no such file or folder$/.test(found[0]!);
    throw new HarnessError(missing ? 'FILE_NOT_FOUND' : 'SCENARIO_INVALID', missing ? `${paths.find((p) => found[0]!.startsWith(shown(p, cwd))) ?? found[0]}: no such file or folder` : `${found.length} problem${found.length > 1 ? 's' : ''} finding scenario files`, found);
  }
  return out;
}

/** Line and column (from 1) of byte `offset` in UTF-8 `bytes`. */
function positionOf(bytes: Buffer, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) (line++, (start = i + 1));
  return { line, col: bytes.subarray(start, offset).toString('utf8').length + 1 };
}

/** The first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(b: Buffer): number {
  if (isUtf8(b)) return -1;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > b.length || !isUtf8(b.subarray(i, i + n))) return i;
    i += n;
  }
  return -1;
}

/**
 * Reads a scenario file's text: a regular file (opened without blocking, so a FIFO
 * named `*.yaml` cannot hang the run), at most {@link MAX_SCENARIO_BYTES}, valid UTF-8.
 * Throws a {@link HarnessError} with one `file:line:col: file: message` line otherwise.
 */
export function readScenarioText(file: string, display: string): string {
  const fail = (message: string, at = { line: 1, col: 1 }, field = 'file') => new HarnessError('SCENARIO_INVALID', `${display}: ${message}`, [`${display}:${at.line}:${at.col}: ${field}: ${message}`]);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const message = unreachable(file, e as NodeJS.ErrnoException);
    if (message === 'no such file or folder') throw new HarnessError('FILE_NOT_FOUND', `${display}: cannot read the file`, [`${display}:1:1: file: no such file`]);
    throw fail(message);
  }
  let bytes: Buffer;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw fail(`not a regular file: ${kindOf(st)}`);
    if (st.size > MAX_SCENARIO_BYTES) throw fail(`the file has ${st.size} bytes; a scenario file has at most ${MAX_SCENARIO_BYTES}`);
    bytes = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, bytes, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    bytes = bytes.subarray(0, read);
  } catch (e) {
    if (e instanceof HarnessError) throw e;
    throw fail(`cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  } finally {
    closeSync(fd);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) throw fail(`not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')}); save the file as UTF-8`, positionOf(bytes, bad), 'encoding');
  return bytes.toString('utf8');
}

/** Where an alias of the document is (the one named in `message`, else the first): for alias errors. */
function aliasPosition(doc: Document, lc: LineCounter, message: string): { line: number; col: number } {
  let at: { line: number; col: number } | undefined;
  const { visit } = yamlModule();
  visit(doc, {
    Alias(_key, node) {
      if (!node.range) return undefined;
      const pos = lc.linePos(node.range[0]);
      if (!at || message.includes(`: ${node.source}`)) at = { line: pos.line, col: pos.col };
      return message.includes(`: ${node.source}`) ? visit.BREAK : undefined;
    },
  });
  return at ?? { line: 1, col: 1 };
}

export function issueMessage(issue: z.core.$ZodIssue): { message: string; key?: string } {
  if (issue.code === 'unrecognized_keys') return { message: unknownKeysMessage(issue.path, issue.keys) ?? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`, key: issue.keys[0] };
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return { message: `required field is missing (${issue.expected})` };
  return { message: issue.message };
}

/** A scenario's id: its file name without `.yaml`/`.yml` (results, `--grep`, `--shard` and expected failures name it). */
export const scenarioIdOf = (file: string): string => basename(file).replace(YAML_NAME, '');

/** Parses and validates one scenario file. Throws a `HarnessError` listing every problem. */
export function loadScenario(file: string, cwd = process.cwd()): Scenario {
  const display = shown(file, cwd);
  const text = readScenarioText(file, display);
  // a built-in scenario's text, checked by the build, is not parsed again (compiled-catalog.ts)
  const scenario = compiledScenario(text) ?? parseScenarioText(text, display);
  return { ...scenario, id: scenarioIdOf(file), file: display };
}

/**
 * Parses and validates a scenario's text (a file's, or one posted to the admin API),
 * naming it `display` in problems. Throws a `HarnessError` listing every problem.
 */
export function parseScenarioText(text: string, display: string): Omit<Scenario, 'id' | 'file'> {
  const invalidYaml = (line: number, col: number, message: string) => new HarnessError('SCENARIO_INVALID', `${display}: invalid YAML`, [`${display}:${line}:${col}: YAML: ${message}`]);
  const control = NOT_PRINTABLE.exec(text);
  if (control) {
    const before = text.slice(0, control.index);
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new HarnessError('SCENARIO_INVALID', `${display}: not a text file`, [`${display}:${before.split('\n').length}:${control.index - before.lastIndexOf('\n')}: encoding: control character U+${code}; YAML allows only printable characters (write it as an escape in a double-quoted string)`]);
  }
  const deep = yamlTooDeepAt(text, MAX_NESTING);
  if (deep >= 0) {
    const before = text.slice(0, deep);
    throw invalidYaml(before.split('\n').length, deep - before.lastIndexOf('\n'), `nested more than ${MAX_NESTING} levels deep`);
  }
  // loaded on first use: a run of the built-in catalog parses no YAML (compiled-catalog.ts)
  const { LineCounter, parseDocument } = yamlModule();
  const lc = new LineCounter();
  // logLevel: yaml's warnings are reported below, not printed on stderr
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, logLevel: 'error' });
  const problems: string[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
    problems.push(`${display}:${pos.line}:${pos.col}: YAML: ${e.message.split('\n')[0]}`);
  }
  if (problems.length) throw new HarnessError('SCENARIO_INVALID', `${display}: invalid YAML`, problems);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const message = (e as Error).message;
    const pos = aliasPosition(doc, lc, message);
    if (/Excessive alias count/.test(message)) throw invalidYaml(pos.line, pos.col, `aliases expand to too much (yaml's limit of ${MAX_ALIASES}, against alias bombs)`);
    if (/Unresolved alias/.test(message)) throw invalidYaml(pos.line, pos.col, message.replace(/^Unresolved alias \(the anchor must be set before the alias\): (.*)$/, 'unresolved alias *$1: no anchor &$1 before it'));
    throw invalidYaml(pos.line, pos.col, message);
  }
  if (raw === null || raw === undefined) throw new HarnessError('SCENARIO_INVALID', `${display}: empty`, [`${display}:1:1: (top level): the file holds no scenario: it needs title, description, provider and steps`]);
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
  return result.data;
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

/** Zod issues as `path: message` lines (what the admin API answers for a bad switch patch or provider section). */
export function issueLines(issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[] = []): string[] {
  return issues.map((issue) => `${formatPath([...prefix, ...(issue.path as (string | number)[])])}: ${issueMessage(issue).message}`);
}

/** Problems of a scenario's provider section on its own (the admin API loads one), as `provider.…: message` lines. */
export function providerSectionProblems(section: unknown): string[] {
  const checked = scenarioSchema.shape.provider.safeParse(section);
  const out = checked.success ? [] : issueLines(checked.error.issues, ['provider']);
  checkAgainstProvider({ provider: section, steps: [] }, (path, message) => out.push(`${formatPath(path)}: ${message}`));
  return out;
}

/**
 * Loads many files; collects the problems of all of them (after `found`: problems met
 * finding them) before failing. A fault while loading one file is that file's problem.
 */
export function loadScenarios(files: string[], cwd = process.cwd(), found: readonly string[] = []): Scenario[] {
  const problems: string[] = [...found];
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
      else problems.push(`${shown(f, cwd)}:1:1: file: cannot be loaded: ${(e as Error).message}`);
    }
  }
  if (problems.length) throw new HarnessError('SCENARIO_INVALID', `${problems.length} problem${problems.length > 1 ? 's' : ''} in scenario files`, problems);
  return out;
}

/** Finds and loads the scenario files of `paths`: every problem of finding and of loading them, in one error. */
export function loadScenarioPaths(paths: string[], cwd = process.cwd()): Scenario[] {
  const found: string[] = [];
  const files = findScenarioFiles(paths, found, cwd);
  return loadScenarios(files, cwd, found);
}
