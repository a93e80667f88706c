/**
 * `oauth-harness import FILE [--out scenarios/NAME.yaml] [--case ID] [--no-check]`: a
 * recorded exchange (HAR 1.2, or a results.json) becomes a scenario that reproduces it.
 * Without `--out` the scenario goes to stdout and the summary to stderr. Exits 0 when
 * the generated scenario reproduces the recorded outcome on the mock, 1 when it does
 * not (the file is still written, its failing expectations say what differs), 2 on bad
 * input, writing nothing.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../../../mocks/package-root.js';
import { importRecording } from '../../import/import-recording.js';
import { prepareOutFile, writeFileAtomic } from '../../import/write-atomic.js';
import { dim, green, red } from '../console-output.js';

export interface ImportCommandOptions {
  out?: string;
  case?: string;
  check?: boolean;
}

export async function importCommand(file: string, o: ImportCommandOptions): Promise<number> {
  if (o.out) prepareOutFile(o.out);
  const id = o.out ? (o.out.split(/[\\/]/).pop() ?? '').replace(/\.ya?ml$/i, '') : undefined;
  const schemaLink = o.out ? relative(dirname(resolve(o.out)), join(packageRoot(), 'scenarios', 'schema.json')).split('\\').join('/') : undefined;
  const result = await importRecording({ file, display: file, ...(o.case ? { caseId: o.case } : {}), ...(id ? { id } : {}), ...(schemaLink ? { schemaLink } : {}), check: o.check !== false });
  const say = (s: string) => (o.out ? process.stdout : process.stderr).write(`${s}\n`);
  if (o.out) writeFileAtomic(o.out, result.yaml);
  else process.stdout.write(result.yaml);
  say(`oauth-harness import: ${result.exchanges} request${result.exchanges === 1 ? '' : 's'} read, ${result.oauthExchanges} of them OAuth traffic; base profile ${result.baseProfile}; ${result.inferences.length} settings inferred, ${result.unknowns.length} left open (see the comments)`);
  say(`  recorded outcome: ${result.outcome}`);
  if (result.diagnoses.length) say(`  diagnoses: ${result.diagnoses.join(', ')}`);
  if (result.reproduced === true) say(`  ${green('✓')} the scenario reproduces the recorded outcome on the mock${result.differences.length ? ` (${result.differences.length} detail${result.differences.length > 1 ? 's' : ''} the mock does not reproduce, left as comments)` : ''}`);
  if (result.reproduced === false) say(`  ${red('✗')} the mock does not reproduce the recorded outcome:`);
  for (const d of result.differences) say(dim(`    ${d}`));
  if (o.out) say(`  wrote ${o.out}: run it with oauth-harness run ${o.out}`);
  return result.reproduced === false ? 1 : 0;
}
