/**
 * The parity report counts "differs" one way everywhere (src/targets/parity/summary.ts):
 * one parity run of the built-in catalog against container:oidc-provider, and the count
 * recomputed from its parity.json scenarios must be what the console printed, what
 * parity.md says, and the figure the README gives (between its `parity:` markers).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { packageRoot } from '../../mocks/package-root.js';
import { parityCommand } from '../../src/cli/commands/parity.js';
import { containerTestsEnabled } from '../../src/targets/containers/runtime.js';
import { paritySentence, paritySummary, type ParityReport } from '../../src/targets/parity.js';

const run = await containerTestsEnabled('parity count');

/** The README's figure for `target`: the text between `<!-- parity:<target> -->` and `<!-- /parity -->`. */
function readmeParityFigure(readme: string, target: string): string | undefined {
  const m = new RegExp(`<!-- parity:${target} -->([^<]*)<!-- /parity -->`).exec(readme);
  return m?.[1]?.replace(/\s+/g, ' ').trim();
}

describe('readmeParityFigure', () => {
  it('reads the figure between the markers, and nothing without them', () => {
    expect(readmeParityFigure('a <!-- parity:container:x -->3 of 4\n scenarios<!-- /parity --> b', 'container:x')).toBe('3 of 4 scenarios');
    expect(readmeParityFigure('3 of 4 scenarios', 'container:x')).toBeUndefined();
  });
});

describe('paritySentence', () => {
  it('counts a scenario as differing when one fact differs, and every fact', () => {
    const diff = { step: '1. connect', endpoint: 'token', call: 1, field: 'member scope', mock: 'absent', target: 'present' };
    const s = paritySummary(
      [
        { id: 'a', title: 'a', profile: 'rfc-strict', status: 'different', verdicts: { mock: 'passed', target: 'passed' }, differences: [diff, diff] },
        { id: 'b', title: 'b', profile: 'rfc-strict', status: 'same', verdicts: { mock: 'passed', target: 'passed' }, differences: [] },
        { id: 'c', title: 'c', profile: 'github-like', status: 'skipped', reason: 'r', verdicts: { mock: null, target: null }, differences: [] },
      ] as ParityReport['scenarios'],
      2,
    );
    expect(paritySentence(s)).toBe('2 of 3 scenarios compared: 1 same, 1 differs (2 differences), 1 not compared');
  });
});

describe.runIf(run)('one parity run of the catalog against container:oidc-provider', () => {
  let dir: string;
  let console: string;
  let report: ParityReport;
  let expected: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parity-count-'));
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
    try {
      expect(await parityCommand([], { target: 'container:oidc-provider', seed: '1', out: dir })).toBe(0);
    } finally {
      spy.mockRestore();
    }
    console = out.join('');
    report = JSON.parse(await readFile(join(dir, 'parity.json'), 'utf8')) as ParityReport;
    // recounted from the scenarios themselves, not read from the summary
    const differing = report.scenarios.filter((s) => s.differences.length > 0);
    expected = paritySentence({
      scenarios: report.scenarios.length,
      compared: report.scenarios.filter((s) => s.verdicts.mock !== null && s.verdicts.target !== null).length,
      same: report.scenarios.filter((s) => s.status === 'same').length,
      different: differing.length,
      skipped: report.scenarios.filter((s) => s.status === 'skipped').length,
      differences: differing.reduce((n, s) => n + s.differences.length, 0),
    });
  }, 20 * 60_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('prints the count on the console, a line per differing scenario', () => {
    expect(console).toContain(`\n${expected}\n`);
    expect(console.match(/^≠ /gm) ?? []).toHaveLength(report.summary.different);
    expect(report.summary).toEqual(paritySummary(report.scenarios, report.summary.compared));
  });

  it('writes the same count in parity.md', async () => {
    const md = await readFile(join(dir, 'parity.md'), 'utf8');
    expect(md).toContain(`\n${expected}.\n`);
    expect(md.match(/^### /gm) ?? []).toHaveLength(report.summary.different);
  });

  it('is the figure the README gives', async () => {
    const readme = await readFile(join(packageRoot(), 'README.md'), 'utf8');
    expect(readmeParityFigure(readme, 'container:oidc-provider'), 'README.md: put this line between <!-- parity:container:oidc-provider --> and <!-- /parity -->').toBe(expected);
  });
});
