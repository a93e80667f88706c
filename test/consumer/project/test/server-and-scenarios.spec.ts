// The standalone server and scenario runs from a user's test, without msw.
import { expect, test } from 'vitest';
import { HarnessError, runScenarios, startMockServer } from 'oauth-harness';

test('startMockServer serves the profiles on loopback', async () => {
  const server = await startMockServer({ profiles: ['rfc-strict', 'github-like'] });
  try {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.issuers.map((i) => i.profile)).toEqual(['rfc-strict', 'github-like']);
    const rfc = server.issuers[0]!;
    expect(rfc.clients[0]?.client_id).toBe(rfc.client_id);
    const doc = (await (await fetch(rfc.discovery)).json()) as { token_endpoint: string };
    expect(doc.token_endpoint).toBe(rfc.token_endpoint);
  } finally {
    await server.close();
  }
});

test('runScenarios runs my own scenario file and a part of the built-in catalog', async () => {
  const mine = await runScenarios({ paths: ['scenarios'] });
  expect(mine.summary).toMatchObject({ total: 1, passed: 1, failed: 0 });
  const catalog = await runScenarios({ grep: 'docusign' });
  expect(catalog.summary.total).toBeGreaterThan(2);
  expect(catalog.summary.failed).toBe(0);
  await expect(runScenarios({ paths: ['does-not-exist'] })).rejects.toBeInstanceOf(HarnessError);
});
