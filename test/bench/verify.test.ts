/** Issue 13's speed goals for `verify --plan bcp` are bench targets (never timed tests). */
import { describe, expect, it } from 'vitest';
import { checkTargets } from '../../src/bench/targets.js';

describe('verify bench targets', () => {
  it('hold each measured server to its goal, and leave out what was not measured', () => {
    const t = checkTargets({
      verify: {
        timings: [
          { server: 'mock', ms: 2_500, checks: 184 },
          { server: 'oidc-provider', ms: 12_000, checks: 184 },
          { server: 'glewlwyd', skipped: 'no Docker engine' },
        ],
      },
    });
    expect(t.map((x) => [x.id, x.threshold, x.met])).toEqual([
      ['verify-bcp-mock', 3, true],
      ['verify-bcp-oidc-provider', 10, false],
    ]);
  });
});
