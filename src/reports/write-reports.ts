/**
 * Reporters by name, and writing them to the output folder atomically (each file is
 * written next to its target and renamed, so a crash never leaves a half-written report).
 */
import { accessSync, constants, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { HarnessError } from '../errors/harness-error.js';
import { join } from 'node:path';
import type { RunResult } from '../results/model.js';
import { renderHtml } from './html/html-report.js';
import { renderJunit } from './junit.js';

export type Reporter = { file: string; description: string; render: (run: RunResult) => string };

export const REPORTERS: Record<string, Reporter> = {
  junit: { file: 'junit.xml', description: 'JUnit XML for CI (GitHub Actions, GitLab)', render: renderJunit },
  json: { file: 'results.json', description: 'JSON results (schema: docs/results.schema.json)', render: (run) => `${JSON.stringify(run, null, 2)}\n` },
  html: { file: 'report.html', description: 'single-file HTML report with sequence diagrams', render: renderHtml },
};

/** Parses `--report junit,json,html` (or `all`, or `none`); unknown names are a usage error. */
export function parseReportList(list: string): string[] {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 1 && names[0] === 'all') return Object.keys(REPORTERS);
  if (names.length === 1 && names[0] === 'none') return [];
  const unknown = names.filter((n) => !(n in REPORTERS));
  if (unknown.length) throw new HarnessError('USAGE', `--report: unknown report "${unknown.join(', ')}"; available: ${Object.keys(REPORTERS).join(', ')} (or all, none)`);
  return [...new Set(names)];
}

/**
 * Makes sure reports can be written to `outDir` (creating it), or says why not as a
 * usage error (exit 2). Commands call it before they run anything, so a wrong `--out`
 * does not cost a whole run.
 */
export function prepareOutDir(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
    accessSync(outDir, constants.W_OK);
  } catch (e) {
    throw new HarnessError('USAGE', `--out: cannot write reports to ${outDir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Writes the selected reports; returns the paths written. */
export function writeReports(run: RunResult, names: string[], outDir: string): string[] {
  prepareOutDir(outDir);
  const written: string[] = [];
  for (const name of names) {
    const r = REPORTERS[name];
    if (!r) continue;
    const target = join(outDir, r.file);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, r.render(run));
    renameSync(tmp, target);
    written.push(target);
  }
  return written;
}
