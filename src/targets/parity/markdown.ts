/**
 * `parity.md`: the parity report for people. A summary, then each scenario that differs
 * with its differences as a table, then the scenarios that matched and those skipped.
 */
import type { ParityReport } from './report.js';
import { paritySentence } from './summary.js';

const cell = (v: unknown) => (v === null || v === undefined ? '—' : String(typeof v === 'string' ? v : JSON.stringify(v)).replace(/\|/g, '\\|'));

export function parityMarkdown(r: ParityReport): string {
  const s = r.summary;
  const lines = [
    `# Parity: mock profiles vs ${r.target}`,
    '',
    `Generated ${r.generatedAt}, seed ${r.seed}. Each scenario ran on the mock of its profile and on ${r.target}; the two exchanges were compared step by step on: ${r.fields.join(', ')}.`,
    '',
    ...(r.clientId ? [`On ${r.target}, ${r.clientId}.`, ''] : []),
    `| scenarios | compared | same | different | skipped | differences |`,
    `|---|---|---|---|---|---|`,
    `| ${s.scenarios} | ${s.compared} | ${s.same} | ${s.different} | ${s.skipped} | ${s.differences} |`,
    '',
    `${paritySentence(s)}.`,
    '',
    ...(r.interrupted ? [`**Interrupted**: the run was stopped after ${s.compared} of ${s.scenarios} scenarios ran on both sides; the others are listed as skipped.`, ''] : []),
  ];
  const different = r.scenarios.filter((x) => x.status === 'different');
  if (different.length) lines.push('## Differences', '');
  for (const x of different) {
    lines.push(`### ${x.id} (${x.profile})`, '', `${x.title}. Verdict on the mock: **${x.verdicts.mock}**, on ${r.target}: **${x.verdicts.target}**.`, '', '| step | endpoint | call | field | mock | target |', '|---|---|---|---|---|---|');
    for (const d of x.differences) lines.push(`| ${cell(d.step)} | ${cell(d.endpoint)} | ${d.call || '—'} | ${cell(d.field)} | ${cell(d.mock)} | ${cell(d.target)} |`);
    lines.push('');
  }
  const same = r.scenarios.filter((x) => x.status === 'same');
  if (same.length) lines.push('## Same on both', '', ...same.map((x) => `- ${x.id} (${x.profile}): ${x.verdicts.target}`), '');
  const skipped = r.scenarios.filter((x) => x.status === 'skipped');
  if (skipped.length) lines.push('## Not compared', '', ...skipped.map((x) => `- ${x.id}: ${x.reason}`), '');
  return lines.join('\n');
}
