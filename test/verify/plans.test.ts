/**
 * The check catalogue against the project's requirements doc (`docs/requirements.md`):
 * every AS/RS/OP row that is not manual-only has exactly one check with the same id,
 * level, mode, spec reference and plans, and every check is proven failing by a quirk of
 * the broken AS in some matrix test. (`requirements-doc.test.ts` keeps the doc generated.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../src/verify/checks/index.js';
import { MATRICES } from './checks/matrices.js';
import { BCP_ONLY, PLAN_NAMES, planChecks } from '../../src/verify/plans.js';

const DOC = fileURLToPath(new URL('../../docs/requirements.md', import.meta.url));
/** Rows that need a human (mode M): recorded, not checked. */
const MANUAL = ['AS-RT-INACTIVITY', 'AS-NAT-PUBLIC-TYPE'];

describe('plans', () => {
  it('has unique check ids', () => {
    expect(new Set(ALL_CHECKS.map((c) => c.id)).size).toBe(ALL_CHECKS.length);
  });

  it('rfc6749 is bcp without the RFC 9700 / 9207 / 8252 rows, in the same order', () => {
    const bcp = planChecks('bcp').map((c) => c.id);
    const core = planChecks('rfc6749').map((c) => c.id);
    expect(core).toEqual(bcp.filter((id) => !BCP_ONLY.has(id)));
    for (const id of BCP_ONLY) expect(bcp, id).toContain(id);
    expect(core).toContain('AS-AC-REDIRECT-PRESENT');
    expect(core).not.toContain('AS-AZ-NO-ERROR-REDIRECT-BEFORE-AUTH');
  });

  it('runs heuristic floods last (they may lock the test client out)', () => {
    expect(ALL_CHECKS.slice(-2).map((c) => c.id)).toEqual(['AS-CA-BRUTE-FORCE', 'AS-REV-DOS']);
  });
});

describe('checks match docs/requirements.md', () => {
  const rows = readFileSync(DOC, 'utf8')
    .split('\n')
    .filter((l) => /^\| (AS|RS|OP)-/.test(l))
    .map((l) => l.split(/(?<!\\)\|/).map((c) => c.trim()))
    .map((c) => ({ id: c[1]!, level: c[2]!, spec: c[3]!.replace(/\\\|/g, '|'), mode: c[4]!, plans: c[5]!.split(', ') }));

  it('lists each row once, the manual-only ones with mode M', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.filter((r) => r.mode === 'M').map((r) => r.id)).toEqual(MANUAL);
  });

  it('implements every AS/RS/OP row except the manual-only ones', () => {
    const ids = new Set(ALL_CHECKS.map((c) => c.id));
    const missing = rows.filter((r) => !ids.has(r.id) && !MANUAL.includes(r.id)).map((r) => r.id);
    expect(missing).toEqual([]);
    const unknown = [...ids].filter((id) => !rows.some((r) => r.id === id));
    expect(unknown).toEqual([]);
    expect(ALL_CHECKS.filter((c) => MANUAL.includes(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('keeps the level, derived flag, mode and spec reference of each row', () => {
    for (const check of ALL_CHECKS) {
      const row = rows.find((r) => r.id === check.id)!;
      const derived = row.level.endsWith('*');
      expect(check.level, check.id).toBe(row.level.replace('*', ''));
      expect(!!check.derived, `${check.id} derived`).toBe(derived);
      expect(check.specRef.replace(/`/g, ''), check.id).toBe(row.spec.replace(/`/g, ''));
      expect(check.mode, check.id).toBe(row.mode);
    }
  });

  it('lists for each row the plans that run its check', () => {
    for (const check of ALL_CHECKS) {
      const row = rows.find((r) => r.id === check.id)!;
      expect(row.plans, check.id).toEqual(PLAN_NAMES.filter((p) => planChecks(p).includes(check)));
    }
  });
});

describe('every check is shown failing', () => {
  it('has a quirk-matrix row with at least one breaking quirk for every check', () => {
    const proven = new Set(MATRICES.flatMap((g) => g.rows.filter((r) => r.broken.length > 0).map((r) => r.id)));
    expect(ALL_CHECKS.filter((c) => !proven.has(c.id)).map((c) => c.id)).toEqual([]);
  });
});
