/**
 * `oauth-harness parity --target container:NAME [paths…]`: the same scenarios on the mock
 * profile and on the real server, and every difference between the two exchanges
 * (`parity.json`, `parity.md`). Differences are findings, not errors: the exit code is 0
 * once the report is written (2 on bad input or an unreachable target).
 */
import { join } from 'node:path';
import { packageRoot } from '../../../mocks/package-root.js';
import { prepareOutDir } from '../../reports/write-reports.js';
import { loadScenarioPaths } from '../../scenario/load.js';
import { parityReport, parseTarget } from '../../targets/index.js';
import { paritySentence } from '../../targets/parity/summary.js';
import { liveTargetStart, type LiveTargetOptions } from '../../targets/live-target.js';
import { dim, yellow } from '../console-output.js';
import { parseSeed } from '../parse-seed.js';

export async function parityCommand(paths: string[], o: { target: string; seed: string; out: string } & LiveTargetOptions): Promise<number> {
  const seed = parseSeed(o.seed);
  parseTarget(o.target);
  const live = await liveTargetStart(o);
  const scenarios = loadScenarioPaths(paths.length ? paths : [join(packageRoot(), 'scenarios')]);
  prepareOutDir(o.out);
  process.stdout.write(`oauth-harness parity: ${scenarios.length} scenarios, mock vs ${o.target}\n`);
  const report = await parityReport({ target: o.target, scenarios, outDir: o.out, seed, ...(live ? { start: live } : {}) });
  for (const s of report.scenarios.filter((x) => x.status === 'different')) {
    process.stdout.write(`${yellow('≠')} ${s.id} ${dim(`(${s.differences.length} difference${s.differences.length > 1 ? 's' : ''})`)}\n`);
  }
  process.stdout.write(`\n${paritySentence(report.summary)}\n${dim(`reports: ${join(o.out, 'parity.json')}, ${join(o.out, 'parity.md')}`)}\n`);
  return 0;
}
