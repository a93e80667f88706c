/**
 * Re-records the HAR fixtures of test/fixtures/har/ (chromium against `serve`), then
 * derives the hand-edited ones. Runs only with RECORD_HAR=1 (DERIVE_HAR=1: only the
 * derivations, without a browser): the fixtures are committed, and the import's tests read them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EDITED, FIXTURE_DIR, RECORDED, type HarLike } from './har-fixtures.js';

const file = (name: string) => fileURLToPath(new URL(`${name}.har`, FIXTURE_DIR));

describe.runIf(process.env.RECORD_HAR === '1')('record the HAR fixtures', () => {
  for (const [name, plan] of Object.entries(RECORDED)) {
    it(`records ${name}`, async () => {
      // loaded here: deriving the edited fixtures (DERIVE_HAR=1) needs no browser
      const { recordFlow } = await import('./har-recorder.js');
      await recordFlow(plan, file(name));
      expect((JSON.parse(readFileSync(file(name), 'utf8')) as HarLike).log.entries.length).toBeGreaterThan(1);
    }, 60_000);
  }
});

describe.runIf(process.env.RECORD_HAR === '1' || process.env.DERIVE_HAR === '1')('derive the hand-edited HAR fixtures', () => {
  for (const [name, d] of Object.entries(EDITED)) {
    it(`derives ${name} from ${d.from}: ${d.why}`, () => {
      const har = d.edit(JSON.parse(readFileSync(file(d.from), 'utf8')) as HarLike);
      har.log.comment = `Derived by hand from ${d.from}.har: ${d.why} (test/import/har-fixtures.ts).`;
      writeFileSync(file(name), `${JSON.stringify(har, null, 1)}\n`);
    });
  }
});
