import { it } from 'vitest';
import { runVerify } from './run-verify.js';
import { startBrokenAs } from './testing/broken-as.js';
import { startOidcProviderFixture } from './oidc-provider-fixture.js';
it('durations', async () => {
  const as = await startBrokenAs();
  const r = await runVerify(as.verifyOptions());
  console.log('broken', r.durationMs, r.cases.filter((c) => c.durationMs > 300).map((c) => `${c.id}=${c.durationMs}`).join(' '));
  await as.close();
  const op = await startOidcProviderFixture();
  const r2 = await runVerify(op.verifyOptions());
  console.log('op', r2.durationMs, r2.cases.filter((c) => c.durationMs > 300).map((c) => `${c.id}=${c.durationMs}`).join(' '));
  await op.close();
}, 120000);
