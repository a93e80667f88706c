/**
 * The scenario loader against hostile files: a corpus of malformed scenario files
 * (test/fixtures/hostile-scenarios/: alias bombs and unresolved aliases, nesting 5,000
 * deep, invalid UTF-8 and UTF-16, control characters, absurd durations and lifetimes,
 * invalid switch values, documents that are not scenarios…), plus what git cannot hold,
 * made here: a FIFO named `*.yaml`, a dangling symlink, a symlink loop, `loop -> .`,
 * an empty folder and a file over 1 MiB.
 *
 * Each is reported as `file:line:col: field: message` (the exact line, column, field and
 * message are asserted per file), all of them in one pass, and `oauth-harness run`
 * exits 2 with every one on stderr and no stack trace. The CLI test needs `dist/`
 * (`npm test` builds first).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { HarnessError } from '../../src/errors/harness-error.js';
import { loadScenario, loadScenarioPaths } from '../../src/scenario/load.js';

const root = packageRoot();
const dir = 'test/fixtures/hostile-scenarios';
const CLI = join(root, 'bin', 'oauth-harness.js');

type Expected = [line: number, col: number, field: string, message: RegExp][];

/** Every file of the corpus and the problems it must produce, in order. */
const CORPUS: Record<string, Expected> = {
  'alias-before-anchor.yaml': [[6, 14, 'YAML', /^unresolved alias \*later: no anchor &later before/]],
  'alias-bomb.yaml': [[7, 10, 'YAML', /^aliases expand to too much \(yaml's limit of 100,/]],
  'alias-self.yaml': [[7, 14, 'steps[1].refresh', /^Invalid input: expected object, received array/]],
  'alias-unresolved.yaml': [[6, 14, 'YAML', /^unresolved alias \*nothing: no anchor &nothing be/]],
  'client-redirect-fragment.yaml': [[6, 23, 'provider.clients[0].redirect_uris[0]', /^"https:\/\/client\.example\.test\/cb#frag" is not an /]],
  'client-redirect-not-a-uri.yaml': [[6, 23, 'provider.clients[0].redirect_uris[0]', /^"not a uri" is not an absolute URI without a fra/]],
  'command-timeout-huge.yaml': [[7, 41, 'client.command.timeout', /^a duration of at most 1h/]],
  'complex-key.yaml': [[6, 5, 'steps[0]', /^unknown field "\[ connect, refresh \]"/], [6, 5, 'steps[0]', /^a step needs one action: connect, clientCredenti/]],
  'constructor-key.yaml': [[7, 5, 'steps[0]', /^unknown field "constructor"/]],
  'control-character.yaml': [[2, 19, 'encoding', /^control character U\+0007; YAML allows only print/]],
  'duplicate-keys.yaml': [[5, 1, 'YAML', /^Map keys must be unique/]],
  'duration-huge.yaml': [[6, 19, 'steps[0].advanceClock', /^a duration of at most 100 years \(36500d\)/]],
  'duration-negative.yaml': [[6, 19, 'steps[0].advanceClock', /^a duration such as 90s, 10m, 2h or 3d/]],
  'duration-not-a-number.yaml': [[6, 19, 'steps[0].advanceClock', /^Invalid input: expected string, received NaN/]],
  'duration-overflow-seconds.yaml': [[6, 19, 'steps[0].advanceClock', /^Invalid input: expected string, received Infinit/]],
  'empty.yaml': [[1, 1, '(top level)', /^the file holds no scenario: it needs title, desc/]],
  'flow-unclosed.yaml': [[6, 1, 'YAML', /^Flow sequence in block collection must be suffic/]],
  'invalid-utf8-latin1.yaml': [[1, 11, 'encoding', /^not valid UTF-8 \(byte 0xe9\); save the file as UT/]],
  'invalid-utf8-overlong.yaml': [[2, 18, 'encoding', /^not valid UTF-8 \(byte 0xc0\); save the file as UT/]],
  'invalid-utf8-truncated.yaml': [[7, 7, 'encoding', /^not valid UTF-8 \(byte 0xe2\); save the file as UT/]],
  'list-document.yaml': [[1, 1, '(top level)', /^Invalid input: expected object, received array/]],
  'multi-document.yaml': [[7, 1, 'YAML', /^Source contains multiple documents; please use Y/]],
  'nesting-block.yaml': [[5, 129, 'YAML', /^nested more than 64 levels deep/]],
  'nesting-flow.yaml': [[4, 72, 'YAML', /^nested more than 64 levels deep/]],
  'nesting-maps.yaml': [[4, 264, 'YAML', /^nested more than 64 levels deep/]],
  'nul-byte.yaml': [[2, 18, 'encoding', /^control character U\+0000; YAML allows only print/]],
  'only-comments.yaml': [[1, 1, '(top level)', /^the file holds no scenario: it needs title, desc/]],
  'profile-a-number.yaml': [[4, 12, 'provider.profile', /^Invalid input: expected string, received number/]],
  'proto-key.yaml': [[5, 1, '(top level)', /^unknown field "__proto__"/]],
  'refresh-concurrent-huge.yaml': [[7, 28, 'steps[1].refresh.concurrent', /^Too big: expected number to be <=5000/]],
  'scalar-document.yaml': [[1, 1, '(top level)', /^Invalid input: expected object, received string/]],
  'steps-empty.yaml': [[5, 8, 'steps', /^Too small: expected array to have >=1 items/]],
  'steps-mapping.yaml': [[6, 3, 'steps', /^Invalid input: expected array, received object/]],
  'steps-null-and-numbers.yaml': [[5, 9, 'steps[0]', /^Invalid input: expected object, received null/], [5, 15, 'steps[1]', /^Invalid input: expected object, received number/], [5, 28, 'steps[2].connect', /^Invalid input: expected object, received number/]],
  'switch-domain-with-scheme.yaml': [[6, 34, 'provider.switches.network.domainAllowList[0]', /^a domain such as client\.example\.test \(no scheme,/]],
  'switch-ip-not-an-ip.yaml': [[6, 30, 'provider.switches.network.ipAllowList[0]', /^"not-an-ip" is not an IP address or CIDR range \(/]],
  'switch-ip-prefix-99.yaml': [[6, 30, 'provider.switches.network.ipAllowList[0]', /^"10\.0\.0\.0\/99": the prefix length must be a whole/]],
  'switch-lifetime-1e300.yaml': [[6, 31, 'provider.switches.lifetimes.accessToken', /^at most 3153600000 seconds \(100 years\)/]],
  'switch-lifetime-negative.yaml': [[6, 24, 'provider.switches.lifetimes.code', /^Too small: expected number to be >=0/]],
  'switch-path-empty.yaml': [[6, 21, 'provider.switches.paths.token', /^a path under the issuer starts with "\/" and has /]],
  'switch-path-relative.yaml': [[6, 21, 'provider.switches.paths.token', /^a path under the issuer starts with "\/" and has /]],
  'switch-path-twice.yaml': [[6, 40, 'provider.switches.paths.revocation', /^"\/same" is already the token path/]],
  'switch-scope-with-space.yaml': [[6, 31, 'provider.switches.scopes.defaultScopes[0]', /^a scope is printable ASCII without spaces, `"` o/]],
  'switches-a-list.yaml': [[5, 13, 'provider.switches', /^Invalid input: expected record, received array/]],
  'tab-indentation.yaml': [[4, 1, 'YAML', /^Tabs are not allowed as indentation/]],
  'title-empty.yaml': [[1, 8, 'title', /^Too small: expected string to have >=1 character/]],
  'unclosed-quote.yaml': [[7, 1, 'YAML', /^Missing closing "quote/], [7, 1, 'YAML', /^Flow map in block collection must be sufficientl/]],
  'unknown-tag.yaml': [[6, 14, 'YAML', /^Unresolved tag: tag:yaml\.org,2002:js\/function/]],
  'utf16.yaml': [[1, 1, 'encoding', /^not valid UTF-8 \(byte 0xff\); save the file as UT/]],
};

/** What git cannot hold, made in a temporary folder: name → the problem it must produce. */
const tmp = mkdtempSync(join(tmpdir(), 'oauth-harness-hostile-'));
const special: Record<string, [what: string, message: RegExp]> = {
  'fifo.yaml': ['file', /^not a regular file: a FIFO \(named pipe\)$/],
  'dangling.yaml': ['file', /^dangling symlink: "missing\.yaml" does not exist$/],
  'self.yaml': ['file', /^symlink loop: "self\.yaml" leads back to itself$/],
  loop: ['folder', /^symlink loop: leads back to .*, a folder it is in$/],
  empty: ['folder', /^no scenario files \(\*\.yaml, \*\.yml\) in this folder$/],
  'too-big.yaml': ['file', /^the file has 1048577 bytes; a scenario file has at most 1048576$/],
};
spawnSync('mkfifo', [join(tmp, 'fifo.yaml')]);
symlinkSync('missing.yaml', join(tmp, 'dangling.yaml'));
symlinkSync('self.yaml', join(tmp, 'self.yaml'));
symlinkSync('.', join(tmp, 'loop'));
mkdirSync(join(tmp, 'empty'));
writeFileSync(join(tmp, 'too-big.yaml'), `# ${'x'.repeat(1024 * 1024 - 2)}\n`);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** How the loader names a file of the temporary folder (relative to the package root). */
const shownTmp = (name: string) => relative(root, join(tmp, name));

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(HarnessError);
    return (e as HarnessError).problems;
  }
  throw new Error('loaded without a problem');
}

describe('hostile scenario files: file:line:col: field: message for each', () => {
  it(`the corpus has at least 40 files, and the table covers every one`, () => {
    const files = readdirSync(join(root, dir)).sort();
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(CORPUS).sort()).toEqual(files);
  });

  for (const [name, expected] of Object.entries(CORPUS)) {
    it(name, () => {
      const problems = problemsOf(() => loadScenario(join(root, dir, name), root));
      expect(problems).toHaveLength(expected.length);
      expected.forEach(([line, col, field, message], i) => {
        const prefix = `${dir}/${name}:${line}:${col}: ${field}: `;
        expect(problems[i]!.startsWith(prefix), `${problems[i]} should start with ${prefix}`).toBe(true);
        expect(problems[i]!.slice(prefix.length)).toMatch(message);
      });
    });
  }

  it('a FIFO, a dangling symlink, a symlink loop, `loop -> .`, an empty folder and a 1 MiB file: one problem each, nothing hangs', () => {
    const problems = problemsOf(() => loadScenarioPaths([tmp, join(tmp, 'empty')], root));
    for (const [name, [what, message]] of Object.entries(special)) {
      const prefix = `${shownTmp(name)}:1:1: ${what}: `;
      const line = problems.find((p) => p.startsWith(prefix));
      expect(line, `${prefix}… in ${problems.join('\n')}`).toBeDefined();
      expect(line!.slice(prefix.length)).toMatch(message);
    }
    expect(problems).toHaveLength(Object.keys(special).length);
    // read directly, the FIFO is refused without blocking either
    expect(problemsOf(() => loadScenario(join(tmp, 'fifo.yaml'), root))).toEqual([`${shownTmp('fifo.yaml')}:1:1: file: not a regular file: a FIFO (named pipe)`]);
  });
});

describe('oauth-harness run on the whole corpus', () => {
  it('exits 2 with every problem of every file on stderr, no stack trace, nothing run or written', () => {
    const out = join(tmp, 'reports');
    const r = spawnSync(process.execPath, [CLI, 'run', dir, tmp, join(tmp, 'empty'), 'scenarios/credentials', '--out', out], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n');
    for (const [name, expected] of Object.entries(CORPUS)) {
      for (const [line, col, field] of expected) expect(lines.some((l) => l.startsWith(`  ${dir}/${name}:${line}:${col}: ${field}: `)), `${name}:${line}:${col}`).toBe(true);
    }
    for (const [name, [what]] of Object.entries(special)) expect(lines.some((l) => l.startsWith(`  ${shownTmp(name)}:1:1: ${what}: `)), name).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at |TypeError|RangeError|ReferenceError/);
    expect(r.stderr).not.toMatch(/scenarios\/credentials\//);
    expect(r.stdout).toBe('');
    expect(readdirSync(tmp)).not.toContain('reports');
  });
});
