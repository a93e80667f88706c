/**
 * Recordings nobody here made are partial and odd: any subset of a recording's entries,
 * in any order, with bodies missing, must import (or be refused with the one-line input
 * error), never crash, and what it writes loads and runs. Seeded, so a failure repeats.
 */
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors/harness-error.js';
import { EDITED, RECORDED } from './har-fixtures.js';
import { importHar, readHar } from './import-support.js';

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('import never crashes on partial or odd recordings', () => {
  for (const name of [...Object.keys(RECORDED), ...Object.keys(EDITED)]) {
    it(name, async () => {
      const random = rng(name.length * 7919);
      for (let round = 0; round < 6; round++) {
        const har = readHar(name);
        let entries = har.log.entries.filter(() => random() > 0.3);
        if (round % 2) entries = entries.sort(() => random() - 0.5);
        for (const e of entries) {
          if (random() < 0.2) delete e.response.content.text;
          if (random() < 0.1) e.request.headers = [];
          if (random() < 0.1) e.response.status = 0;
        }
        har.log.entries = entries;
        try {
          const r = await importHar(har, `${name}-${round}`, { check: true });
          expect(r.yaml).toMatch(/\nsteps:\n/);
        } catch (e) {
          // only the input errors (no OAuth traffic left): a generated scenario that does not load would be SCENARIO_INVALID
          expect(e, (e as Error).stack).toBeInstanceOf(HarnessError);
          expect((e as HarnessError).code, (e as Error).message).toBe('INPUT_INVALID');
        }
      }
    });
  }
});
