/**
 * The conformant setting of the broken AS passes every check it can test (the bcp plan,
 * a superset of rfc6749):
 * the quirk matrices then prove that each failure comes from the quirk alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerify } from '../../src/verify/run-verify.js';
import { type BrokenAs, startBrokenAs } from './broken-as.js';

describe('broken AS without quirks', () => {
  let as: BrokenAs;
  beforeAll(async () => {
    as = await startBrokenAs();
  });
  afterAll(async () => {
    await as.close();
  });

  for (const plan of ['bcp'] as const) {
    it(`passes the ${plan} plan without a single failure`, async () => {
      as.setQuirks([]);
      const r = await runVerify(as.verifyOptions({ plan }));
      const failed = r.cases.filter((c) => c.verdict === 'failed').map((c) => `${c.id}: ${c.message}`);
      expect(failed).toEqual([]);
      const skipped = r.cases.filter((c) => c.verdict === 'skipped').map((c) => c.id);
      for (const id of skipped) expect(id).toMatch(/TLS|HTTPS|AS-MD-SIGNED|AS-TR-SCOPE-IF-DIFFERENT|RS-QUERY-CACHE-PRIVATE/);
    }, 120_000);
  }
});
