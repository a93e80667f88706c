/**
 * The check catalogue against the requirements doc: every AS/RS/OP row that is not
 * manual-only has exactly one check with the same id, level, mode and spec reference,
 * and every check is proven failing by a quirk of the broken AS in some matrix test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from './checks/index.js';
import { MATRICES } from './checks/matrices.js';
import { BCP_ONLY, planChecks } from './plans.js';

const DOC = fileURLToPath(new URL('../../../shared/docs/spec-requirements.md', import.meta.url));
const LEVEL: Record<string, string> = {
  MUST: 'MUST', 'MUST NOT': 'MUST', REQUIRED: 'MUST', SHOULD: 'SHOULD', 'SHOULD NOT': 'SHOULD', RECOMMENDED: 'SHOULD', 'NOT RECOMMENDED': 'SHOULD', MAY: 'MAY', OPTIONAL: 'MAY', INFO: 'INFO',
};
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

describe.skipIf(!existsSync(DOC))('checks match the requirements doc', () => {
  const rows = readFileSync(DOC, 'utf8')
    .split('\n')
    .filter((l) => /^\| (AS|RS|OP)-/.test(l))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map((c) => ({ id: c[1]!, spec: c[2]!, level: c[3]!, mode: c[7]! }));

  it('implements every AS/RS/OP row except the manual-only ones', () => {
    const ids = new Set(ALL_CHECKS.map((c) => c.id));
    const missing = rows.filter((r) => !ids.has(r.id) && !MANUAL.includes(r.id)).map((r) => r.id);
    expect(missing).toEqual([]);
    const unknown = [...ids].filter((id) => !rows.some((r) => r.id === id));
    expect(unknown).toEqual([]);
  });

  it('keeps the level, derived flag, mode and spec reference of each row', () => {
    for (const check of ALL_CHECKS) {
      const row = rows.find((r) => r.id === check.id)!;
      const derived = row.level.endsWith('*');
      expect(check.level, check.id).toBe(LEVEL[row.level.replace('*', '')]);
      expect(!!check.derived, `${check.id} derived`).toBe(derived);
      expect(check.specRef.replace(/`/g, ''), check.id).toBe(row.spec.replace(/`/g, ''));
      const mode = row.mode === 'A/UA' ? 'A' : row.mode;
      expect(check.mode, check.id).toBe(mode);
    }
  });
});

describe('every check is shown failing', () => {
  it('has a quirk-matrix row with at least one breaking quirk for every check', () => {
    const proven = new Set(MATRICES.flatMap((g) => g.rows.filter((r) => r.broken.length > 0).map((r) => r.id)));
    expect(ALL_CHECKS.filter((c) => !proven.has(c.id)).map((c) => c.id)).toEqual([]);
  });
});
