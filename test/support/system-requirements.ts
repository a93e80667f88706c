/**
 * The system packages some suites need beyond Node and npm, and how a suite says so.
 *
 * A suite calls {@link needs} at the top of its file and runs (or runs the parts) that
 * the answer allows. When something is missing, the suite is skipped with one line per
 * missing requirement, naming the apt command, so `npm test` passes on a machine with
 * only Node and npm. Under CI (`CI` set; .ci/run installs everything) a missing
 * requirement is a failure instead: `needs` throws, and the file fails with the same
 * apt command, where a skip would hide a broken setup.
 *
 * Docker is not listed here: the container suites use `containerTestsEnabled`
 * (src/targets/containers/runtime.ts), which behaves the same way.
 *
 * @example
 * const browser = needs('report.html in chromium', ['chromium']);
 * describe.runIf(browser.ok)('report.html in chromium', () => { ... });
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { libfaketime } from '../../src/drivers/shared-clock.js';
import { runningInCi } from '../../src/targets/containers/runtime.js';

/** Debian's chromium, as `apt-get install chromium` installs it. */
export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Python, which runs the Python clients of clients/. */
export const PYTHON = '/usr/bin/python3';

/** A system package (or a few) a suite needs. */
export interface SystemRequirement {
  /** How the skip line names it. */
  name: string;
  /** The command that installs it, as root. */
  install: string;
  /** Whether it is on this machine. Never throws. */
  present(): boolean;
}

/**
 * Whether `python` can import every module, within `timeoutMs`. False when Python is
 * missing, a module is missing, or the import hangs; never throws.
 */
export function pythonCanImport(modules: readonly string[], python = PYTHON, timeoutMs = 10_000): boolean {
  try {
    return spawnSync(python, ['-c', `import ${modules.join(', ')}`], { stdio: 'ignore', timeout: timeoutMs }).status === 0;
  } catch {
    return false;
  }
}

/** Every system requirement of the test suites, by id. */
export const SYSTEM_REQUIREMENTS = {
  chromium: {
    name: 'chromium',
    install: 'apt-get install -y chromium',
    present: () => existsSync(CHROMIUM),
  },
  libfaketime: {
    name: 'libfaketime',
    install: 'apt-get install -y libfaketime',
    // the same lookup the drivers use to share the scenario clock
    present: () => libfaketime() !== null,
  },
  'python-oauth-clients': {
    name: 'the Python OAuth clients',
    install: 'apt-get install -y python3-requests-oauthlib python3-authlib',
    present: () => pythonCanImport(['requests_oauthlib', 'authlib']),
  },
} satisfies Record<string, SystemRequirement>;

/** The id of a requirement of {@link SYSTEM_REQUIREMENTS}. */
export type RequirementId = keyof typeof SYSTEM_REQUIREMENTS;

/** What {@link needs} found. */
export interface Presence {
  /** Every requirement asked for is present. */
  readonly ok: boolean;
  /** Whether one of the requirements asked for is present. */
  has(id: RequirementId): boolean;
}

/** Options of {@link needs}; all but `skipping` are for tests of this module. */
export interface NeedsOptions {
  /** What is skipped without a requirement, when it is not the whole suite (shown in the skip line). */
  skipping?: Partial<Record<RequirementId, string>>;
  /** Detection; default: the requirement's own `present()`. */
  present?: (id: RequirementId) => boolean;
  /** Whether this is CI; default: `CI` set to anything but empty, `0` or `false`. */
  ci?: boolean;
  /** Where the skip lines go; default: stderr. */
  print?: (line: string) => void;
}

const detected = new Map<RequirementId, boolean>();

/** Detects a requirement once per process. */
function presentOnMachine(id: RequirementId): boolean {
  if (!detected.has(id)) detected.set(id, SYSTEM_REQUIREMENTS[id].present());
  return detected.get(id)!;
}

/**
 * Declares what a suite needs. Returns which requirements are present. For each missing
 * one, prints one line, e.g.
 * `[skip] web driver: needs libfaketime — apt-get install -y libfaketime`;
 * under CI, throws instead (naming every missing requirement and its install command),
 * so the file fails rather than skips.
 *
 * @param suite - the suite, as the skip line names it
 * @param ids - what it needs
 */
export function needs(suite: string, ids: readonly RequirementId[], o: NeedsOptions = {}): Presence {
  const present = o.present ?? presentOnMachine;
  const found = new Map(ids.map((id) => [id, present(id)] as const));
  const missing = ids.filter((id) => !found.get(id));
  if (missing.length && (o.ci ?? runningInCi())) {
    const what = missing.map((id) => `${SYSTEM_REQUIREMENTS[id].name} (${SYSTEM_REQUIREMENTS[id].install})`).join('; ');
    throw new Error(`${suite} cannot run in CI without ${what}; .ci/run installs ${missing.length > 1 ? 'them' : 'it'}`);
  }
  const print = o.print ?? ((line: string) => process.stderr.write(`${line}\n`));
  for (const id of missing) {
    const part = o.skipping?.[id] ? ` (${o.skipping[id]})` : '';
    print(`[skip] ${suite}${part}: needs ${SYSTEM_REQUIREMENTS[id].name} — ${SYSTEM_REQUIREMENTS[id].install}`);
  }
  return {
    ok: missing.length === 0,
    has(id) {
      if (!found.has(id)) throw new Error(`${suite}: "${id}" was not passed to needs()`);
      return found.get(id)!;
    },
  };
}
