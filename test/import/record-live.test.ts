/**
 * A HAR recorded now, not a committed fixture: chromium with Playwright's recordHar signs
 * in at `serve` through a browser-based client, and the HAR it writes is imported and
 * reproduced. Needs chromium (skipped with one line without it, required under CI).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRecording } from '../../src/import/import-recording.js';
import { needs } from '../support/system-requirements.js';
import { RECORDED } from './har-fixtures.js';
import { recordFlow } from './har-recorder.js';

const machine = needs('import of a HAR recorded with chromium', ['chromium']);

describe.runIf(machine.ok)('import of a HAR chromium records now', () => {
  const dir = mkdtempSync(join(tmpdir(), 'har-live-'));
  for (const [name, outcome, diagnosis] of [
    ['docusign-body-credentials', /^step 1 \(connect\) fails with invalid_client/, 'credentials-wrong-placement'],
    ['rotating-reuse', /^step 3 \(refresh\) fails with reconnect_required/, 'refresh-token-reuse'],
  ] as const) {
    it(`${name}: recorded, imported, reproduced`, async () => {
      const file = join(dir, `${name}.har`);
      await recordFlow(RECORDED[name]!, file);
      const r = await importRecording({ file, display: `${name}.har` });
      expect(r.outcome).toMatch(outcome);
      expect(r.diagnoses).toContain(diagnosis);
      expect(r.reproduced, r.differences.join('\n')).toBe(true);
    }, 60_000);
  }
});
