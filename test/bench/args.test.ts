/** `npm run bench -- …`: options and the mistakes it names. */
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../src/bench/index.js';

describe('bench options', () => {
  it('defaults: every section, 5 rounds of 5 s, 50 connections; --quick: 1 round of 2 s', () => {
    expect(parseBenchArgs([])).toMatchObject({ rounds: 5, seconds: 5, connections: 50, warmupSeconds: 1, quick: false });
    expect([...parseBenchArgs([]).only]).toEqual(['throughput', 'storm', 'catalog', 'startup', 'memory', 'install', 'shards', 'verify']);
    expect(parseBenchArgs(['--quick', '--only', 'startup,memory'])).toMatchObject({ rounds: 1, seconds: 2, quick: true, only: new Set(['startup', 'memory']) });
  });

  it.each([
    [['--only', 'speed'], /--only: unknown section "speed"/],
    [['--rounds', 'two'], /--rounds: expected a whole number ≥ 1, got "two"/],
    [['--seconds', '0'], /--seconds: expected a whole number ≥ 1/],
    [['--fast'], /Unknown option '--fast'/],
  ])('%j is a usage error', (args, message) => {
    expect(() => parseBenchArgs(args)).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringMatching(message) }));
  });
});
