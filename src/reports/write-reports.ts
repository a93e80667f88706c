/**
 * Reporters by name, and writing them to the output folder atomically (each file is
 * written next to its target and renamed, so a crash never leaves a half-written report).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
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

/** Writes the selected reports; returns the paths written. */
export function writeReports(run: RunResult, names: string[], outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
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
