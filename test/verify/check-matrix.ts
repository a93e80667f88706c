/**
 * Test helper: prove each check both ways against the broken AS — it passes on the
 * conformant setting and fails (verdict `failed`) with the quirk that breaks its requirement.
 */
import { describe, it } from 'vitest';
import type { CaseResult } from '../../src/results/model.js';
import { runVerify, type VerifyOptions } from '../../src/verify/run-verify.js';
import { type BrokenAs, type Quirk, startBrokenAs } from './broken-as.js';

export interface MatrixRow {
  id: string;
  /** Quirks that break the requirement (each is tried alone, on top of `base`). */
  broken: Quirk[];
  /** Quirks making up the conformant setting (default none). */
  base?: Quirk[];
  /** Option overrides for this row. */
  options?: Partial<VerifyOptions>;
  /**
   * Verdict expected without quirks (default `passed`); `failed` is for rows whose
   * options alone make the server non-conformant (e.g. plain http with the loopback allowance off);
   * `inconclusive` for a `base` the harness cannot test through (a client restricted by the
   * server, a consent page without a deny control): not tested, never failed.
   */
  conformant?: 'passed' | 'skipped' | 'failed' | 'inconclusive';
}

/** Run one check against the server with `quirks` and return its case. */
export async function runOne(as: BrokenAs, id: string, quirks: readonly Quirk[], options: Partial<VerifyOptions> = {}): Promise<CaseResult> {
  as.setQuirks(quirks);
  const result = await runVerify(as.verifyOptions({ only: [id], ...options }));
  const c = result.cases[0];
  if (!c) throw new Error(`check ${id} did not run`);
  return c;
}

function explain(c: CaseResult): string {
  return `${c.id}: ${c.verdict}${c.message ? ` — ${c.message}` : ''}`;
}

/** A named list of rows (one per area). */
export interface MatrixGroup {
  name: string;
  rows: readonly MatrixRow[];
}

/**
 * Declare the matrices as vitest tests. All rows share one concurrent pool (their waits
 * for expiry overlap), each against its own broken AS, so quirks never leak between rows.
 */
export function checkMatrices(groups: readonly MatrixGroup[]): void {
  describe.concurrent('quirk matrix', () => {
    for (const { name, rows } of groups) for (const row of rows) {
      it(`${name} › ${row.id}: passes when conformant, fails with ${row.broken.join(' | ') || '(none)'}`, async ({ expect }) => {
        const as = await startBrokenAs();
        try {
          const ok = await runOne(as, row.id, row.base ?? [], row.options);
          expect(ok.verdict, explain(ok)).toBe(row.conformant ?? 'passed');
          for (const q of row.broken) {
            const bad = await runOne(as, row.id, [...(row.base ?? []), q], row.options);
            expect(bad.verdict, `${q} → ${explain(bad)}`).toBe('failed');
            expect(bad.message, explain(bad)).toBeTruthy();
          }
        } finally {
          await as.close();
        }
      });
    }
  });
}
