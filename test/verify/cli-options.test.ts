/** `--timeout` and `--allow-wait` read durations in the harness's one format (mocks/provider/clock.ts). */
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors/harness-error.js';
import { parseDuration } from '../../src/verify/cli-options.js';

describe('verify duration flags', () => {
  it('reads ms, s, m, h and plain seconds', () => {
    expect(parseDuration('500ms', '--timeout')).toBe(500);
    expect(parseDuration('15s', '--timeout')).toBe(15_000);
    expect(parseDuration(' 2m ', '--allow-wait')).toBe(120_000);
    expect(parseDuration('1h', '--allow-wait')).toBe(3_600_000);
    expect(parseDuration('30', '--timeout')).toBe(30_000);
    expect(parseDuration('1.5s', '--timeout')).toBe(1_500);
  });

  it('refuses zero, more than 24h and anything else with a one-line usage error naming the flag', () => {
    for (const bad of ['0', '0s', '25h', '2d', 'abc', '-1s', '1y', '']) {
      let e: unknown;
      try {
        parseDuration(bad, '--allow-wait');
      } catch (x) {
        e = x;
      }
      expect(e, bad).toBeInstanceOf(HarnessError);
      expect((e as HarnessError).code).toBe('USAGE');
      expect((e as HarnessError).message).toMatch(/^--allow-wait: expected a duration such as 30s, 500ms or 5m \(at most 24h\), got "/);
      expect((e as HarnessError).message).not.toContain('\n');
    }
  });
});
