/**
 * How a suite's system requirements decide between running, skipping with one line, and
 * failing under CI. Detection is injected, so these tests do not depend on what this
 * machine has installed.
 */
import { describe, expect, it } from 'vitest';
import { needs, pythonCanImport, SYSTEM_REQUIREMENTS, type RequirementId } from './system-requirements.js';

/** `needs` with a machine that has exactly `installed`, printing into `lines`. */
function check(ids: RequirementId[], installed: RequirementId[], ci: boolean, skipping?: Partial<Record<RequirementId, string>>) {
  const lines: string[] = [];
  const asked: RequirementId[] = [];
  const present = (id: RequirementId) => {
    asked.push(id);
    return installed.includes(id);
  };
  const run = () => needs('some suite', ids, { present, ci, print: (line) => lines.push(line), ...(skipping ? { skipping } : {}) });
  return { run, lines, asked };
}

describe('needs', () => {
  it('runs silently when everything is there, in CI or not', () => {
    for (const ci of [false, true]) {
      const { run, lines } = check(['chromium', 'libfaketime'], ['chromium', 'libfaketime'], ci);
      const p = run();
      expect(p.ok).toBe(true);
      expect([p.has('chromium'), p.has('libfaketime')]).toEqual([true, true]);
      expect(lines).toEqual([]);
    }
  });

  it('outside CI, skips with one line per missing requirement naming the apt command', () => {
    const { run, lines, asked } = check(['python-oauth-clients', 'libfaketime', 'chromium'], ['chromium'], false, { libfaketime: 'clock moves' });
    const p = run();
    expect(p.ok).toBe(false);
    expect([p.has('python-oauth-clients'), p.has('libfaketime'), p.has('chromium')]).toEqual([false, false, true]);
    expect(lines).toEqual([
      '[skip] some suite: needs the Python OAuth clients — apt-get install -y python3-requests-oauthlib python3-authlib',
      '[skip] some suite (clock moves): needs libfaketime — apt-get install -y libfaketime',
    ]);
    expect(asked).toEqual(['python-oauth-clients', 'libfaketime', 'chromium']);
  });

  it('under CI, fails instead of skipping, naming every missing requirement and its apt command', () => {
    const { run, lines } = check(['chromium', 'libfaketime'], [], true);
    expect(run).toThrow('some suite cannot run in CI without chromium (apt-get install -y chromium); libfaketime (apt-get install -y libfaketime); .ci/run installs them');
    expect(lines).toEqual([]);
  });

  it('refuses a question about a requirement that was not declared', () => {
    const p = check(['chromium'], ['chromium'], false).run();
    expect(() => p.has('libfaketime')).toThrow('some suite: "libfaketime" was not passed to needs()');
  });
});

describe('the requirements', () => {
  it('each names an apt-get install command', () => {
    for (const r of Object.values(SYSTEM_REQUIREMENTS)) expect(r.install).toMatch(/^apt-get install -y [a-z0-9.+-]+( [a-z0-9.+-]+)*$/);
  });

  it('the Python check is false, without throwing, when Python or a module is missing', () => {
    expect(pythonCanImport(['json'], '/nonexistent/python3')).toBe(false);
    expect(pythonCanImport(['no_such_module_for_oauth_harness'])).toBe(false);
  });
});
